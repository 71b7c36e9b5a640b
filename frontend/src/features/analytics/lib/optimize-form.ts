import { emptyPriceValues, PRICE_ADJUSTMENTS, toPriceRequest, type PriceFormValues } from "@/lib/prices";
import { z } from "zod";
import type { SchemaOptimizeRequest, SchemaStrategyParameter, SchemaWalkForwardRequest } from "@/lib/api/schema";
import { parseNumber } from "@/lib/format";
import type { Translate } from "@/lib/i18n";
import { OBJECTIVES, type Objective } from "@/lib/metrics";
import { emptyRunSetup, type RunSetupValues } from "@/lib/run-setup";

/**
 * The optimisation form: a backtest setup, a range per parameter (from the strategy's declared
 * `in a..b step s`), an objective and constraints; the Zod schema mirrors OptimizationService and
 * ParameterRange (from <= to, step > 0, values inside the declared range, at least one range with two
 * values, at most 10,000 combinations), and parameter constraints as the engine's ParamConstraint
 * reads them. With parameter constraints the API counts only the combinations that meet them, so the
 * form leaves the size limit to it.
 */

export const MAX_COMBINATIONS = 10_000;
/** The grid a form starts with is kept this small, coarsening declared steps when needed. */
export const DEFAULT_GRID_TARGET = 400;
export const CONSTRAINT_OPS = [">", ">=", "<", "<="] as const;
export const MAX_PARAM_CONSTRAINTS = 20;

/** One parameter constraint: a param or number, a comparison, a param or number (docs/STRATEGY_LANGUAGE.md). */
const PARAM_CONSTRAINT =
  /^\s*(-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?%?|[A-Za-z_]\w*)\s*(<=|>=|==|!=|<|>)\s*(-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?%?|[A-Za-z_]\w*)\s*$/;

/** The parameter constraints written in one field, separated by commas, semicolons or new lines. */
export function paramConstraintList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** The param names a constraint compares; null when it is not a constraint the API reads. */
export function paramConstraintNames(text: string): string[] | null {
  const match = PARAM_CONSTRAINT.exec(text);
  if (!match) return null;
  return [match[1]!, match[3]!].filter((side) => /^[A-Za-z_]/.test(side));
}

export interface RangeValues {
  enabled: boolean;
  from: string;
  to: string;
  step: string;
}

export interface ConstraintValues {
  metric: string;
  op: (typeof CONSTRAINT_OPS)[number];
  value: string;
}

/** What the form starts: a grid search over the whole range, or a walk-forward over windows of it. */
export type OptimizeMode = "grid" | "walk-forward";
export const OUT_OF_SAMPLE_CHOICES = ["none", "fraction", "from"] as const;
export const WINDOW_MODES = ["rolling", "anchored"] as const;
/** How walk-forward windows are sized: by a count and a train/test ratio, or explicit lengths. */
export const WINDOW_SIZINGS = ["count", "bars", "periods"] as const;
export const PERIOD_UNITS = ["Y", "M"] as const;

/** The API's limits (docs/API.md): a held-out share up to 90%, CSCV partitions even in 4..32, windows 1..100. */
export const MAX_HOLD_OUT_PERCENT = 90;
export const CSCV_MIN = 4;
export const CSCV_MAX = 32;
export const DEFAULT_CSCV = 16;
export const MAX_WINDOWS = 100;
export const MAX_TRAIN_TEST_RATIO = 20;
export const MAX_GAP_BARS = 10_000;

export interface OutOfSampleValues {
  /** None, the last `oos_percent` of the bars, or every bar from `oos_from` on. */
  out_of_sample: (typeof OUT_OF_SAMPLE_CHOICES)[number];
  oos_percent: string;
  oos_from: string;
  cscv_partitions: string;
}

export interface WindowValues {
  window_mode: (typeof WINDOW_MODES)[number];
  window_sizing: (typeof WINDOW_SIZINGS)[number];
  window_count: string;
  train_test_ratio: string;
  train_bars: string;
  test_bars: string;
  train_period: string;
  train_period_unit: (typeof PERIOD_UNITS)[number];
  test_period: string;
  test_period_unit: (typeof PERIOD_UNITS)[number];
  gap_bars: string;
}

