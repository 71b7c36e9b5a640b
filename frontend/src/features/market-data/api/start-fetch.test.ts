import { describe, expect, it } from "vitest";
import { fetchSchema, SOURCE_INTERVALS } from "./start-fetch";

describe("fetch intervals", () => {
  it("offers every interval a source serves, and monthly bars from none", () => {
    expect(SOURCE_INTERVALS.upbit).toEqual(["1m", "5m", "15m", "1h", "4h", "1d", "1w"]);
    expect(SOURCE_INTERVALS.binance).toContain("1m");
    expect(SOURCE_INTERVALS.yahoo).not.toContain("4h");
    for (const intervals of Object.values(SOURCE_INTERVALS)) expect(intervals).not.toContain("1M");
    const monthly = fetchSchema.safeParse({ source: "binance", symbol: "BTCUSDT", interval: "1M", start: "2024-01-01", end: "" });
    expect(monthly.success).toBe(false);
  });
});
