import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import type { SchemaSymbolView } from "@/lib/api/schema";
import { translate } from "@/lib/i18n";
import {
  applyPrefill,
  clippedRange,
  backtestFormSchema,
  emptyFormValues,
  foreignCurrencies,
  marketPreset,
  newBacktestHref,
  parsePrefill,
  prefillFromRun,
  splitFieldErrors,
  toBacktestRequest,
  withDefaultCosts,
  type BacktestFormValues,
} from "./backtest-form";
import { aaplSample, runPrices, runResult, runSettings, symbolView } from "@/test/fixtures";

const t = ((key: string, vars?: Record<string, string | number>) => translate("en", key, vars)) as never;
const AAPL: SchemaSymbolView = aaplSample();
const PARAMS = [
  { name: "fast", default: 10, min: 2, max: 100, step: 1 },
  { name: "slow", default: 30, min: 3, max: 300, step: 1 },
];
const valid = (): BacktestFormValues => ({
  ...emptyFormValues(),
  strategy_id: "93c3ce20-63d3-49a1-8e13-c097cddacad8",
  symbol: "AAPL",
  interval: "1d",
  start_date: "2013-01-02",
  end_date: "2013-12-31",
  initial_capital: "10000",
  parameters: { fast: "10", slow: "30" },
  cost_preset: "us",
});

function errorsOf(values: BacktestFormValues) {
  const result = backtestFormSchema({ parameters: PARAMS, symbol: AAPL, t }).safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.reverse().map((issue) => [issue.path.join("."), issue.message]));
}

describe("the new-backtest form's rules (as the API's)", () => {
  it("accepts a complete run", () => {
    expect(errorsOf(valid())).toEqual({});
  });

  it("asks for the strategy, symbol, interval and dates", () => {
    expect(errorsOf({ ...valid(), strategy_id: "", symbol: " ", interval: "", start_date: "2013-13-45" })).toMatchObject({
      strategy_id: "backtests.validation.strategyRequired",
      symbol: "backtests.validation.symbolRequired",
      interval: "backtests.validation.intervalRequired",
      start_date: "validation.date",
    });
  });

  it("refuses an end before the start, a period without bars and an interval the symbol lacks", () => {
    expect(errorsOf({ ...valid(), end_date: "2012-12-31" })).toEqual({ end_date: "backtests.validation.endBeforeStart" });
    expect(errorsOf({ ...valid(), start_date: "2015-01-01", end_date: "2015-01-31" })).toEqual({
      start_date: "No bars in this period; the data covers 2013-01-02 to 2013-12-31",
    });
    expect(errorsOf({ ...valid(), interval: "1h" })).toEqual({ interval: "backtests.validation.intervalNoData" });
  });

  it("checks capital, costs, sizing and the risk-free rate", () => {
    expect(errorsOf({ ...valid(), initial_capital: "0" })).toEqual({ initial_capital: "backtests.validation.capitalPositive" });
    expect(errorsOf({ ...valid(), initial_capital: "2e15" })).toEqual({ initial_capital: "backtests.validation.capitalMax" });
    expect(errorsOf({ ...valid(), initial_capital: "abc" })).toMatchObject({ initial_capital: "backtests.validation.number" });
    expect(errorsOf({ ...valid(), commission_rate: "100", slippage_ticks: "-1" })).toEqual({
      commission_rate: "backtests.validation.rateBelow100",
      slippage_ticks: "backtests.validation.nonNegative",
    });
    expect(errorsOf({ ...valid(), sizing_value: "150" })).toEqual({ sizing_value: "backtests.validation.fractionRange" });
    expect(errorsOf({ ...valid(), sizing_type: "fixed_cash", sizing_value: "0" })).toEqual({
      sizing_value: "backtests.validation.positive",
    });
    expect(errorsOf({ ...valid(), risk_free_rate: "100" })).toEqual({ risk_free_rate: "backtests.validation.riskFreeRange" });
  });

  it("keeps each parameter inside its declared range; an empty one takes the default", () => {
    expect(errorsOf({ ...valid(), parameters: { fast: "500", slow: "x" } })).toEqual({
      "parameters.fast": "Between 2 and 100",
      "parameters.slow": "backtests.validation.number",
    });
    expect(errorsOf({ ...valid(), parameters: { fast: "", slow: "30" } })).toEqual({});
  });
});