export interface OptimizeFormValues extends RunSetupValues, PriceFormValues, OutOfSampleValues, WindowValues {
  objective: Objective;
  ranges: Record<string, RangeValues>;
  constraints: ConstraintValues[];
  /** Parameter constraints such as "fast < slow", separated by commas. */
  param_constraints: string;
}

export const emptyOptimizeValues = (): OptimizeFormValues => ({
  ...emptyRunSetup(),
  objective: "sharpe_ratio",
  ranges: {},
  constraints: [],
  param_constraints: "",
  ...emptyPriceValues(),
  out_of_sample: "none",
  oos_percent: "30",
  oos_from: "",
  cscv_partitions: String(DEFAULT_CSCV),
  window_mode: "rolling",
  window_sizing: "count",
  window_count: "5",
  train_test_ratio: "3",
  train_bars: "",
  test_bars: "",
  train_period: "2",
  train_period_unit: "Y",
  test_period: "6",
  test_period_unit: "M",
  gap_bars: "0",
});

/** Values in a range, as ParameterRange counts them (a billionth of a step of tolerance). */
export function rangeCount(from: number, to: number, step: number): number {
  if (!(step > 0) || from > to || !Number.isFinite(from) || !Number.isFinite(to)) return 0;
  return Math.floor((to - from) / step + 1e-9) + 1;
}

/** Combinations of the enabled ranges (a disabled or unreadable range counts as one value). */
export function gridSize(ranges: Record<string, RangeValues>): number {
  let size = 1;
  for (const range of Object.values(ranges)) {
    if (!range.enabled) continue;
    const count = rangeCount(parseNumber(range.from) ?? NaN, parseNumber(range.to) ?? NaN, parseNumber(range.step) ?? NaN);
    size *= Math.max(1, count);
  }
  return size;
}

const trim = (value: number) => +value.toPrecision(12);

/**
 * The ranges a form starts with: each declared range with its declared step (as the API would use
 * without ranges). When that grid is larger than `target`, each step is widened to a whole multiple of
 * itself so that the grid stays near `target` combinations: the declared bounds are kept.
 */
