/**
 * The metrics of a run (docs/METRICS.md) as the user sees them: what unit each is in, which way is
 * better, and how it is written. Labels are dictionary keys `metrics.names.<name>`; a metric this
 * table does not know yet is shown as a plain number under its own name.
 */
import { formatMoney, formatNumber, formatPercent } from "@/lib/format";
import { isTranslationKey, type Translate } from "@/lib/i18n";

export type MetricKind = "percent" | "money" | "ratio" | "count" | "duration" | "days" | "bars" | "time" | "number";
export type Better = "higher" | "lower" | null;

interface MetricSpec {
  kind: MetricKind;
  better: Better;
}

const SPECS: Record<string, MetricSpec> = {
  start: { kind: "time", better: null },
  end: { kind: "time", better: null },
  duration: { kind: "duration", better: null },
  duration_days: { kind: "days", better: null },
  exposure_time: { kind: "percent", better: null },
  initial_capital: { kind: "money", better: null },
  final_equity: { kind: "money", better: "higher" },
  peak_equity: { kind: "money", better: "higher" },
  total_return: { kind: "percent", better: "higher" },
  buy_and_hold_return: { kind: "percent", better: null },
  cagr: { kind: "percent", better: "higher" },
  annualized_return: { kind: "percent", better: "higher" },
  annualized_volatility: { kind: "percent", better: "lower" },
  sharpe_ratio: { kind: "ratio", better: "higher" },
  sortino_ratio: { kind: "ratio", better: "higher" },
  calmar_ratio: { kind: "ratio", better: "higher" },
  max_drawdown: { kind: "percent", better: "higher" },
  max_drawdown_duration: { kind: "duration", better: "lower" },
  max_drawdown_duration_days: { kind: "days", better: "lower" },
  max_drawdown_duration_bars: { kind: "bars", better: "lower" },
  average_drawdown: { kind: "percent", better: "higher" },
  average_drawdown_duration: { kind: "duration", better: "lower" },
  average_drawdown_duration_days: { kind: "days", better: "lower" },
  average_drawdown_duration_bars: { kind: "bars", better: "lower" },
  trade_count: { kind: "count", better: null },
  win_rate: { kind: "percent", better: "higher" },
  best_trade: { kind: "percent", better: "higher" },
  worst_trade: { kind: "percent", better: "higher" },
  average_trade: { kind: "percent", better: "higher" },
  average_trade_duration: { kind: "duration", better: null },
  average_trade_duration_bars: { kind: "bars", better: null },
  max_trade_duration: { kind: "duration", better: null },
  max_trade_duration_bars: { kind: "bars", better: null },
  profit_factor: { kind: "ratio", better: "higher" },
  expectancy: { kind: "money", better: "higher" },
  expectancy_pct: { kind: "percent", better: "higher" },
  sqn: { kind: "ratio", better: "higher" },
  kelly_criterion: { kind: "percent", better: "higher" },
  commissions: { kind: "money", better: "lower" },
  winning_trades: { kind: "count", better: null },
  losing_trades: { kind: "count", better: null },
  long_trades: { kind: "count", better: null },
  short_trades: { kind: "count", better: null },
  // Against a benchmark (docs/METRICS.md, "Benchmark"): only runs with one have them.
  alpha: { kind: "percent", better: "higher" },
  beta: { kind: "ratio", better: null },
  correlation: { kind: "ratio", better: null },
  tracking_error: { kind: "percent", better: null },
  information_ratio: { kind: "ratio", better: "higher" },
  up_capture: { kind: "percent", better: "higher" },
  down_capture: { kind: "percent", better: "lower" },
  benchmark_return: { kind: "percent", better: null },
  // The account beyond cash (docs/METRICS.md): 0 for runs without leverage, borrowing or funding.
  total_funding: { kind: "money", better: "lower" },
  total_borrow_cost: { kind: "money", better: "lower" },
  total_interest: { kind: "money", better: "lower" },
  liquidations: { kind: "count", better: "lower" },
  // Cash dividends paid into the account (issue 19): 0 when none were paid or the prices hold them.
  total_dividends: { kind: "money", better: null },
};

/** What the account charged and how often it liquidated, shown on a result when any is not zero. */
export const ACCOUNT_METRICS = ["total_funding", "total_borrow_cost", "total_interest", "liquidations"] as const;

/** The metrics of a run measured against a benchmark, in the order of docs/METRICS.md. */
export const BENCHMARK_METRICS = [
  "alpha",
  "beta",
  "correlation",
  "tracking_error",
  "information_ratio",
  "up_capture",
  "down_capture",
  "benchmark_return",
] as const;

/** Percentages that are shares or spreads, not gains or losses: written without a sign. */
const UNSIGNED = new Set(["win_rate", "exposure_time", "annualized_volatility", "tracking_error", "up_capture", "down_capture"]);

/** Metrics that say when, not how well: left out of comparison tables (the dates are shown elsewhere). */
export const TIME_METRICS = new Set(["start", "end", "duration", "duration_days"]);