describe("the request the form sends", () => {
  it("turns percentages into fractions and leaves empty parameters to their defaults", () => {
    const request = toBacktestRequest({ ...valid(), parameters: { fast: "5", slow: "" }, sizing_value: "50", risk_free_rate: "3" }, PARAMS);
    expect(request).toMatchObject({
      symbol: "AAPL",
      interval: "1d",
      initial_capital: 10000,
      parameters: { fast: 5 },
      costs: { preset: "us" },
      sizing: { type: "fraction_of_equity", value: 0.5 },
      fill: "next_open",
      risk_free_rate: 0.03,
    });
  });

  it("sends explicit costs in custom mode", () => {
    const request = toBacktestRequest(
      { ...valid(), cost_mode: "custom", commission_rate: "0.1", sell_tax_rate: "0.2", slippage_ticks: "1", commission_minimum: "1000" },
      PARAMS,
    );
    expect(request.costs).toEqual({
      preset: "none",
      commission_rate: 0.001,
      commission_fixed: 0,
      commission_minimum: 1000,
      sell_tax_rate: 0.002,
      slippage_rate: 0,
      slippage_ticks: 1,
    });
  });

  it("puts the API's field errors on the fields they name, the rest above the form", () => {
    const error = new ApiError({
      status: 422,
      type: "/problems/validation-failed",
      title: "Unprocessable request",
      fieldErrors: [
        { field: "parameters.fast", message: "fast must be between 2 and 100, got 1000" },
        { field: "end_date", message: "must not be before start_date" },
        { field: "costs", message: "rates are fractions" },
        { field: "sizing.value", message: "cash amount must be > 0" },
        { field: "parameters", message: "unknown parameter zz" },
      ],
    });
    expect(splitFieldErrors(error, { cost_mode: "custom" })).toEqual({
      onFields: [
        { field: "parameters.fast", message: "fast must be between 2 and 100, got 1000" },
        { field: "end_date", message: "must not be before start_date" },
        { field: "commission_rate", message: "rates are fractions" },
        { field: "sizing_value", message: "cash amount must be > 0" },
      ],
      general: ["parameters: unknown parameter zz"],
    });
  });
});

describe("symbols and prefills", () => {
  it("starts a symbol on its market's costs", () => {
    expect(marketPreset("NASDAQ")).toBe("us");
    expect(marketPreset("KRX")).toBe("krx");
    expect(marketPreset("CUSTOM")).toBe("none");
  });

  it("reads a prefill from the address and writes the same address back", () => {
    const href = newBacktestHref({ strategy_id: "abc", symbol: "AAPL", interval: "1d", parameters: { fast: 5, slow: 20 } });
    expect(href).toBe("/backtests/new?strategy_id=abc&symbol=AAPL&interval=1d&parameters=%7B%22fast%22%3A5%2C%22slow%22%3A20%7D");
    const prefill = parsePrefill(new URLSearchParams(href.split("?")[1]));
    expect(prefill).toEqual({ strategy_id: "abc", symbol: "AAPL", interval: "1d", parameters: { fast: 5, slow: 20 } });
    expect(parsePrefill(new URLSearchParams("parameters=fast:7,slow=21&interval=2h&start_date=nope"))).toEqual({
      parameters: { fast: 7, slow: 21 },
    });
  });

  it("reopens a finished run with its settings, custom costs as custom", () => {
    const prefill = prefillFromRun({
      strategy_id: "s",
      symbol: "AAPL",
      interval: "1d",
      start_date: "2013-01-01",
      end_date: "2013-12-31",
      initial_capital: 10000,
      parameters: { fast: 5 },
      settings: runSettings({
        fill: "close",
        costs: {
          preset: "us+custom",
          commission_rate: 0.001,
          sell_tax_rate: 0,
          slippage_rate: 0,
          slippage_ticks: 0,
          commission_fixed: 0,
          commission_minimum: 0,
          tick_size: 0.01,
          per_share_fee: null,
          per_share_fee_cap: null,
          per_share_fee_sides: null,
          sell_fees: null,
        },
        sizing: { type: "fraction_of_equity", value: 0.5 },
        allow_short: true,
        close_at_end: false,
        risk_free_rate: 0.03,
      }),
    });
    const values = applyPrefill(emptyFormValues(), parsePrefill(new URLSearchParams(newBacktestHref(prefill).split("?")[1])));
    expect(values).toMatchObject({
      symbol: "AAPL",
      parameters: { fast: "5" },
      cost_mode: "custom",
      cost_preset: "us",
      commission_rate: "0.1",
      sizing_value: "50",
      fill: "close",
      allow_short: true,
      risk_free_rate: "3",
    });
  });

  it("reopens a run with its benchmark, and a form without one sends none", () => {
    const prefill = prefillFromRun({
      strategy_id: "s",
      symbol: "005930.KS",
      interval: "1d",
      start_date: "2020-01-01",
      end_date: "2020-12-31",
      initial_capital: 1000000,
      parameters: {},
      benchmark: "069500.KS",
    });
    const href = newBacktestHref(prefill);
    expect(href).toContain("benchmark=069500.KS");
    const values = applyPrefill(emptyFormValues(), parsePrefill(new URLSearchParams(href.split("?")[1])));
    expect(values.benchmark).toBe("069500.KS");
    expect(toBacktestRequest(values, []).benchmark).toBe("069500.KS");
    expect(toBacktestRequest({ ...values, benchmark: "  " }, [])).not.toHaveProperty("benchmark", expect.anything());
  });
});