export function defaultRanges(parameters: readonly SchemaStrategyParameter[], target = DEFAULT_GRID_TARGET) {
  const ranged = parameters.filter((p) => p.name && p.min != null && p.max != null && p.max > p.min);
  const base = ranged.map((p) => {
    const whole = Number.isInteger(p.min) && Number.isInteger(p.max) && Number.isInteger(p.default ?? 0);
    const step = p.step ?? (whole ? 1 : (p.max! - p.min!) / 10);
    return { p, step };
  });
  const size = base.reduce((n, { p, step }) => n * rangeCount(p.min!, p.max!, step), 1);
  const perParameter = base.length > 0 ? Math.max(2, Math.floor(target ** (1 / base.length))) : 1;
  const ranges: Record<string, RangeValues> = {};
  for (const p of parameters) {
    if (!p.name) continue;
    const entry = base.find((b) => b.p === p);
    if (!entry) {
      ranges[p.name] = { enabled: false, from: String(p.default ?? ""), to: String(p.default ?? ""), step: "1" };
      continue;
    }
    let step = entry.step;
    if (size > target) {
      const count = rangeCount(p.min!, p.max!, step);
      const factor = Math.max(1, Math.ceil((count - 1) / (perParameter - 1)));
      step = step * factor;
    }
    ranges[p.name] = { enabled: true, from: String(p.min), to: String(p.max), step: String(trim(step)) };
  }
  return ranges;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const wholeIn = (text: string, min: number, max: number) => {
  const value = parseNumber(text);
  return value !== null && Number.isSafeInteger(value) && value >= min && value <= max;
};

/** The held-out split and CSCV partitions of a grid search (docs/ROBUSTNESS.md); issues on their fields. */
function checkOutOfSample(values: OptimizeFormValues, ctx: z.RefinementCtx) {
  if (values.out_of_sample === "fraction") {
    const percent = parseNumber(values.oos_percent);
    if (percent === null || !(percent > 0) || percent > MAX_HOLD_OUT_PERCENT) {
      ctx.addIssue({ code: "custom", path: ["oos_percent"], message: "optimize.validation.holdOut" });
    }
  }
  if (values.out_of_sample === "from") {
    if (!DATE.test(values.oos_from)) ctx.addIssue({ code: "custom", path: ["oos_from"], message: "validation.date" });
    else if (values.oos_from <= values.start_date || values.oos_from > values.end_date) {
      ctx.addIssue({ code: "custom", path: ["oos_from"], message: "optimize.validation.holdOutFrom" });
    }
  }
  const partitions = parseNumber(values.cscv_partitions);
  if (!wholeIn(values.cscv_partitions, CSCV_MIN, CSCV_MAX) || partitions! % 2 !== 0) {
    ctx.addIssue({ code: "custom", path: ["cscv_partitions"], message: "optimize.validation.cscv" });
  }
}

/** The walk-forward windows: a count and ratio, or both lengths in bars, or both as periods; a gap in bars. */
function checkWindows(values: OptimizeFormValues, ctx: z.RefinementCtx) {
  const issue = (path: keyof WindowValues, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (values.window_sizing === "count") {
    if (!wholeIn(values.window_count, 1, MAX_WINDOWS)) issue("window_count", "optimize.validation.windowCount");
    const ratio = parseNumber(values.train_test_ratio);
    if (ratio === null || !(ratio > 0) || ratio > MAX_TRAIN_TEST_RATIO) issue("train_test_ratio", "optimize.validation.trainTestRatio");
  } else if (values.window_sizing === "bars") {
    if (!wholeIn(values.train_bars, 1, Number.MAX_SAFE_INTEGER)) issue("train_bars", "optimize.validation.wholePositive");
    if (!wholeIn(values.test_bars, 1, Number.MAX_SAFE_INTEGER)) issue("test_bars", "optimize.validation.wholePositive");
  } else {
    if (!wholeIn(values.train_period, 1, 1200)) issue("train_period", "optimize.validation.wholePositive");
    if (!wholeIn(values.test_period, 1, 1200)) issue("test_period", "optimize.validation.wholePositive");
  }
  if (!wholeIn(values.gap_bars, 0, MAX_GAP_BARS)) issue("gap_bars", "optimize.validation.gapBars");
}

export function optimizeFormSchema({
  parameters,
  t,
  mode = "grid",
}: {
  parameters: readonly SchemaStrategyParameter[];
  t: Translate;
  mode?: OptimizeMode;
}) {
  const number = z.string().refine((v) => parseNumber(v) !== null, { error: "backtests.validation.number" });
  return z
    .object({
      strategy_id: z.string().min(1, { error: "backtests.validation.strategyRequired" }),
      symbol: z.string().trim().min(1, { error: "backtests.validation.symbolRequired" }),
      interval: z.string().min(1, { error: "backtests.validation.intervalRequired" }),
      start_date: z.string().regex(DATE, { error: "validation.date" }),
      end_date: z.string().regex(DATE, { error: "validation.date" }),
      initial_capital: number.refine((v) => (parseNumber(v) ?? 0) > 0, { error: "backtests.validation.capitalPositive" }),
      objective: z.enum(OBJECTIVES),
      ranges: z.record(z.string(), z.object({ enabled: z.boolean(), from: z.string(), to: z.string(), step: z.string() })),
      constraints: z.array(
        z.object({ metric: z.string().min(1, { error: "validation.required" }), op: z.enum(CONSTRAINT_OPS), value: number }),
      ),
      param_constraints: z.string(),
      price_adjustment: z.enum(PRICE_ADJUSTMENTS),
      dividends_cash: z.boolean(),
      price_limits: z.boolean(),
      out_of_sample: z.enum(OUT_OF_SAMPLE_CHOICES),
      oos_percent: z.string(),
      oos_from: z.string(),
      cscv_partitions: z.string(),
      window_mode: z.enum(WINDOW_MODES),
      window_sizing: z.enum(WINDOW_SIZINGS),
      window_count: z.string(),
      train_test_ratio: z.string(),
      train_bars: z.string(),
      test_bars: z.string(),
      train_period: z.string(),
      train_period_unit: z.enum(PERIOD_UNITS),
      test_period: z.string(),
      test_period_unit: z.enum(PERIOD_UNITS),
      gap_bars: z.string(),
    })
    .superRefine((values, ctx) => {
      if (mode === "grid") checkOutOfSample(values as OptimizeFormValues, ctx);
      else checkWindows(values as OptimizeFormValues, ctx);
      if (DATE.test(values.start_date) && DATE.test(values.end_date) && values.end_date < values.start_date) {
        ctx.addIssue({ code: "custom", path: ["end_date"], message: "backtests.validation.endBeforeStart" });
      }
      let varies = false;
      for (const spec of parameters) {
        if (!spec.name) continue;
        const range = values.ranges[spec.name];
        if (!range?.enabled) continue;
        const from = parseNumber(range.from);
        const to = parseNumber(range.to);
        const step = parseNumber(range.step);
        const path = (field: keyof RangeValues) => ["ranges", spec.name!, field];
        if (from === null) ctx.addIssue({ code: "custom", path: path("from"), message: "backtests.validation.number" });
        if (to === null) ctx.addIssue({ code: "custom", path: path("to"), message: "backtests.validation.number" });
        if (step === null || step <= 0) ctx.addIssue({ code: "custom", path: path("step"), message: "optimize.validation.stepPositive" });
        if (from === null || to === null || step === null || step <= 0) continue;
        if (from > to) {
          ctx.addIssue({ code: "custom", path: path("to"), message: "optimize.validation.toBelowFrom" });
          continue;
        }
        if (spec.min != null && spec.max != null && (from < spec.min || to > spec.max)) {
          ctx.addIssue({
            code: "custom",
            path: path("from"),
            message: t("backtests.validation.parameterRange", { min: spec.min, max: spec.max }),
          });
        }
        if (rangeCount(from, to, step) > 1) varies = true;
      }
      if (!varies) ctx.addIssue({ code: "custom", path: ["ranges"], message: "optimize.validation.nothingVaries" });
      const paramConstraints = paramConstraintList(values.param_constraints);
      const declared = new Set(parameters.map((p) => p.name));
      if (paramConstraints.length > MAX_PARAM_CONSTRAINTS) {
        ctx.addIssue({
          code: "custom",
          path: ["param_constraints"],
          message: t("optimize.validation.paramConstraintCount", { max: MAX_PARAM_CONSTRAINTS }),
        });
      }
      for (const text of paramConstraints) {
        const names = paramConstraintNames(text);
        const unknown = names?.find((name) => !declared.has(name));
        if (names === null || names.length === 0) {
          ctx.addIssue({ code: "custom", path: ["param_constraints"], message: t("optimize.validation.paramConstraint", { text }) });
          break;
        }
        if (unknown) {
          ctx.addIssue({
            code: "custom",
            path: ["param_constraints"],
            message: t("optimize.validation.paramConstraintUnknown", { name: unknown }),
          });
          break;
        }
      }
      const size = gridSize(values.ranges);
      // Constraints cut the grid down: the API counts only the combinations that meet them.
      if (size > MAX_COMBINATIONS && paramConstraints.length === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["ranges"],
          message: t("optimize.validation.tooManyCombinations", { count: size, max: MAX_COMBINATIONS }),
        });
      }
    });
}

