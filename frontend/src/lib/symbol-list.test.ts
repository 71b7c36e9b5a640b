import { describe, expect, it } from "vitest";
import { formatSymbolList, parseSymbolList } from "./symbol-list";

describe("parseSymbolList", () => {
  it("splits on commas, semicolons, spaces, tabs and new lines, keeping the order", () => {
    expect(parseSymbolList("SPY, QQQ;TLT\tGLD\n005930.KS\r\n  KRW-BTC  ").symbols).toEqual([
      "SPY",
      "QQQ",
      "TLT",
      "GLD",
      "005930.KS",
      "KRW-BTC",
    ]);
  });

  it("drops repeats, keeping the first, and counts them", () => {
    const list = parseSymbolList("SPY QQQ SPY SPY QQQ");
    expect(list.symbols).toEqual(["SPY", "QQQ"]);
    expect(list.duplicates).toBe(3);
  });

  it("keeps case: tickers are case-sensitive", () => {
    expect(parseSymbolList("aapl AAPL").symbols).toEqual(["aapl", "AAPL"]);
  });

  it("sets apart what cannot be a ticker", () => {
    const list = parseSymbolList(`SPY ~own $ -X ${"A".repeat(41)} BRK/B`);
    expect(list.symbols).toEqual(["SPY", "BRK/B"]);
    expect(list.invalid).toEqual(["~own", "$", "-X", "A".repeat(41)]);
  });

  it("reads nothing from blank text", () => {
    expect(parseSymbolList(" \n, ;")).toEqual({ symbols: [], invalid: [], duplicates: 0 });
  });

  it("formats back to a line that reads the same", () => {
    const symbols = ["SPY", "005930.KS"];
    expect(parseSymbolList(formatSymbolList(symbols)).symbols).toEqual(symbols);
  });
});