describe("a portfolio in the form", () => {
  const SAMPLE = ["SYN-A", "SYN-B", "SPY"].map((symbol) =>
    symbolView({ symbol, currency: symbol === "SPY" ? "USD" : "KRW", market: symbol === "SPY" ? "NYSE" : "KRX" }),
  );
  const portfolio = (overrides: Partial<BacktestFormValues> = {}): BacktestFormValues => ({
    ...valid(),
    symbol: "",
    portfolio: true,
    symbols: ["SYN-A", "SYN-B"],
    ...overrides,
  });
  const errors = (values: BacktestFormValues, foreign: string[] = []) => {
    const result = backtestFormSchema({ parameters: PARAMS, symbol: AAPL, foreign, t }).safeParse(values);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
  };

  it("sends symbols instead of symbol, with the schedule, base currency and the FX series it needs", () => {
    const values = portfolio({
      symbols: ["SYN-A", "SPY"],
      rebalance: "quarterly",
      base_currency: "krw",
      fx: { USD: " USDKRW ", EUR: "stale" },
    });
    const request = toBacktestRequest(values, PARAMS, ["USD"]);
    expect(request.symbol).toBeUndefined();
    expect(request.symbols).toEqual(["SYN-A", "SPY"]);
    expect(request.rebalance).toBe("quarterly");
    expect(request.base_currency).toBe("KRW");
    // Only the currencies the symbols need are sent: a series left over from other symbols is not.
    expect(request.fx).toEqual({ USD: "USDKRW" });
  });

  it("sends a drift band as a fraction, and leaves the strategy's schedule and the base currency unsaid by default", () => {
    expect(toBacktestRequest(portfolio({ rebalance: "drift", drift_band: "2.5" }), PARAMS).rebalance).toBe("drift:0.025");
    const plain = toBacktestRequest(portfolio(), PARAMS);
    expect(plain.rebalance).toBeUndefined();
    expect(plain.base_currency).toBeUndefined();
    expect(plain.fx).toBeUndefined();
    const single = toBacktestRequest(valid(), PARAMS);
    expect(single.symbol).toBe("AAPL");
    expect("symbols" in single).toBe(false);
  });

  it("leaves a portfolio's preset costs to each symbol's market unless one preset is chosen for all", () => {
    expect(toBacktestRequest(portfolio({ cost_preset: "krx" }), PARAMS).costs).toBeUndefined();
    expect(toBacktestRequest(portfolio({ cost_preset: "krx", cost_per_market: false }), PARAMS).costs).toEqual({ preset: "krx" });
    expect(toBacktestRequest(portfolio({ cost_mode: "custom", commission_rate: "0.1" }), PARAMS).costs).toMatchObject({
      preset: "none",
      commission_rate: 0.001,
    });
    expect(toBacktestRequest(valid(), PARAMS).costs).toEqual({ preset: "us" });
  });

  it("needs symbols, a band inside (0, 100) and an FX series per foreign currency, not a single symbol", () => {
    expect(errors(portfolio())).toEqual({});
    expect(errors(portfolio({ symbols: [] }))).toEqual({ symbols: "portfolio.validation.symbolsRequired" });
    expect(errors(portfolio({ rebalance: "drift", drift_band: "0" }))).toEqual({ drift_band: "portfolio.validation.driftBand" });
    expect(errors(portfolio({ base_currency: "1X" }))).toEqual({ base_currency: "portfolio.validation.currency" });
    expect(errors(portfolio(), ["USD"])["fx.USD"]).toContain("USD needs an FX series");
    expect(errors(portfolio({ fx: { USD: "USDKRW" } }), ["USD"])).toEqual({});
    // A registered FX field not filled yet is undefined: it is missing, not malformed.
    expect(errors(portfolio({ fx: { USD: undefined as unknown as string } }), ["USD"])).toEqual({
      "fx.USD": translate("en", "portfolio.validation.fxRequired", { currency: "USD" }),
    });
    expect(errors({ ...valid(), symbol: "" })).toEqual({ symbol: "backtests.validation.symbolRequired" });
  });

  it("knows which currencies need FX from the symbols' own currencies and the base", () => {
    expect(foreignCurrencies({ base_currency: "", symbols: ["SYN-A", "SPY"] }, SAMPLE)).toEqual(["USD"]);
    expect(foreignCurrencies({ base_currency: "USD", symbols: ["SYN-A", "SPY"] }, SAMPLE)).toEqual(["KRW"]);
    expect(foreignCurrencies({ base_currency: "", symbols: ["SYN-A", "SYN-B"] }, SAMPLE)).toEqual([]);
  });

  it("puts the server's portfolio errors on their fields", () => {
    const error = new ApiError({
      status: 422,
      type: "/problems/validation-failed",
      title: "Invalid request",
      fieldErrors: [
        { field: "symbols", message: "lists X more than once" },
        { field: "fx.USD", message: "unknown symbol 'NOPE'" },
        { field: "fx", message: "no FX series for JPY" },
        { field: "rebalance", message: "unknown schedule" },
      ],
    });
    expect(splitFieldErrors(error, { cost_mode: "preset", portfolio: true }).onFields).toEqual([
      { field: "symbols", message: "lists X more than once" },
      { field: "fx.USD", message: "unknown symbol 'NOPE'" },
      { field: "base_currency", message: "no FX series for JPY" },
      { field: "rebalance", message: "unknown schedule" },
    ]);
  });

  it("reopens a portfolio run as a portfolio, through the address", () => {
    const prefill = prefillFromRun({
      strategy_id: "s",
      symbol: "SYN-A",
      symbols: ["SYN-A", "SPY"],
      interval: "1d",
      start_date: "2020-01-01",
      end_date: "2020-12-31",
      initial_capital: 1e7,
      parameters: {},
      result: runResult({
        portfolio: {
          base_currency: "KRW",
          rebalance: "drift:0.05",
          time_zone: "Asia/Seoul",
          turnover: 1,
          annual_turnover: 1,
          traded_value: 1,
          commissions: 0,
          symbols: [],
          fx: { USD: "USDKRW" },
          notes: [],
          notes_omitted: 0,
        },
      }),
    });
    const href = newBacktestHref(prefill);
    const values = applyPrefill(emptyFormValues(), parsePrefill(new URLSearchParams(href.split("?")[1])));
    expect(values).toMatchObject({
      portfolio: true,
      symbol: "",
      symbols: ["SYN-A", "SPY"],
      rebalance: "drift",
      drift_band: "5",
      base_currency: "KRW",
      fx: { USD: "USDKRW" },
    });
  });
});

