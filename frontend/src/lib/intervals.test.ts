import { describe, expect, it } from "vitest";
import { translate } from "@/lib/i18n";
import { aaplSample, symbolView } from "@/test/fixtures";
import { availableRange, compareIntervals, intervalLabel, preferredInterval, symbolIntervals } from "./intervals";

const t = ((key: string, vars?: Record<string, string | number>) => translate("en", key, vars)) as never;
const AAPL = aaplSample();

describe("a symbol's intervals", () => {
  it("starts a symbol on its daily bars, its whole range in its own zone", () => {
    expect(preferredInterval(AAPL)).toBe("1d");
    expect(availableRange(AAPL, "1d")).toEqual({ first: "2013-01-02", last: "2013-12-31", bars: 252 });
    expect(availableRange(AAPL, "1h")).toBeNull();
  });

  it("lists the intervals with bars shortest first, and without daily bars starts on the longest", () => {
    const stored = (interval: string, bar_count: number) => ({
      interval,
      bar_count,
      first_bar: "2024-01-01T00:00:00Z",
      last_bar: "2024-01-02T00:00:00Z",
      price_basis: "raw" as const,
    });
    const symbol = symbolView({ intervals: [stored("1h", 10), stored("1w", 0), stored("4h", 5), stored("1m", 3)] });
    expect(symbolIntervals(symbol).map((i) => i.interval)).toEqual(["1m", "1h", "4h"]);
    expect(preferredInterval(symbol)).toBe("4h");
    expect(preferredInterval(undefined)).toBe("");
  });

  it("names an interval in words, or by its code when the dictionary does not know it", () => {
    expect(intervalLabel("1d", t)).toBe("1 day");
    expect(intervalLabel("2d", t)).toBe("2d");
  });
});

describe("the monthly interval", () => {
  it("is 1M, after the week, and never the minute's 1m", () => {
    expect(compareIntervals("1w", "1M")).toBeLessThan(0);
    expect(compareIntervals("1m", "1M")).toBeLessThan(0);
    expect(intervalLabel("1M", t)).toBe("Monthly");
    expect(intervalLabel("1m", t)).not.toBe("Monthly");
    expect(translate("ko", "intervals.1M")).toBe("월봉");
  });
});
