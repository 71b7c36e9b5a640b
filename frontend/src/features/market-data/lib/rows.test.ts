import { describe, expect, it } from "vitest";
import { symbolView } from "@/test/fixtures";
import { toRows, totals } from "./rows";

const symbols = [
  symbolView({
    symbol: "KRW-BTC",
    name: "Bitcoin",
    market: "UPBIT",
    currency: "KRW",
    time_zone: "Asia/Seoul",
    intervals: [
      { interval: "1d", first_bar: "2023-01-01T00:00:00Z", last_bar: "2024-01-01T00:00:00Z", bar_count: 366, price_basis: "raw" },
      { interval: "1m", first_bar: "2024-01-01T00:00:00Z", last_bar: "2024-01-02T00:00:00Z", bar_count: 1441, price_basis: "raw" },
    ],
  }),
  symbolView({ symbol: "NEW.KS", name: "New", market: "KRX", currency: "KRW", time_zone: "Asia/Seoul", intervals: [] }),
];

describe("symbol rows", () => {
  it("give one row per stored interval, shortest interval first", () => {
    expect(toRows(symbols).map((r) => r.key)).toEqual(["KRW-BTC|shared|1m", "KRW-BTC|shared|1d", "NEW.KS|shared|"]);
  });

  it("keep your upload of a symbol apart from the shared one", () => {
    const own = symbolView({ ...symbols[0], dataset: "own" });
    expect(toRows([symbols[0]!, own]).map((r) => `${r.key} ${r.dataset}`)).toEqual([
      "KRW-BTC|shared|1m shared",
      "KRW-BTC|shared|1d shared",
      "KRW-BTC|own|1m own",
      "KRW-BTC|own|1d own",
    ]);
  });

  it("keep a symbol without bars as one empty row", () => {
    expect(toRows(symbols)[2]).toMatchObject({ interval: null, barCount: 0, timeZone: "Asia/Seoul" });
  });

  it("add up symbols, series and bars", () => {
    expect(totals(symbols)).toEqual({ symbols: 2, series: 2, bars: 1807 });
  });
});
