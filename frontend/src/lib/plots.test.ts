import { describe, expect, it } from "vitest";
import { chartTime } from "./chart-time";
import { PLOT_PALETTE, plotColors, plotPoints } from "./plots";

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 2, 14, 30);

describe("plot colours", () => {
  it("keeps a plot's own #rrggbb and gives the others the palette's colour for their position", () => {
    expect(plotColors([{ color: null }, { color: "#ff8800" }, { color: null }, { color: "red" }])).toEqual([
      PLOT_PALETTE[0],
      "#ff8800",
      PLOT_PALETTE[2],
      PLOT_PALETTE[3],
    ]);
  });

  it("cycles the palette when there are more plots than colours", () => {
    const colors = plotColors(Array.from({ length: PLOT_PALETTE.length + 1 }, () => ({ color: null })));
    expect(colors[PLOT_PALETTE.length]).toBe(PLOT_PALETTE[0]);
  });
});

describe("plot points on the candles", () => {
  const candles = [T0, T0 + DAY, T0 + 2 * DAY, T0 + 3 * DAY];

  it("maps each value to its candle's chart time and a null to a gap (a time without a value)", () => {
    const points = plotPoints(candles, [null, 1.5, null, 2.5], candles, "America/New_York");
    expect(points).toEqual([
      { time: chartTime(candles[0]!, "America/New_York") },
      { time: chartTime(candles[1]!, "America/New_York"), value: 1.5 },
      { time: chartTime(candles[2]!, "America/New_York") },
      { time: chartTime(candles[3]!, "America/New_York"), value: 2.5 },
    ]);
  });

  it("treats NaN and infinities as gaps too", () => {
    const points = plotPoints(candles.slice(0, 2), [Number.NaN, Number.POSITIVE_INFINITY], candles, "UTC");
    expect(points.every((p) => !("value" in p))).toBe(true);
  });

  it("puts the values of resampled candles on the candle containing them, the last one winning", () => {
    const weekly = [T0, T0 + 7 * DAY];
    const times = [T0, T0 + DAY, T0 + 2 * DAY, T0 + 7 * DAY, T0 + 8 * DAY];
    const points = plotPoints(times, [1, 2, 3, 4, null], weekly, "UTC");
    expect(points).toEqual([{ time: chartTime(weekly[0]!, "UTC"), value: 3 }, { time: chartTime(weekly[1]!, "UTC") }]);
  });

  it("drops points before the first candle and keeps a downsampled series sparse", () => {
    const points = plotPoints([T0 - DAY, T0, T0 + 3 * DAY], [9, 1, 4], candles, "UTC");
    expect(points).toEqual([
      { time: chartTime(T0, "UTC"), value: 1 },
      { time: chartTime(T0 + 3 * DAY, "UTC"), value: 4 },
    ]);
  });
});
