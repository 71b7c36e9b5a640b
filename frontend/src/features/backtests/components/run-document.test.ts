import { describe, expect, it } from "vitest";
import { withTag } from "./run-document";
import { equityWithin } from "./shared-run";

describe("withTag", () => {
  it("adds a tag trimmed with its spaces collapsed", () => {
    expect(withTag(["swing"], "  aapl   daily ")).toEqual(["swing", "aapl daily"]);
  });

  it("does not add a tag the run has in another case, nor a blank one", () => {
    expect(withTag(["Swing"], "SWING")).toEqual(["Swing"]);
    expect(withTag(["Swing"], "   ")).toEqual(["Swing"]);
  });
});

describe("equityWithin", () => {
  const equity = {
    time: [Date.parse("2013-01-02"), Date.parse("2013-06-03"), Date.parse("2013-12-31")],
    equity: [100, 110, 120],
    drawdown: [0, -0.1, 0],
    buy_and_hold: [100, 105, 130],
    benchmark_equity: null,
    total_points: 3,
  };

  it("keeps the whole overview without a range", () => {
    expect(equityWithin(equity, {})).toBe(equity);
  });

  it("keeps only the points inside the range, every series alike", () => {
    const zoomed = equityWithin(equity, { from: "2013-03-01T00:00:00Z", to: "2013-12-31T00:00:00Z" });
    expect(zoomed?.equity).toEqual([110, 120]);
    expect(zoomed?.buy_and_hold).toEqual([105, 130]);
    expect(zoomed?.total_points).toBe(2);
  });
});