describe("the prices of a run (issue 19)", () => {
  it("sends split-adjusted prices and cash dividends by default, price limits only for KRX", () => {
    expect(toBacktestRequest(valid(), PARAMS)).toMatchObject({ price_adjustment: "split_adjusted", dividends: "cash" });
    expect(toBacktestRequest(valid(), PARAMS).price_limits).toBeUndefined();
    expect(toBacktestRequest({ ...valid(), price_limits: false }, PARAMS, [], true).price_limits).toBe(false);
    expect(toBacktestRequest({ ...valid(), price_adjustment: "total_return" }, PARAMS).dividends).toBe("none");
  });

  it("reopens a run stored on raw prices without dividends as it ran", () => {
    const prefill = prefillFromRun({
      strategy_id: "s",
      symbol: "005930",
      interval: "1d",
      start_date: "2018-01-01",
      end_date: "2018-12-31",
      initial_capital: 10_000_000,
      parameters: {},
      settings: runSettings({
        prices: runPrices({ price_adjustment: "raw", dividends: "none", price_limits: false, price_basis: "raw", board: "kospi" }),
      }),
    });
    const values = applyPrefill(emptyFormValues(), parsePrefill(new URLSearchParams(newBacktestHref(prefill).split("?")[1])));
    expect(values).toMatchObject({ price_adjustment: "raw", dividends_cash: false, price_limits: false });
  });

  it("ignores price codes in an address it does not know", () => {
    const values = applyPrefill(emptyFormValues(), parsePrefill(new URLSearchParams("price_adjustment=adjusted&dividends=shares")));
    expect(values).toMatchObject({ price_adjustment: "split_adjusted", dividends_cash: true });
  });

  it("puts the API's errors on the price fields", () => {
    const error = new ApiError({
      status: 422,
      type: "/problems/validation-failed",
      title: "Unprocessable request",
      fieldErrors: [{ field: "dividends", message: "must be none with total_return" }],
    });
    expect(splitFieldErrors(error, valid()).onFields).toEqual([{ field: "dividends_cash", message: "must be none with total_return" }]);
  });
});

