import { describe, expect, it } from "vitest";
import { barIndexAt, chartTime, resampleTarget, zoneOffsetMs } from "./chart-time";

describe("chart times in the symbol's zone", () => {
  it("knows the zone's offset at each moment, daylight saving included", () => {
    expect(zoneOffsetMs(Date.parse("2024-01-15T00:00:00Z"), "Asia/Seoul")).toBe(9 * 3_600_000);
    expect(zoneOffsetMs(Date.parse("2013-01-02T05:00:00Z"), "America/New_York")).toBe(-5 * 3_600_000);
    expect(zoneOffsetMs(Date.parse("2013-07-02T04:00:00Z"), "America/New_York")).toBe(-4 * 3_600_000);
    expect(zoneOffsetMs(Date.parse("2013-07-02T04:00:00Z"), "UTC")).toBe(0);
  });

  it("writes a bar's wall-clock time as if it were UTC, so the axis reads in the symbol's zone", () => {
    // An AAPL daily bar opens at midnight New York time: the chart shows its date.
    expect(new Date(chartTime(Date.parse("2013-03-26T04:00:00Z"), "America/New_York") * 1000).toISOString()).toBe(
      "2013-03-26T00:00:00.000Z",
    );
    expect(new Date(chartTime(Date.parse("2024-01-02T00:00:00Z"), "Asia/Seoul") * 1000).toISOString()).toBe("2024-01-02T09:00:00.000Z");
  });

  it("finds the bar containing a moment", () => {
    const bars = [0, 60, 120, 180];
    expect(barIndexAt(bars, -1)).toBe(-1);
    expect(barIndexAt(bars, 0)).toBe(0);
    expect(barIndexAt(bars, 119)).toBe(1);
    expect(barIndexAt(bars, 500)).toBe(3);
  });

  it("resamples only when there are more bars than draw smoothly, to the finest interval that fits", () => {
    expect(resampleTarget("1d", 252)).toBeUndefined();
    expect(resampleTarget("1m", 9399)).toBe("5m");
    expect(resampleTarget("1m", 1_000_000)).toBe("1d");
    expect(resampleTarget("1d", 1_000_000)).toBe("1M"); // the coarsest there is
  });
});

describe("resampling monthly", () => {
  it("never resamples weeks into months, which they cross", () => {
    expect(resampleTarget("1w", 5000)).toBeUndefined();
    expect(resampleTarget("1d", 5000)).toBe("1w");
    expect(resampleTarget("1d", 200_000)).toBe("1M");
    expect(resampleTarget("1M", 5000)).toBeUndefined();
  });
});
