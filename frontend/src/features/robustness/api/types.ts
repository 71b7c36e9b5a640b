import type { components } from "@/lib/api/schema";

/*
 * The robustness API's shapes, each the generated type of src/lib/api/schema.d.ts (regenerated from
 * the backend's OpenAPI); the names here are the ones the feature reads. Only the Monte Carlo request
 * is narrowed: the API fills in omitted fields, while the form always sends every one of them.
 */
type Schemas = components["schemas"];

/** Every scalar metric of docs/METRICS.md by name, null where undefined. */
export type Metrics = Schemas["WalkForwardOutOfSample"]["metrics"];

/** One point of an equity curve (downsampled by the API to at most 1,000). */
export type EquityPoint = Schemas["EquityPoint"];

/** A histogram: `counts[i]` values fell in [edges[i], edges[i + 1]). */
export type Histogram = Schemas["Histogram"];

// ---- Monte Carlo on a run ----

export type MonteCarloResponse = Schemas["MonteCarloResponse"];
/** One analysis as the list answers it (no bands nor histograms); result fields null until completed. */
export type MonteCarloSummary = Schemas["MonteCarloSummary"];
export type MonteCarloMethod = MonteCarloResponse["method"];
export type MonteCarloStatus = MonteCarloResponse["status"];
/** The percentiles of one statistic over the simulated paths; null where undefined (a CAGR over no time). */
export type Percentiles = Schemas["Percentiles"];
export type MonteCarloBands = Schemas["Bands"];

/** The request as the form sends it: every field present, method and paths given. */
export type MonteCarloRequest = { [K in keyof Schemas["MonteCarloRequest"]]-?: Schemas["MonteCarloRequest"][K] } & {
  method: MonteCarloMethod;
  paths: number;
};

// ---- The optimisation's out-of-sample split and statistics ----

/** The optimisation with its held-out split and statistics (each null until computed). */
export type OptimizationWithRobustness = Schemas["OptimizationResponse"];
export type OutOfSample = Schemas["OutOfSampleView"];
/** Each figure is null when it is not defined (too few returns, no spread among the trials). */
export type DeflatedSharpe = Schemas["DeflatedSharpeView"];
export type Pbo = Schemas["PboView"];
export type Plateau = Schemas["PlateauView"];

// ---- Walk-forward ----

export type WalkForwardRequest = Schemas["WalkForwardRequest"];
export type WalkForwardResponse = Schemas["WalkForwardResponse"];
export type WalkForwardSummary = Schemas["WalkForwardSummary"];
export type WalkForwardStatus = WalkForwardResponse["status"];
export type WalkForwardWindow = Schemas["WalkForwardWindowView"];
export type ParameterDrift = Schemas["WalkForwardParameterDrift"];
