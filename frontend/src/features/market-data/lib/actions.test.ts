import { describe, expect, it } from "vitest";
import type { SchemaActionView } from "@/lib/api/schema";
import { chartTime } from "@/lib/chart-time";
import { actionBarIndex, actionMarkers, chartStart } from "./actions";

const ZONE = "Asia/Seoul";
/** Daily KRX bars opening at midnight Seoul time (15:00 UTC the day before). */
const days = ["2018-04-30", "2018-05-02", "2018-05-03", "2018-05-04", "2018-05-08"].map((d) => Date.parse(`${d}T00:00:00+09:00`));
const local = days.map((t) => chartTime(t, ZONE));

const action = (overrides: Partial<SchemaActionView>): SchemaActionView => ({
  type: "split",
  date: "2018-05-04",
  end_date: null,
  ratio: 50,
  amount: null,
  source: "csv",
  imported_at: "2026-12-01T00:00:00Z",
  ...overrides,
});

describe("corporate actions on a symbol's candles", () => {
  it("finds the bar of an action's day in the symbol's zone", () => {
    expect(actionBarIndex(local, "2018-05-04")).toBe(3);
    expect(actionBarIndex(local, "2018-04-30")).toBe(0);
  });

  it("puts an action on a day without a bar on the bar before it, and none outside the bars", () => {
    expect(actionBarIndex(local, "2018-05-07")).toBe(3);
    expect(actionBarIndex(local, "2018-04-01")).toBe(-1);
    expect(actionBarIndex(local, "2019-01-01")).toBe(-1);
    expect(actionBarIndex([], "2018-05-04")).toBe(-1);
  });

  it("marks a split with its ratio above the bar, a dividend below it and a halt, sorted by time", () => {
    const markers = actionMarkers(
      [
        action({ type: "dividend", date: "2018-05-02", ratio: null, amount: 361 }),
        action({}),
        action({ type: "halt", date: "2018-04-30", end_date: "2018-04-30", ratio: null }),
      ],
      days,
      ZONE,
      { split: "blue", dividend: "green", halt: "red" },
      { split: (ratio) => `S ${ratio}`, dividend: "D", halt: "H" },
    );
    expect(markers.map((m) => [m.text, m.position, m.time])).toEqual([
      ["H", "aboveBar", local[0]],
      ["D", "belowBar", local[1]],
      ["S 50:1", "aboveBar", local[3]],
    ]);
  });

  it("shows daily bars whole and intraday ones over a recent span", () => {
    expect(chartStart("1d", "2000-01-04T00:00:00Z", "2024-12-30T00:00:00Z")).toBe("2000-01-04");
    expect(chartStart("1m", "2024-01-02T00:00:00Z", "2024-12-30T00:00:00Z")).toBe("2024-12-23");
    expect(chartStart("1h", "2024-11-01T00:00:00Z", "2024-12-30T00:00:00Z")).toBe("2024-11-01");
  });
});
