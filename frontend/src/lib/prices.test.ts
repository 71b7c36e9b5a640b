import { describe, expect, it } from "vitest";
import { translate } from "@/lib/i18n";
import { symbolView } from "@/test/fixtures";
import { emptyPriceValues, formatSplitRatio, isFillNote, isKrxSymbol, priceValuesFromRun, toPriceRequest } from "./prices";

describe("the prices a run reads", () => {
  it("starts split-adjusted with dividends paid as cash and KRX limits on", () => {
    expect(emptyPriceValues()).toEqual({ price_adjustment: "split_adjusted", dividends_cash: true, price_limits: true });
    expect(toPriceRequest(emptyPriceValues(), true)).toEqual({ price_adjustment: "split_adjusted", dividends: "cash", price_limits: true });
  });

  it("never sends cash dividends with total-return prices, which hold them already", () => {
    const request = toPriceRequest({ price_adjustment: "total_return", dividends_cash: true, price_limits: true }, false);
    expect(request.dividends).toBe("none");
    expect(toPriceRequest({ price_adjustment: "raw", dividends_cash: false, price_limits: true }, false).dividends).toBe("none");
    expect(toPriceRequest({ price_adjustment: "raw", dividends_cash: true, price_limits: true }, false).dividends).toBe("cash");
  });

  it("sends the price-limit choice only for a KRX symbol", () => {
    expect(toPriceRequest({ ...emptyPriceValues(), price_limits: false }, true).price_limits).toBe(false);
    expect(toPriceRequest({ ...emptyPriceValues(), price_limits: false }, false).price_limits).toBeUndefined();
  });

  it("knows a KRX symbol by its market or its board", () => {
    expect(isKrxSymbol(symbolView({ market: "KRX" }))).toBe(true);
    expect(isKrxSymbol(symbolView({ market: "CUSTOM", board: "kosdaq" }))).toBe(true);
    expect(isKrxSymbol(symbolView({ market: "NASDAQ" }))).toBe(false);
    expect(isKrxSymbol(undefined)).toBe(false);
  });

  it("reopens a run with the prices it used and ignores codes it does not know", () => {
    expect(priceValuesFromRun({ price_adjustment: "raw", dividends: "none", price_limits: false })).toEqual({
      price_adjustment: "raw",
      dividends_cash: false,
      price_limits: false,
    });
    expect(priceValuesFromRun({ price_adjustment: "adjusted?", dividends: "shares" })).toEqual({});
    expect(priceValuesFromRun(null)).toEqual({});
  });

  it("writes split ratios as people do, reverse splits included", () => {
    expect(formatSplitRatio(2)).toBe("2:1");
    expect(formatSplitRatio(50)).toBe("50:1");
    expect(formatSplitRatio(0.1)).toBe("1:10");
    expect(formatSplitRatio(1.5)).toBe("1.5:1");
    expect(formatSplitRatio(0)).toBe("—");
  });

  it("names the fill notes in both languages", () => {
    expect(isFillNote("limit_locked")).toBe(true);
    expect(isFillNote("something_else")).toBe(false);
    expect(translate("ko", "prices.notes.limit_locked")).toBe("상한가/하한가 잠김");
    expect(translate("ko", "prices.notes.halted")).toBe("거래정지");
    expect(translate("en", "prices.notes.halted")).toBe("Halted");
    expect(translate("ko", "metrics.names.total_dividends")).toBe("배당금 합계");
  });
});