/** The headline metrics, in the order of the result page's cards and the runs table. */
export const KEY_METRICS = [
  "total_return",
  "cagr",
  "max_drawdown",
  "sharpe_ratio",
  "sortino_ratio",
  "win_rate",
  "profit_factor",
  "trade_count",
] as const;

/** The objectives an optimisation can maximise (OptimizeRequest.objective). */
export const OBJECTIVES = [
  "sharpe_ratio",
  "sortino_ratio",
  "calmar_ratio",
  "total_return",
  "cagr",
  "profit_factor",
  "win_rate",
  "sqn",
  "expectancy",
  "max_drawdown",
  "final_equity",
] as const;
export type Objective = (typeof OBJECTIVES)[number];

export function metricKind(name: string): MetricKind {
  return SPECS[name]?.kind ?? "number";
}

export function metricBetter(name: string): Better {
  return SPECS[name]?.better ?? null;
}

/** Every metric name this table knows, in the order of METRICS.md. */
export const KNOWN_METRICS = Object.keys(SPECS);

/** A map of metrics as the API sends it: a number, or null where the metric is undefined for the run. */
export type MetricMap = Readonly<Record<string, number | null>>;

/** A metric's value from a map the API sends; null where undefined, missing or not finite. */
export function metricValue(metrics: MetricMap | null | undefined, name: string): number | null {
  const value = metrics?.[name];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function metricLabel(name: string, t: Translate): string {
  const key = `metrics.names.${name}`;
  return isTranslationKey(key) ? t(key) : name.replace(/_/g, " ");
}

/** What a metric means, in words (its formula), where the dictionary has it: `metrics.hints.<name>`. */
export function metricHint(name: string, t: Translate): string | undefined {
  const key = `metrics.hints.${name}`;
  return isTranslationKey(key) ? t(key) : undefined;
}

const DAY_MS = 86_400_000;

/**
 * A metric written for people: fractions as percentages, money in the run's currency, ratios with two
 * decimals, durations in days. A profit factor that is undefined because no trade lost is infinite.
 */
export function formatMetric(
  name: string,
  value: number | null | undefined,
  options: { currency?: string | null; locale: string; t: Translate; metrics?: MetricMap | null },
): string {
  const { currency, locale, t } = options;
  if (value === null || value === undefined || !Number.isFinite(value)) {
    if (
      name === "profit_factor" &&
      (metricValue(options.metrics, "winning_trades") ?? 0) > 0 &&
      metricValue(options.metrics, "losing_trades") === 0
    ) {
      return "∞";
    }
    return "—";
  }
  switch (metricKind(name)) {
    case "percent":
      return formatPercent(value, locale, { signed: !UNSIGNED.has(name) });
    case "money":
      return formatMoney(value, currency, locale);
    case "ratio":
      return formatNumber(value, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case "count":
      return formatNumber(value, locale, { maximumFractionDigits: 0 });
    case "duration":
      return t("metrics.units.days", { count: formatNumber(value / DAY_MS, locale, { maximumFractionDigits: 1 }) });
    case "days":
      return t("metrics.units.days", { count: formatNumber(value, locale, { maximumFractionDigits: 1 }) });
    case "bars":
      return t("metrics.units.bars", { count: formatNumber(value, locale, { maximumFractionDigits: 1 }) });
    case "time":
      return new Date(value).toISOString().slice(0, 10);
    default:
      return formatNumber(value, locale, { maximumFractionDigits: 4 });
  }
}

export type Tone = "gain" | "loss" | null;

/** A profit or loss by its sign: gain above zero, loss below, neither at zero or without a value. */
export function signTone(value: number | null | undefined): Tone {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return value > 0 ? "gain" : value < 0 ? "loss" : null;
}

/** Whether a value reads as good (positive return) or bad, for colouring; null when neither. */
export function metricTone(name: string, value: number | null | undefined): Tone {
  if (
    ["total_return", "cagr", "annualized_return", "expectancy", "expectancy_pct", "average_trade", "alpha", "benchmark_return"].includes(
      name,
    )
  ) {
    return signTone(value);
  }
  if (name === "max_drawdown" || name === "average_drawdown") return signTone(value) === "loss" ? "loss" : null;
  return null;
}

/** The text colour of a tone: the up colour for a gain, the down colour for a loss (by the trader's convention). */
export function toneClass(tone: Tone): string | undefined {
  return tone === "gain" ? "text-gain" : tone === "loss" ? "text-loss" : undefined;
}

/** Index of the best value in a row of runs (for the side-by-side table), or -1 when there is no order. */
export function bestIndex(name: string, values: (number | null)[]): number {
  const better = metricBetter(name);
  if (!better) return -1;
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const current = best < 0 ? null : values[best]!;
    if (current === null || (better === "higher" ? v > current : v < current)) best = i;
  }
  const distinct = new Set(values.filter((v) => v !== null));
  return distinct.size > 1 ? best : -1;
}
