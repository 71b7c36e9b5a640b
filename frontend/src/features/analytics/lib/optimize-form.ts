import { emptyPriceValues, PRICE_ADJUSTMENTS, toPriceRequest, type PriceFormValues } from "@/lib/prices";
import { z } from "zod";
import type { SchemaOptimizeRequest, SchemaStrategyParameter } from "@/lib/api/schema";
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

export interface OptimizeFormValues extends RunSetupValues, PriceFormValues {
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

export function optimizeFormSchema({ parameters, t }: { parameters: readonly SchemaStrategyParameter[]; t: Translate }) {
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
    })
    .superRefine((values, ctx) => {
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
export function toOptimizeRequest(
  values: OptimizeFormValues,
  parameters: readonly SchemaStrategyParameter[],
  krx = false,
): SchemaOptimizeRequest {
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
  };
}

/** Where an API field error of an optimisation goes: `ranges.fast` on its range, backtest fields as named. */
export function optimizeFieldFor(apiField: string | null): string | null {
  if (!apiField) return null;
  const constraint = /^constraints\[(\d+)\]$/.exec(apiField);
  if (constraint) return `constraints.${constraint[1]}.metric`;
  if (/^param_constraints(\[\d+\])?$/.test(apiField)) return "param_constraints";
  if (apiField.startsWith("ranges.")) return `ranges.${apiField.slice(7)}.from`;
  const field = apiField.startsWith("backtest.") ? apiField.slice(9) : apiField;
  if (["strategy_id", "symbol", "interval", "start_date", "end_date", "initial_capital", "objective"].includes(field)) return field;
  return null;
}
