import type {
  SchemaBacktestSummary,
  SchemaRoundTrip,
  SchemaRunPrices,
  SchemaRunResult,
  SchemaRunSettings,
  SchemaStrategyParameter,
  SchemaSymbolView,
} from "@/lib/api/schema";

// Complete API objects for tests, shaped as the backend sends them (every property present, null where the
// API says it may be): a test overrides only what it is about, and a change to the API's types shows up here.

export function symbolView(overrides: Partial<SchemaSymbolView> = {}): SchemaSymbolView {
  return {
    symbol: "AAPL",
    dataset: "shared",
    name: "Apple Inc.",
    market: "NASDAQ",
    asset_class: "stock",
    currency: "USD",
    time_zone: "America/New_York",
    tick_size: 0.01,
    lot_size: 1,
    source: "ta4j-examples",
    board: null,
    name_ko: null,
    intervals: [],
    ...overrides,
  };
}

/** The sample every installation has: AAPL's 252 daily bars of 2013, as symbolView's AAPL stores them. */
export function aaplSample(overrides: Partial<SchemaSymbolView> = {}): SchemaSymbolView {
  return symbolView({
    intervals: [
      { interval: "1d", first_bar: "2013-01-02T05:00:00Z", last_bar: "2013-12-31T05:00:00Z", bar_count: 252, price_basis: "raw" },
    ],
    ...overrides,
  });
}

export function strategyParameter(overrides: Partial<SchemaStrategyParameter> & { name: string }): SchemaStrategyParameter {
  return { default: 0, min: null, max: null, step: null, ...overrides };
}

export function backtestSummary(overrides: Partial<SchemaBacktestSummary> = {}): SchemaBacktestSummary {
  return {
    id: "00000000-0000-0000-0000-000000000001",
    status: "completed",
    progress: 100,
    error: null,
    strategy_id: "00000000-0000-0000-0000-0000000000aa",
    strategy_name: "SMA crossover",
    strategy_version: 1,
    name: "SMA crossover · AAPL",
    tags: [],
    symbol: "AAPL",
    symbol_count: 1,
    dataset: "shared",
    interval: "1d",
    start_date: "2013-01-02",
    end_date: "2013-12-31",
    initial_capital: 10000,
    parameters: {},
    currency: "USD",
    created_at: "2026-01-05T09:00:00Z",
    started_at: "2026-01-05T09:00:01Z",
    completed_at: "2026-01-05T09:00:02Z",
    duration_ms: 1000,
    key_metrics: null,
    ...overrides,
  };
}

export function roundTrip(overrides: Partial<SchemaRoundTrip> = {}): SchemaRoundTrip {
  return {
    side: "long",
    quantity: 1,
    entry_time: "2024-01-02T00:00:00Z",
    entry_price: 100,
    exit_time: "2024-01-05T00:00:00Z",
    exit_price: 110,
    pnl: 10,
    return_pct: 0.1,
    costs: 0,
    mae: 0,
    mfe: 0,
    bars_held: 3,
    exit_reason: "signal",
    funding: 0,
    borrow_cost: 0,
    dividends: 0,
    ...overrides,
  };
}

export function runResult(overrides: Partial<SchemaRunResult> = {}): SchemaRunResult {
  return {
    metrics: {},
    monthly_returns: [],
    yearly_returns: [],
    equity: {
      time: [],
      equity: [],
      drawdown: [],
      buy_and_hold: [],
      benchmark_equity: null,
      total_points: 0,
    },
    round_trip_count: 0,
    open_trade: null,
    bar_count: 0,
    fill_count: 0,
    rejected_orders: 0,
    benchmark: null,
    portfolio: null,
    liquidations: [],
    ...overrides,
  };
}

/** The prices a run read, as a run resolved after issue 19 stores them (split-adjusted, dividends as cash, no KRX). */
export function runPrices(overrides: Partial<SchemaRunPrices> = {}): SchemaRunPrices {
  return {
    price_adjustment: "split_adjusted",
    dividends: "cash",
    price_limits: false,
    price_basis: "split_adjusted",
    board: null,
    as_stored: false,
    note: null,
    ...overrides,
  };
}

export function runSettings(overrides: Partial<SchemaRunSettings> = {}): SchemaRunSettings {
  return {
    fill: "next_open",
    costs: {
      preset: "none",
      commission_rate: 0,
      commission_fixed: 0,
      commission_minimum: 0,
      sell_tax_rate: 0,
      slippage_rate: 0,
      slippage_ticks: 0,
      tick_size: 0.01,
      per_share_fee: null,
      per_share_fee_cap: null,
      per_share_fee_sides: null,
      sell_fees: null,
    },
    sizing: { type: "fraction_of_equity", value: 1 },
    quantity_step: 1,
    allow_short: false,
    close_at_end: true,
    risk_free_rate: 0,
    currency: "USD",
    time_zone: "America/New_York",
    account: null,
    prices: null,
    ...overrides,
  };
}
