/**
 * The rows of a side-by-side comparison of runs: what a trader compares first (return, then risk)
 * at the top, the trade statistics next, the account's exposure and capital last; and each figure
 * once. The API lists every metric in docs/METRICS.md's order, which starts with the period and
 * exposure and names some figures twice in other units.
 */
import { TIME_METRICS } from "@/lib/metrics";

/** Return and risk, in this order, first. */
const HEAD = [
  "total_return",
  "cagr",
  "sharpe_ratio",
  "sortino_ratio",
  "max_drawdown",
  "calmar_ratio",
  "annualized_volatility",
  "max_drawdown_duration_days",
  "average_drawdown",
  "average_drawdown_duration_days",
  "final_equity",
  "peak_equity",
  "buy_and_hold_return",
];

/** The trades, after return and risk. */
const TRADES = [
  "trade_count",
  "win_rate",
  "profit_factor",
  "expectancy",
  "expectancy_pct",
  "average_trade",
  "best_trade",
  "worst_trade",
  "sqn",
  "kelly_criterion",
  "winning_trades",
  "losing_trades",
  "long_trades",
  "short_trades",
  "average_trade_duration",
  "max_trade_duration",
  "commissions",
];

/** What the account was given and how long it held a position: context, not results, so last. */
const TAIL = ["exposure_time", "initial_capital"];

/**
 * Figures the comparison leaves out because another row says the same (docs/METRICS.md):
 * annualized_return is defined as cagr; a drawdown's and a trade's duration show once, in days
 * (drawdowns) and as a duration (trades), not again in milliseconds or bars.
 */
const DUPLICATES = new Set([
  "annualized_return",
  "max_drawdown_duration",
  "max_drawdown_duration_bars",
  "average_drawdown_duration",
  "average_drawdown_duration_bars",
  "average_trade_duration_bars",
  "max_trade_duration_bars",
]);

/** The rows of `names` (the API's metric_names) in the comparison's order, without duplicates or the period. */
export function comparisonRows(names: readonly string[]): string[] {
  const rank = (name: string, index: number) => {
    const head = HEAD.indexOf(name);
    if (head >= 0) return head;
    const trade = TRADES.indexOf(name);
    if (trade >= 0) return 1000 + trade;
    const tail = TAIL.indexOf(name);
    if (tail >= 0) return 3000 + tail;
    return 2000 + index; // anything else (the account's charges, the benchmark's figures) keeps the API's order
  };
  return names
    .map((name, index) => ({ name, index }))
    .filter(({ name }) => !TIME_METRICS.has(name) && !DUPLICATES.has(name))
    .sort((a, b) => rank(a.name, a.index) - rank(b.name, b.index))
    .map(({ name }) => name);
}
