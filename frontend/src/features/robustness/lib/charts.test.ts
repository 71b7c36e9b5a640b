import { describe, expect, it } from "vitest";
import { monteCarlo, walkForward } from "../test/fixtures";
import { binOf, driftRows, equityPoints, fanPoints, histogramBars, windowBoundaries } from "./charts";

describe("the robustness charts' data", () => {
  it("turns the bands into [low, high] pairs per step, leaving out steps with a missing percentile", () => {
    const bands = monteCarlo().bands!;
    expect(fanPoints(bands)).toEqual([
      { step: 0, outer: [10000, 10000], inner: [10000, 10000], p50: 10000 },
      { step: 60, outer: [10200, 12200], inner: [10800, 11600], p50: 11200 },
      { step: 120, outer: [11000, 14000], inner: [12000, 13000], p50: 12500 },
    ]);
    expect(fanPoints({ ...bands, p95: [10000, Number.NaN] })).toHaveLength(1);
    expect(fanPoints(null)).toEqual([]);
  });

  it("finds a value's bin: half-open bins, the last closed, values outside to the nearest end", () => {
    const histogram = { edges: [0, 1, 2, 3], counts: [5, 6, 7] };
    expect(binOf(histogram, 0)).toBe(0);
    expect(binOf(histogram, 1)).toBe(1);
    expect(binOf(histogram, 2.999)).toBe(2);
    expect(binOf(histogram, 3)).toBe(2);
    expect(binOf(histogram, -5)).toBe(0);
    expect(binOf(histogram, 9)).toBe(2);
    expect(binOf(histogram, null)).toBe(-1);
    expect(binOf({ edges: [], counts: [] }, 1)).toBe(-1);
  });

  it("marks the bar holding the run's own value", () => {
    const bars = histogramBars(monteCarlo().histograms!.max_drawdown, -0.09);
    expect(bars.map((b) => b.own)).toEqual([false, false, true]);
    expect(bars[2]).toMatchObject({ from: -0.1, to: -0.05, count: 250 });
    expect(bars[0]!.mid).toBeCloseTo(-0.2);
    expect(histogramBars(monteCarlo().histograms!.final_equity).some((b) => b.own)).toBe(false);
  });

  it("draws a boundary where each test window after the first starts", () => {
    expect(windowBoundaries(walkForward().windows)).toEqual([
      { number: 2, t: Date.parse("2014-01-02T14:30:00Z") },
      { number: 3, t: Date.parse("2015-01-02T14:30:00Z") },
    ]);
  });

  it("lays out the parameter drift as a row per window and equity as epoch points", () => {
    expect(driftRows(walkForward().parameter_drift)).toEqual([
      { window: 1, fast: 10, slow: 20 },
      { window: 2, fast: 5, slow: 20 },
      { window: 3, fast: 5, slow: 30 },
    ]);
    expect(driftRows([{ name: "fast", values: [10, null], mean: 10, stdev: 0, changes: 0 }])[1]).toEqual({ window: 2, fast: null });
    expect(
      equityPoints([
        { time: "2013-01-02T00:00:00Z", equity: 1 },
        { time: "not a time", equity: 2 },
      ]),
    ).toEqual([{ t: Date.parse("2013-01-02T00:00:00Z"), equity: 1 }]);
  });
});
