import { describe, expect, it } from "vitest";
import { comparisonRows } from "./comparison-order";

// The API's order (docs/METRICS.md), as /analytics/compare sends metric_names.
const API_ORDER = [
  "start",
  "end",
  "duration",
  "duration_days",
  "exposure_time",
  "initial_capital",
  "final_equity",
  "peak_equity",
  "total_return",
  "buy_and_hold_return",
  "cagr",
  "annualized_return",
  "annualized_volatility",
  "sharpe_ratio",
  "sortino_ratio",
  "calmar_ratio",
  "max_drawdown",
  "max_drawdown_duration",
  "max_drawdown_duration_days",
  "max_drawdown_duration_bars",
  "average_drawdown",
  "average_drawdown_duration",
  "average_drawdown_duration_days",
  "average_drawdown_duration_bars",
  "trade_count",
  "win_rate",
  "best_trade",
  "worst_trade",
  "average_trade",
  "average_trade_duration",
  "average_trade_duration_bars",
  "profit_factor",
  "commissions",
  "total_funding",
  "alpha",
  "beta",
];

describe("comparisonRows", () => {
  const rows = comparisonRows(API_ORDER);

  it("starts with return, CAGR, Sharpe, Sortino and max drawdown", () => {
    expect(rows.slice(0, 5)).toEqual(["total_return", "cagr", "sharpe_ratio", "sortino_ratio", "max_drawdown"]);
  });

  it("puts the trade statistics after return and risk, and exposure and capital last", () => {
    expect(rows.indexOf("trade_count")).toBeGreaterThan(rows.indexOf("buy_and_hold_return"));
    expect(rows.indexOf("win_rate")).toBeGreaterThan(rows.indexOf("trade_count"));
    expect(rows.slice(-2)).toEqual(["exposure_time", "initial_capital"]);
    // Figures of no group keep the API's order between the trades and the tail.
    expect(rows.indexOf("alpha")).toBeGreaterThan(rows.indexOf("commissions"));
    expect(rows.indexOf("beta")).toBe(rows.indexOf("alpha") + 1);
  });

  it("shows each figure once: CAGR without annualised return, one drawdown duration in days", () => {
    expect(rows).not.toContain("annualized_return");
    expect(rows.filter((name) => name.startsWith("max_drawdown_duration"))).toEqual(["max_drawdown_duration_days"]);
    expect(rows.filter((name) => name.startsWith("average_drawdown_duration"))).toEqual(["average_drawdown_duration_days"]);
    expect(rows).not.toContain("average_trade_duration_bars");
    expect(new Set(rows).size).toBe(rows.length);
  });

  it("leaves the period out (it heads the runs' columns)", () => {
    expect(rows).not.toContain("start");
    expect(rows).not.toContain("duration_days");
  });
});
