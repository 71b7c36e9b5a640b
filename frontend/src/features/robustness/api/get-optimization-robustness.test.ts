import { describe, expect, it } from "vitest";
import { optimization } from "../test/fixtures";
import { robustnessPending, STATISTICS_WAIT_MS, stillComing } from "./get-optimization-robustness";

describe("when an optimisation's robustness part is still to come", () => {
  const now = Date.parse("2026-12-07T10:00:00Z");
  const finished = (msAgo: number) => new Date(now - msAgo).toISOString();

  it("is pending while the sweep runs and, once completed, until the statistics and the held-out evaluation are stored", () => {
    expect(robustnessPending(optimization({ status: "running", statistics: null }))).toBe(true);
    expect(robustnessPending(optimization({ statistics: null }))).toBe(true);
    expect(robustnessPending(optimization({ out_of_sample: { ...optimization().out_of_sample!, status: "pending" } }))).toBe(true);
    expect(robustnessPending(optimization())).toBe(false);
    expect(robustnessPending(optimization({ status: "failed", statistics: null }))).toBe(false);
  });

  it("asks again only for a sweep that runs or finished a few minutes ago, not for one stored before the statistics existed", () => {
    expect(stillComing(optimization({ status: "running", statistics: null, completed_at: null }), now)).toBe(true);
    expect(stillComing(optimization({ statistics: null, completed_at: finished(10_000) }), now)).toBe(true);
    expect(stillComing(optimization({ statistics: null, completed_at: finished(STATISTICS_WAIT_MS + 1) }), now)).toBe(false);
    expect(stillComing(optimization({ completed_at: finished(1000) }), now)).toBe(false);
  });
});