/**
 * The request: enabled ranges as given, disabled parameters fixed at their first value (from); `krx`
 * (the symbol is a KRX one) sends the price-limit choice.
 */
/**
 * The request body as the form builds it: the generated request with the robustness lab's fields
 * always sent, the held-out part narrowed to exactly one of its two forms (docs/API.md).
 */
export type OptimizeRequestBody = SchemaOptimizeRequest & {
  out_of_sample: { fraction: number } | { from: string } | null;
  cscv_partitions: number;
};

/** The held-out part as the API takes it: a fraction of the bars (30% is 0.3), or a first date. */
export function toOutOfSample(values: OutOfSampleValues): OptimizeRequestBody["out_of_sample"] {
  if (values.out_of_sample === "fraction") return { fraction: +((parseNumber(values.oos_percent) ?? 0) / 100).toPrecision(12) };
  if (values.out_of_sample === "from") return { from: values.oos_from };
  return null;
}

/** The walk-forward request's `windows` (docs/API.md): only the sizing chosen is sent, the rest null. */
export function toWindows(values: WindowValues) {
  const sizing = values.window_sizing;
  return {
    mode: values.window_mode,
    count: sizing === "count" ? (parseNumber(values.window_count) ?? 5) : 5,
    train_test_ratio: sizing === "count" ? (parseNumber(values.train_test_ratio) ?? 3) : 3,
    train_bars: sizing === "bars" ? parseNumber(values.train_bars) : null,
    test_bars: sizing === "bars" ? parseNumber(values.test_bars) : null,
    train_period: sizing === "periods" ? `P${parseNumber(values.train_period)}${values.train_period_unit}` : null,
    test_period: sizing === "periods" ? `P${parseNumber(values.test_period)}${values.test_period_unit}` : null,
    gap_bars: parseNumber(values.gap_bars) ?? 0,
  };
}

