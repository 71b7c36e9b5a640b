import type { SchemaOptimizationResponse, SchemaOptimizeRequest } from "@/lib/api/schema";

/*
 * The robustness API's shapes, written by hand from the contract of issue 20 until the backend that
 * serves them is merged and src/lib/api/schema.d.ts is regenerated; then each of these becomes the
 * generated type of the same name (one place to replace). Fields are snake_case as the API sends them;
 * nullability is as the contract states.
 */

/** Every scalar metric of docs/METRICS.md by name, null where undefined. */
export type Metrics = Record<string, number | null>;

/** One point of an equity curve (downsampled by the API to at most 1,000). */
export interface EquityPoint {
  time: string;
  equity: number;
}

/** A histogram: `counts[i]` values fell in [edges[i], edges[i + 1]). */
export interface Histogram {
  edges: number[];
  counts: number[];
}

// ---- Monte Carlo on a run ----

export type MonteCarloMethod = "shuffle" | "bootstrap" | "block_bootstrap";
export type MonteCarloStatus = "queued" | "running" | "completed" | "failed";

export interface MonteCarloRequest {
  method: MonteCarloMethod;
  paths: number;
  seed: number | null;
  block_length: number | null;
  ruin_equity: number | null;
}

/** The percentiles of one statistic over the simulated paths; null where undefined (a CAGR over no time). */
export interface Percentiles {
  p5: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p95: number | null;
  mean: number | null;
}

export interface MonteCarloBands {
  step: number[];
  p5: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p95: number[];
}

/** One analysis as the list answers it (no bands nor histograms); result fields null until completed. */
export interface MonteCarloSummary {
  id: string;
  backtest_id: string;
  status: MonteCarloStatus;
  error: string | null;
  method: MonteCarloMethod;
  paths: number;
  seed: number;
  block_length: number | null;
  ruin_equity: number;
  steps: number | null;
  step_unit: "trade" | "bar" | null;
  created_at: string;
  completed_at: string | null;
  duration_ms: number | null;
  final_equity: Percentiles | null;
  max_drawdown: Percentiles | null;
  cagr: Percentiles | null;
  longest_drawdown: Percentiles | null;
  probability_of_ruin: number | null;
  /** The run itself; a statistic the run does not define (a CAGR over no time) is null. */
  original: { final_equity: number | null; max_drawdown: number | null; cagr: number | null; longest_drawdown: number } | null;
}

export interface MonteCarloResponse extends MonteCarloSummary {
  bands: MonteCarloBands | null;
  histograms: { final_equity: Histogram; max_drawdown: Histogram } | null;
}

// ---- The optimisation's out-of-sample split and statistics ----

/** Exactly one of the two: the last fraction of bars held out, or every bar from a date on. */
export type OutOfSampleRequest = { fraction: number } | { from: string };

export type OptimizeRequestWithRobustness = SchemaOptimizeRequest & {
  out_of_sample: OutOfSampleRequest | null;
  cscv_partitions: number;
};

export interface OutOfSampleResult {
  rank: number;
  combination: number;
  parameters: Record<string, number>;
  in_sample_score: number | null;
  out_of_sample_score: number | null;
  in_sample_metrics: Metrics;
  out_of_sample_metrics: Metrics | null;
}

export interface OutOfSample {
  fraction: number | null;
  from: string | null;
  split_time: string;
  in_sample_bars: number;
  out_of_sample_bars: number;
  status: "pending" | "completed";
  results: OutOfSampleResult[];
  best_equity: EquityPoint[];
}

/** Each figure is null when it is not defined (too few returns, no spread among the trials). */
export interface DeflatedSharpe {
  probability: number | null;
  observed_sharpe: number | null;
  annualised_observed_sharpe: number | null;
  expected_max_sharpe: number | null;
  trials: number;
  observations: number;
  skewness: number | null;
  kurtosis: number | null;
  trial_sharpe_variance: number | null;
}

export interface Pbo {
  probability: number | null;
  partitions: number;
  splits: number;
  combinations: number;
  degradation_slope: number | null;
  probability_of_loss: number | null;
  logits: Histogram;
}

export interface Plateau {
  best_combination: number;
  best_score: number | null;
  neighbourhood_mean: number | null;
  ratio: number | null;
  neighbours: number;
  plateau_combination: number;
  plateau_parameters: Record<string, number>;
  plateau_mean: number | null;
}

export interface OptimizationStatistics {
  deflated_sharpe: DeflatedSharpe | null;
  pbo: Pbo | null;
  plateau: Plateau | null;
}

export type OptimizationWithRobustness = SchemaOptimizationResponse & {
  out_of_sample?: OutOfSample | null;
  statistics?: OptimizationStatistics | null;
};

// ---- Walk-forward ----

export type WalkForwardStatus = "queued" | "running" | "completed" | "failed" | "cancelled";
export type WindowMode = "rolling" | "anchored";

export interface WindowsSpec {
  mode: WindowMode;
  count: number;
  train_test_ratio: number;
  train_bars?: number | null;
  test_bars?: number | null;
  train_period?: string | null;
  test_period?: string | null;
  gap_bars: number;
}

export type WalkForwardRequest = Pick<SchemaOptimizeRequest, "backtest" | "ranges" | "objective" | "constraints" | "param_constraints"> & {
  windows: WindowsSpec;
};

export interface WalkForwardWindow {
  number: number;
  status: "queued" | "running" | "completed";
  train_start: string;
  train_end: string;
  test_start: string;
  test_end: string;
  train_bars: number;
  test_bars: number;
  parameters: Record<string, number> | null;
  combination: number | null;
  in_sample_score: number | null;
  in_sample_metrics: Metrics | null;
  out_of_sample_metrics: Metrics | null;
  start_equity: number | null;
  end_equity: number | null;
  trade_count: number | null;
}

export interface ParameterDrift {
  name: string;
  values: (number | null)[];
  mean: number | null;
  stdev: number | null;
  changes: number;
}

export interface WalkForwardResponse {
  id: string;
  status: WalkForwardStatus;
  error: string | null;
  /** Null once the strategy has been deleted. */
  strategy_id: string | null;
  strategy_name: string | null;
  symbol: string;
  dataset: string | null;
  interval: string;
  start_date: string;
  end_date: string;
  initial_capital: number;
  settings: SchemaOptimizationResponse["settings"];
  ranges: { name: string; from: number; to: number; step: number; count: number }[];
  objective: string;
  constraints: { metric: string; op: string; value: number }[];
  param_constraints: string[];
  windows_spec: WindowsSpec;
  combinations: number;
  window_count: number;
  progress: number;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  duration_ms: number | null;
  windows: WalkForwardWindow[];
  out_of_sample: { metrics: Metrics; equity: EquityPoint[]; trade_count: number } | null;
  efficiency: number | null;
  parameter_drift: ParameterDrift[];
}

export type WalkForwardSummary = Pick<
  WalkForwardResponse,
  | "id"
  | "status"
  | "error"
  | "strategy_name"
  | "symbol"
  | "dataset"
  | "interval"
  | "start_date"
  | "end_date"
  | "objective"
  | "window_count"
  | "combinations"
  | "progress"
  | "efficiency"
  | "created_at"
  | "completed_at"
>;

/** The API's page of a list (as every other list endpoint answers). */
export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total_items: number;
  total_pages: number;
}