describe("the profile's default costs", () => {
  const defaults = {
    preset: "krx" as const,
    commission_rate: 0.0001,
    sell_tax_rate: 0.0018,
    slippage_rate: 0,
    commission_fixed: 0,
    commission_minimum: 50,
    slippage_ticks: 1,
  };

  it("prefill the form's custom costs on their preset when the address names none", () => {
    const values = applyPrefill(emptyFormValues(), withDefaultCosts({ symbol: "005930" }, defaults));
    expect(values).toMatchObject({
      cost_mode: "custom",
      cost_preset: "krx",
      commission_rate: "0.01",
      sell_tax_rate: "0.18",
      commission_minimum: "50",
      slippage_ticks: "1",
    });
  });

  it("give way to costs in the address, and leave the preset when none are saved", () => {
    expect(withDefaultCosts({ costs: { preset: "us" } }, defaults)).toEqual({ costs: { preset: "us" } });
    expect(applyPrefill(emptyFormValues(), withDefaultCosts({}, null)).cost_mode).toBe("preset");
  });
});

describe("costs and dates of issue 21", () => {
  it("sends a custom per-share fee with its cap and sides, and nothing when no fee is typed", () => {
    const custom = {
      ...valid(),
      cost_mode: "custom" as const,
      per_share_fee: "0.005",
      per_share_fee_cap: "1",
      per_share_fee_sides: "both" as const,
    };
    expect(toBacktestRequest(custom, PARAMS).costs).toMatchObject({
      per_share_fee: 0.005,
      per_share_fee_cap: 1,
      per_share_fee_sides: "both",
    });

    const noFee = { ...valid(), cost_mode: "custom" as const };
    expect(toBacktestRequest(noFee, PARAMS).costs).not.toHaveProperty("per_share_fee");
  });

  it("needs a per-share fee before its cap, and a cap above 0", () => {
    const capOnly = { ...valid(), cost_mode: "custom" as const, per_share_fee_cap: "5" };
    expect(errorsOf(capOnly).per_share_fee).toBe("costParts.feeRequired");

    const zeroCap = { ...valid(), cost_mode: "custom" as const, per_share_fee: "0.01", per_share_fee_cap: "0" };
    expect(errorsOf(zeroCap).per_share_fee_cap).toBeDefined();
  });

  it("puts the API's per-share fee errors on their fields", () => {
    const error = new ApiError({
      status: 422,
      type: "/problems/validation-failed",
      title: "Unprocessable request",
      fieldErrors: [
        { field: "costs.per_share_fee", message: "must be between 0 and 1000" },
        { field: "costs.per_share_fee_cap", message: "must be above 0 and at most 1e15" },
      ],
    });
    expect(splitFieldErrors(error, { cost_mode: "custom" }).onFields).toEqual([
      { field: "per_share_fee", message: "must be between 0 and 1000" },
      { field: "per_share_fee_cap", message: "must be above 0 and at most 1e15" },
    ]);
  });

  it("clips the dates asked for to the symbol's data, as the API does", () => {
    const range = { first: "2004-08-19", last: "2013-03-01" };
    expect(clippedRange(range, "1990-01-01", "2030-12-31")).toEqual({ start: "2004-08-19", end: "2013-03-01", clipped: true });
    expect(clippedRange(range, "2005-01-03", "2010-12-31")).toEqual({ start: "2005-01-03", end: "2010-12-31", clipped: false });
    expect(clippedRange(range, "2014-01-01", "2015-01-01")).toBeNull();
    expect(clippedRange(null, "1990-01-01", "2030-12-31")).toBeNull();
  });
});