/** A walk-forward request: the optimisation's backtest, grid, objective and constraints, and its windows. */
export type WalkForwardBody = SchemaWalkForwardRequest & { windows: ReturnType<typeof toWindows> };

export function toWalkForwardRequest(
  values: OptimizeFormValues,
  parameters: readonly SchemaStrategyParameter[],
  krx = false,
): WalkForwardBody {
  const { backtest, ranges, objective, constraints, param_constraints } = toOptimizeRequest(values, parameters, krx);
  return { backtest, ranges, objective, constraints, param_constraints, windows: toWindows(values) };
}

export function toOptimizeRequest(
  values: OptimizeFormValues,
  parameters: readonly SchemaStrategyParameter[],
  krx = false,
): OptimizeRequestBody {
  const ranges: NonNullable<SchemaOptimizeRequest["ranges"]> = {};
  const fixed: Record<string, number> = {};
  for (const spec of parameters) {
    if (!spec.name) continue;
    const range = values.ranges[spec.name];
    const from = parseNumber(range?.from);
    if (range?.enabled) {
      ranges[spec.name] = { from: from ?? 0, to: parseNumber(range.to) ?? 0, step: parseNumber(range.step) ?? 1 };
    } else if (from !== null) {
      fixed[spec.name] = from;
    }
  }
  return {
    backtest: {
      strategy_id: values.strategy_id,
      symbol: values.symbol.trim(),
      interval: values.interval as SchemaOptimizeRequest["backtest"]["interval"],
      start_date: values.start_date,
      end_date: values.end_date,
      initial_capital: parseNumber(values.initial_capital) ?? 0,
      parameters: fixed,
      ...toPriceRequest(values, krx),
    },
    ranges,
    objective: values.objective,
    constraints: values.constraints.map((c) => ({ metric: c.metric, op: c.op, value: parseNumber(c.value) ?? 0 })),
    param_constraints: paramConstraintList(values.param_constraints),
    out_of_sample: toOutOfSample(values),
    cscv_partitions: parseNumber(values.cscv_partitions) ?? DEFAULT_CSCV,
  };
}

/** Fields of the held-out split and of the windows by the API's names for them. */
const ROBUSTNESS_FIELDS: Record<string, keyof OptimizeFormValues> = {
  out_of_sample: "out_of_sample",
  "out_of_sample.fraction": "oos_percent",
  "out_of_sample.from": "oos_from",
  cscv_partitions: "cscv_partitions",
  windows: "window_count",
  "windows.mode": "window_mode",
  "windows.count": "window_count",
  "windows.train_test_ratio": "train_test_ratio",
  "windows.train_bars": "train_bars",
  "windows.test_bars": "test_bars",
  "windows.train_period": "train_period",
  "windows.test_period": "test_period",
  "windows.gap_bars": "gap_bars",
};

/** Where an API field error of an optimisation goes: `ranges.fast` on its range, backtest fields as named. */
export function optimizeFieldFor(apiField: string | null): string | null {
  if (!apiField) return null;
  if (apiField in ROBUSTNESS_FIELDS) return ROBUSTNESS_FIELDS[apiField]!;
  const constraint = /^constraints\[(\d+)\]$/.exec(apiField);
  if (constraint) return `constraints.${constraint[1]}.metric`;
  if (/^param_constraints(\[\d+\])?$/.test(apiField)) return "param_constraints";
  if (apiField.startsWith("ranges.")) return `ranges.${apiField.slice(7)}.from`;
  const field = apiField.startsWith("backtest.") ? apiField.slice(9) : apiField;
  if (["strategy_id", "symbol", "interval", "start_date", "end_date", "initial_capital", "objective"].includes(field)) return field;
  return null;
}
