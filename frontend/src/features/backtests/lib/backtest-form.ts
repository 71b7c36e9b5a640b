import { z } from "zod";
import { isApiError } from "@/lib/api/errors";
import type {
  SchemaDefaultCosts,
  SchemaAccountDefaults,
  SchemaBacktestRequest,
  SchemaBacktestResponse,
  SchemaStrategyParameter,
  SchemaSymbolView,
} from "@/lib/api/schema";
import { parseNumber } from "@/lib/format";
import type { Translate, TranslationKey } from "@/lib/i18n";
import { availableRange, INTERVALS, type Interval } from "@/lib/intervals";
import {
  emptyPriceValues,
  isPriceAdjustment,
  PRICE_ADJUSTMENTS,
  priceValuesFromRun,
  toPriceRequest,
  type PriceFormValues,
} from "@/lib/prices";
import { emptyRunSetup, type RunSetupValues } from "@/lib/run-setup";
import {
  accountFormField,
  accountIssues,
  accountValuesFromRun,
  emptyAccountValues,
  END_PRICES,
  FUNDING_MODES,
  toAccountRequest,
  type AccountFormValues,
} from "./account";

/**
 * The new-backtest form: its values (numbers kept as the text typed, so a half-typed value is not
 * lost), the Zod schema that mirrors the API's rules (RunSettingsResolver, CostModel, SizingModel,
 * ParamSpec), the request it becomes, where the API's field errors go, and the query string other
 * screens use to open it prefilled ("run this", "run again with changes").
 */

export const COST_PRESETS = ["none", "krx", "us", "upbit", "binance"] as const;
export type CostPreset = (typeof COST_PRESETS)[number];
export const SIZING_TYPES = ["fraction_of_equity", "fixed_quantity", "fixed_cash"] as const;
export type SizingType = (typeof SIZING_TYPES)[number];
export const FILL_MODES = ["next_open", "close"] as const;
export type FillMode = (typeof FILL_MODES)[number];

export const MAX_CAPITAL = 1e15;
/** The API's bounds: a portfolio of 1-500 symbols, at most 20 FX series. */
export const MAX_PORTFOLIO_SYMBOLS = 500;
/** The rebalance schedules the API accepts (`drift` is sent as `drift:<band>`); `strategy` keeps the strategy's own. */
export const REBALANCE_SCHEDULES = ["strategy", "every_bar", "weekly", "monthly", "quarterly", "drift"] as const;
export type RebalanceSchedule = (typeof REBALANCE_SCHEDULES)[number];

export interface BacktestFormValues extends RunSetupValues, AccountFormValues, PriceFormValues {
  parameters: Record<string, string>;
  cost_mode: "preset" | "custom";
  cost_preset: CostPreset;
  /** Percentages as typed: "0.1" means 0.1%. */
  commission_rate: string;
  commission_fixed: string;
  commission_minimum: string;
  sell_tax_rate: string;
  slippage_rate: string;
  slippage_ticks: string;
  /** Cash per unit filled ("" for none), its cap per fill ("" for none) and the fills that pay it. */
  per_share_fee: string;
  per_share_fee_cap: string;
  per_share_fee_sides: PerShareFeeSides;
  sizing_type: SizingType;
  /** Percent of equity, a quantity or an amount, by the sizing type. */
  sizing_value: string;
  fill: FillMode;
  allow_short: boolean;
  close_at_end: boolean;
  /** Percent per year. */
  risk_free_rate: string;
  /** A stored symbol to measure the run against; empty for none. */
  benchmark: string;
  /** Several symbols in one account (a portfolio run) instead of `symbol`. */
  portfolio: boolean;
  /** The saved universe the symbols came from, if any ("" when typed). */
  universe_id: string;
  symbols: string[];
  rebalance: RebalanceSchedule;
  /** Percent of drift that triggers a rebalance, as typed. */
  drift_band: string;
  /** Empty: the first symbol's currency. */
  base_currency: string;
  /** Per foreign currency, the stored series quoting one unit of it in the base currency. */
  fx: Record<string, string>;
  /**
   * A portfolio with preset costs trades each symbol at its own market's preset (the KRX sell tax on
   * KRX sells only): the request then names no costs. Off, the chosen preset applies to every symbol.
   */
  cost_per_market: boolean;
}

/** Which fills pay a custom per-share fee. */
export const PER_SHARE_FEE_SIDES = ["sell", "both"] as const;
export type PerShareFeeSides = (typeof PER_SHARE_FEE_SIDES)[number];

/** The largest per-share fee the API accepts (RunSettingsResolver.MAX_PER_SHARE_FEE). */
export const MAX_PER_SHARE_FEE = 1000;

/**
 * The days a run will cover: the dates asked for, clipped to the symbol's data (the API clips the same
 * way and keeps the dates asked for); null when the dates are not both valid or miss the data entirely.
 */
export function clippedRange(
  range: { first: string; last: string } | null | undefined,
  start: string,
  end: string,
): { start: string; end: string; clipped: boolean } | null {
  if (!range || !isDate(start) || !isDate(end) || end < start) return null;
  if (start > range.last || end < range.first) return null;
  const from = start < range.first ? range.first : start;
  const to = end > range.last ? range.last : end;
  return { start: from, end: to, clipped: from !== start || to !== end };
}

/** Preset costs as percentages and amounts, to show what a preset means and to start custom costs from. */
export const PRESET_COSTS: Record<CostPreset, { commission_rate: number; sell_tax_rate: number }> = {
  none: { commission_rate: 0, sell_tax_rate: 0 },
  krx: { commission_rate: 0.015, sell_tax_rate: 0.2 },
  us: { commission_rate: 0, sell_tax_rate: 0 },
  upbit: { commission_rate: 0.05, sell_tax_rate: 0 },
  binance: { commission_rate: 0.1, sell_tax_rate: 0 },
};

/** The preset the API applies to a symbol's market when none is named. */
export function marketPreset(market: string | null | undefined): CostPreset {
  switch ((market ?? "").toUpperCase()) {
    case "KRX":
      return "krx";
    case "NASDAQ":
    case "NYSE":
      return "us";
    case "UPBIT":
      return "upbit";
    case "BINANCE":
      return "binance";
    default:
      return "none";
  }
}

export function defaultCapital(currency: string | null | undefined): number {
  const code = (currency ?? "").toUpperCase();
  if (code === "KRW") return 10_000_000;
  if (code === "JPY") return 1_000_000;
  if (code === "BTC") return 1;
  return 10_000;
}

export const emptyFormValues = (): BacktestFormValues => ({
  ...emptyRunSetup(),
  parameters: {},
  cost_mode: "preset",
  cost_preset: "none",
  commission_rate: "0",
  commission_fixed: "0",
  commission_minimum: "0",
  sell_tax_rate: "0",
  slippage_rate: "0",
  slippage_ticks: "0",
  per_share_fee: "",
  per_share_fee_cap: "",
  per_share_fee_sides: "sell",
  sizing_type: "fraction_of_equity",
  sizing_value: "100",
  fill: "next_open",
  allow_short: false,
  close_at_end: false,
  risk_free_rate: "0",
  benchmark: "",
  portfolio: false,
  universe_id: "",
  symbols: [],
  rebalance: "strategy",
  drift_band: "5",
  base_currency: "",
  fx: {},
  cost_per_market: true,
  ...emptyAccountValues(),
  ...emptyPriceValues(),
});

/** The currency a portfolio is kept in: the one chosen, else its first known symbol's. */
export function portfolioBaseCurrency(
  values: Pick<BacktestFormValues, "base_currency" | "symbols">,
  symbols: readonly SchemaSymbolView[] | undefined,
): string {
  if (values.base_currency.trim()) return values.base_currency.trim().toUpperCase();
  for (const code of values.symbols) {
    const known = symbols?.find((s) => s.symbol?.toUpperCase() === code.toUpperCase());
    if (known?.currency) return known.currency.toUpperCase();
  }
  return "";
}

/** The currencies of a portfolio's symbols other than its base, sorted: each needs an FX series. */
export function foreignCurrencies(
  values: Pick<BacktestFormValues, "base_currency" | "symbols">,
  symbols: readonly SchemaSymbolView[] | undefined,
): string[] {
  const base = portfolioBaseCurrency(values, symbols);
  const foreign = new Set<string>();
  for (const code of values.symbols) {
    const currency = symbols?.find((s) => s.symbol?.toUpperCase() === code.toUpperCase())?.currency?.toUpperCase();
    if (currency && base && currency !== base) foreign.add(currency);
  }
  return [...foreign].sort();
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: string) => DATE.test(value) && !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime());

export interface SchemaContext {
  parameters: readonly SchemaStrategyParameter[];
  /** The run's symbol, or a portfolio's first known symbol (whose stored ranges the dates follow). */
  symbol: SchemaSymbolView | undefined;
  /** A portfolio's currencies that need an FX series. */
  foreign?: readonly string[];
  /** The account preset of the run's symbol (its limits), once loaded. */
  account?: SchemaAccountDefaults;
  t: Translate;
}

/**
 * The form's rules, as the API checks them: every required field; a symbol and interval with data; end
 * not before start and the range overlapping the data; capital above 0 and at most 1e15; each
 * parameter a number inside its `in a..b` range; rates in [0, 100%); amounts and ticks at least 0;
 * a fraction of equity in (0, 100%], a quantity or cash above 0; a risk-free rate strictly between
 * -100% and 100%.
 */
export function backtestFormSchema({ parameters, symbol, foreign = [], account, t }: SchemaContext) {
  const number = (message = "backtests.validation.number") => z.string().refine((v) => parseNumber(v) !== null, { error: message });
  const nonNegative = number().refine((v) => (parseNumber(v) ?? -1) >= 0, { error: "backtests.validation.nonNegative" });
  const rate = nonNegative.refine((v) => (parseNumber(v) ?? 0) < 100, { error: "backtests.validation.rateBelow100" });

  return z
    .object({
      strategy_id: z.string().min(1, { error: "backtests.validation.strategyRequired" }),
      symbol: z.string().trim().max(40, { error: "validation.max40" }),
      portfolio: z.boolean(),
      universe_id: z.string(),
      symbols: z.array(z.string()),
      rebalance: z.enum(REBALANCE_SCHEDULES),
      drift_band: z.string(),
      base_currency: z
        .string()
        .trim()
        .refine((v) => v === "" || /^[A-Za-z][A-Za-z0-9]{1,9}$/.test(v), { error: "portfolio.validation.currency" }),
      // An FX field React Hook Form has registered but nobody filled yet holds undefined.
      fx: z.record(z.string(), z.string().optional()),
      cost_per_market: z.boolean(),
      interval: z.string().min(1, { error: "backtests.validation.intervalRequired" }),
      benchmark: z.string().trim().max(40, { error: "validation.max40" }),
      start_date: z.string().refine(isDate, { error: "validation.date" }),
      end_date: z.string().refine(isDate, { error: "validation.date" }),
      initial_capital: number()
        .refine((v) => (parseNumber(v) ?? 0) > 0, { error: "backtests.validation.capitalPositive" })
        .refine((v) => (parseNumber(v) ?? 0) <= MAX_CAPITAL, { error: "backtests.validation.capitalMax" }),
      parameters: z.record(z.string(), z.string()),
      cost_mode: z.enum(["preset", "custom"]),
      cost_preset: z.enum(COST_PRESETS),
      commission_rate: rate,
      commission_fixed: nonNegative,
      commission_minimum: nonNegative,
      sell_tax_rate: rate,
      slippage_rate: rate,
      slippage_ticks: nonNegative,
      per_share_fee: z
        .string()
        .refine((v) => v.trim() === "" || parseNumber(v) !== null, { error: "backtests.validation.number" })
        .refine((v) => v.trim() === "" || ((parseNumber(v) ?? -1) >= 0 && (parseNumber(v) ?? 0) <= MAX_PER_SHARE_FEE), {
          error: "backtests.validation.nonNegative",
        }),
      per_share_fee_cap: z.string().refine((v) => v.trim() === "" || (parseNumber(v) ?? 0) > 0, { error: "backtests.validation.positive" }),
      per_share_fee_sides: z.enum(PER_SHARE_FEE_SIDES),
      sizing_type: z.enum(SIZING_TYPES),
      sizing_value: number(),
      fill: z.enum(FILL_MODES),
      allow_short: z.boolean(),
      close_at_end: z.boolean(),
      leverage: z.string(),
      maintenance_margin: z.string(),
      borrow_rate: z.string(),
      short_borrow_fee: z.string(),
      funding: z.enum(FUNDING_MODES),
      funding_rate: z.string(),
      funding_interval: z.string(),
      pyramiding: z.string(),
      close_at_end_price: z.enum(END_PRICES),
      price_adjustment: z.enum(PRICE_ADJUSTMENTS),
      dividends_cash: z.boolean(),
      price_limits: z.boolean(),
      risk_free_rate: number().refine(
        (v) => {
          const value = parseNumber(v) ?? 0;
          return value > -100 && value < 100;
        },
        { error: "backtests.validation.riskFreeRange" },
      ),
    })
    .superRefine((values, ctx) => {
      if (!values.portfolio && values.symbol.trim() === "") {
        ctx.addIssue({ code: "custom", path: ["symbol"], message: "backtests.validation.symbolRequired" });
      }
      if (values.portfolio) {
        if (values.symbols.length === 0) {
          ctx.addIssue({ code: "custom", path: ["symbols"], message: "portfolio.validation.symbolsRequired" });
        } else if (values.symbols.length > MAX_PORTFOLIO_SYMBOLS) {
          ctx.addIssue({ code: "custom", path: ["symbols"], message: "portfolio.validation.tooManySymbols" });
        }
        if (values.rebalance === "drift") {
          const band = parseNumber(values.drift_band);
          if (band === null || !(band > 0 && band < 100)) {
            ctx.addIssue({ code: "custom", path: ["drift_band"], message: "portfolio.validation.driftBand" });
          }
        }
        for (const currency of foreign) {
          if (!(values.fx[currency] ?? "").trim()) {
            ctx.addIssue({ code: "custom", path: ["fx", currency], message: t("portfolio.validation.fxRequired", { currency }) });
          }
        }
      }
      if (isDate(values.start_date) && isDate(values.end_date) && values.end_date < values.start_date) {
        ctx.addIssue({ code: "custom", path: ["end_date"], message: "backtests.validation.endBeforeStart" });
      }
      if (symbol && values.interval) {
        const range = availableRange(symbol, values.interval);
        if (!range) {
          ctx.addIssue({ code: "custom", path: ["interval"], message: "backtests.validation.intervalNoData" });
        } else if (
          isDate(values.start_date) &&
          isDate(values.end_date) &&
          values.end_date >= values.start_date &&
          (values.start_date > range.last || values.end_date < range.first)
        ) {
          ctx.addIssue({
            code: "custom",
            path: ["start_date"],
            message: t("backtests.validation.noDataInRange", { first: range.first, last: range.last }),
          });
        }
      }
      for (const issue of accountIssues(values, account, parseNumber(values.initial_capital))) {
        ctx.addIssue({
          code: "custom",
          path: [issue.field],
          message: issue.values ? t(issue.key as TranslationKey, issue.values) : issue.key,
        });
      }
      if (values.cost_mode === "custom" && values.per_share_fee_cap.trim() !== "" && !((parseNumber(values.per_share_fee) ?? 0) > 0)) {
        ctx.addIssue({ code: "custom", path: ["per_share_fee"], message: "costParts.feeRequired" });
      }
      const sizing = parseNumber(values.sizing_value);
      if (sizing !== null) {
        if (values.sizing_type === "fraction_of_equity" && !(sizing > 0 && sizing <= 100)) {
          ctx.addIssue({ code: "custom", path: ["sizing_value"], message: "backtests.validation.fractionRange" });
        } else if (values.sizing_type !== "fraction_of_equity" && !(sizing > 0)) {
          ctx.addIssue({ code: "custom", path: ["sizing_value"], message: "backtests.validation.positive" });
        }
      }
      for (const spec of parameters) {
        if (!spec.name) continue;
        const text = values.parameters[spec.name] ?? "";
        if (text.trim() === "") continue; // the strategy's default applies
        const value = parseNumber(text);
        if (value === null) {
          ctx.addIssue({ code: "custom", path: ["parameters", spec.name], message: "backtests.validation.number" });
        } else if (spec.min != null && spec.max != null && (value < spec.min || value > spec.max)) {
          ctx.addIssue({
            code: "custom",
            path: ["parameters", spec.name],
            message: t("backtests.validation.parameterRange", { min: spec.min, max: spec.max }),
          });
        }
      }
    });
}

/**
 * The API request for valid form values (percentages become fractions, empty parameters are left to
 * defaults). `krx`: the run trades a KRX symbol, so its price-limit choice is sent.
 */
export function toBacktestRequest(
  values: BacktestFormValues,
  parameters: readonly SchemaStrategyParameter[],
  foreign: readonly string[] = [],
  krx = false,
): SchemaBacktestRequest {
  const num = (text: string) => parseNumber(text) ?? 0;
  const params: Record<string, number> = {};
  for (const spec of parameters) {
    if (!spec.name) continue;
    const value = parseNumber(values.parameters[spec.name]);
    if (value !== null) params[spec.name] = value;
  }
  const costs: SchemaBacktestRequest["costs"] =
    values.portfolio && values.cost_mode === "preset" && values.cost_per_market
      ? undefined
      : values.cost_mode === "preset"
        ? { preset: values.cost_preset }
        : {
            preset: "none",
            commission_rate: num(values.commission_rate) / 100,
            commission_fixed: num(values.commission_fixed),
            commission_minimum: num(values.commission_minimum),
            sell_tax_rate: num(values.sell_tax_rate) / 100,
            slippage_rate: num(values.slippage_rate) / 100,
            slippage_ticks: num(values.slippage_ticks),
            ...perShareFee(values),
          };
  const sizingValue = num(values.sizing_value);
  const fx: Record<string, string> = {};
  for (const currency of foreign) {
    const ticker = values.fx[currency]?.trim();
    if (ticker) fx[currency] = ticker;
  }
  const portfolio: Partial<SchemaBacktestRequest> = values.portfolio
    ? {
        symbols: values.symbols,
        rebalance:
          values.rebalance === "drift"
            ? `drift:${+(num(values.drift_band) / 100).toPrecision(12)}`
            : values.rebalance === "strategy"
              ? undefined
              : values.rebalance,
        base_currency: values.base_currency.trim().toUpperCase() || undefined,
        fx: Object.keys(fx).length > 0 ? fx : undefined,
      }
    : { symbol: values.symbol.trim() };
  return {
    strategy_id: values.strategy_id,
    ...portfolio,
    interval: values.interval as Interval,
    start_date: values.start_date,
    end_date: values.end_date,
    initial_capital: num(values.initial_capital),
    parameters: params,
    costs,
    sizing: {
      type: values.sizing_type,
      value: values.sizing_type === "fraction_of_equity" ? sizingValue / 100 : sizingValue,
    },
    fill: values.fill,
    allow_short: values.allow_short,
    close_at_end: values.close_at_end,
    risk_free_rate: num(values.risk_free_rate) / 100,
    benchmark: values.benchmark.trim() || undefined,
    ...toAccountRequest(values),
    ...toPriceRequest(values, krx),
  };
}

/** The custom per-share fee as the API takes it: nothing when no fee is typed. */
function perShareFee(values: BacktestFormValues): Partial<NonNullable<SchemaBacktestRequest["costs"]>> {
  const fee = parseNumber(values.per_share_fee);
  if (fee === null || fee <= 0) return {};
  const cap = parseNumber(values.per_share_fee_cap);
  return {
    per_share_fee: fee,
    ...(cap !== null && cap > 0 ? { per_share_fee_cap: cap } : {}),
    per_share_fee_sides: values.per_share_fee_sides,
  };
}

/** Where an API field error belongs on the form: `parameters.fast` on its input, costs on the cost fields. */
export function formFieldFor(
  apiField: string | null,
  values: Pick<BacktestFormValues, "cost_mode"> & { portfolio?: boolean },
): string | null {
  if (!apiField) return null;
  if (apiField.startsWith("parameters.") || apiField.startsWith("fx.")) return apiField;
  if (apiField.startsWith("symbols")) return "symbols";
  const account = accountFormField(apiField);
  if (account) return account;
  switch (apiField) {
    case "strategy_id":
    case "interval":
    case "start_date":
    case "end_date":
    case "initial_capital":
    case "fill":
    case "risk_free_rate":
    case "benchmark":
    case "symbols":
    case "base_currency":
    case "price_adjustment":
    case "price_limits":
      return apiField;
    case "dividends":
      return "dividends_cash";
    case "symbol":
      return values.portfolio ? "symbols" : "symbol";
    case "rebalance":
      return values.portfolio ? "rebalance" : null;
    case "fx":
      return "base_currency";
    case "sizing":
    case "sizing.value":
    case "sizing.type":
      return "sizing_value";
    case "costs.preset":
      return "cost_preset";
    case "costs.per_share_fee":
      return "per_share_fee";
    case "costs.per_share_fee_cap":
      return "per_share_fee_cap";
    case "costs.per_share_fee_sides":
      return "per_share_fee_sides";
    case "costs":
      return values.cost_mode === "custom" ? "commission_rate" : "cost_preset";
    default:
      return null;
  }
}

/** The API's field errors split into those shown on a field and those shown above the form. */
export function splitFieldErrors(error: unknown, values: Pick<BacktestFormValues, "cost_mode"> & { portfolio?: boolean }) {
  const onFields: { field: string; message: string }[] = [];
  const general: string[] = [];
  if (!isApiError(error)) return { onFields, general };
  for (const fieldError of error.fieldErrors) {
    const field = formFieldFor(fieldError.field, values);
    if (field) onFields.push({ field, message: fieldError.message });
    else general.push(fieldError.field ? `${fieldError.field}: ${fieldError.message}` : fieldError.message);
  }
  return { onFields, general };
}

// ---------------------------------------------------------------------------------------------------
// Prefill: /backtests/new?strategy_id=…&symbol=AAPL&interval=1d&parameters={"fast":10}

export interface BacktestPrefill {
  /** Null for a run whose strategy was deleted since. */
  strategy_id?: string | null;
  symbol?: string;
  interval?: string;
  start_date?: string;
  end_date?: string;
  initial_capital?: number;
  parameters?: Record<string, number>;
  costs?: Record<string, number | string>;
  sizing?: { type: string; value: number };
  fill?: string;
  allow_short?: boolean;
  close_at_end?: boolean;
  risk_free_rate?: number;
  benchmark?: string;
  /** A portfolio's symbols (`symbols=A,B,C`), with the universe they came from. */
  symbols?: string[];
  universe_id?: string;
  /** As the API writes it: `monthly`, `drift:0.05`. */
  rebalance?: string;
  base_currency?: string;
  fx?: Record<string, string>;
  /** The account section's values (JSON), for a run reopened with its leverage, funding... */
  account?: Partial<AccountFormValues>;
  /** As the API names them: split_adjusted, raw or total_return. */
  price_adjustment?: string;
  /** cash or none. */
  dividends?: string;
  price_limits?: boolean;
}

/** The address of the new-backtest form prefilled with these values. */
export function newBacktestHref(prefill: BacktestPrefill): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(prefill)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) query.set(key, value.join(","));
    else query.set(key, typeof value === "object" ? JSON.stringify(value) : String(value));
  }
  const text = query.toString();
  return text ? `/backtests/new?${text}` : "/backtests/new";
}

function parseJsonObject(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The prefill in a query string; anything unreadable is ignored. `parameters` is JSON
 * (`{"fast":10}`) or a list (`fast:10,slow:30`).
 */
export function parsePrefill(query: URLSearchParams): BacktestPrefill {
  const prefill: BacktestPrefill = {};
  const text = (key: string) => query.get(key)?.trim() || undefined;
  const num = (key: string) => {
    const value = parseNumber(query.get(key));
    return value === null ? undefined : value;
  };
  const bool = (key: string) => (query.has(key) ? query.get(key) === "true" : undefined);
  prefill.strategy_id = text("strategy_id");
  prefill.symbol = text("symbol");
  const interval = text("interval");
  if (interval && (INTERVALS as readonly string[]).includes(interval)) prefill.interval = interval;
  const start = text("start_date");
  if (start && isDate(start)) prefill.start_date = start;
  const end = text("end_date");
  if (end && isDate(end)) prefill.end_date = end;
  prefill.initial_capital = num("initial_capital");
  const rawParameters = query.get("parameters");
  const parameters: Record<string, number> = {};
  const json = parseJsonObject(rawParameters);
  if (json) {
    for (const [name, value] of Object.entries(json)) if (typeof value === "number") parameters[name] = value;
  } else if (rawParameters) {
    for (const pair of rawParameters.split(",")) {
      const [name, value] = pair.split(/[:=]/);
      const parsed = parseNumber(value);
      if (name?.trim() && parsed !== null) parameters[name.trim()] = parsed;
    }
  }
  if (Object.keys(parameters).length > 0) prefill.parameters = parameters;
  const costs = parseJsonObject(query.get("costs"));
  if (costs) {
    prefill.costs = Object.fromEntries(Object.entries(costs).filter(([, v]) => typeof v === "number" || typeof v === "string")) as Record<
      string,
      number | string
    >;
  }
  const sizing = parseJsonObject(query.get("sizing"));
  if (sizing && typeof sizing.type === "string" && typeof sizing.value === "number") {
    prefill.sizing = { type: sizing.type, value: sizing.value };
  }
  const fill = text("fill");
  if (fill && (FILL_MODES as readonly string[]).includes(fill)) prefill.fill = fill;
  prefill.allow_short = bool("allow_short");
  prefill.close_at_end = bool("close_at_end");
  prefill.risk_free_rate = num("risk_free_rate");
  prefill.benchmark = text("benchmark");
  const symbols = (query.get("symbols") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .slice(0, MAX_PORTFOLIO_SYMBOLS);
  if (symbols.length > 0) prefill.symbols = symbols;
  prefill.universe_id = text("universe_id");
  prefill.rebalance = text("rebalance");
  prefill.base_currency = text("base_currency");
  const fx = parseJsonObject(query.get("fx"));
  if (fx) {
    prefill.fx = Object.fromEntries(Object.entries(fx).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  }
  const account = parseJsonObject(query.get("account"));
  if (account) prefill.account = accountPrefill(account);
  const adjustment = text("price_adjustment");
  if (isPriceAdjustment(adjustment)) prefill.price_adjustment = adjustment;
  const dividends = text("dividends");
  if (dividends === "cash" || dividends === "none") prefill.dividends = dividends;
  prefill.price_limits = bool("price_limits");
  return Object.fromEntries(Object.entries(prefill).filter(([, v]) => v !== undefined)) as BacktestPrefill;
}

/**
 * A prefill that names no costs takes the profile's default costs, as custom costs on their preset
 * (the form opens in its custom mode with every value filled); one that names costs (a rerun, a
 * link) keeps its own.
 */
export function withDefaultCosts(prefill: BacktestPrefill, defaults: SchemaDefaultCosts | null | undefined): BacktestPrefill {
  if (prefill.costs || !defaults) return prefill;
  const costs: Record<string, number | string> = { preset: `${defaults.preset ?? "none"}+custom` };
  for (const [key, value] of Object.entries(defaults)) if (key !== "preset" && typeof value === "number") costs[key] = value;
  return { ...prefill, costs };
}

const percentText = (fraction: unknown) => (typeof fraction === "number" ? String(+(fraction * 100).toPrecision(12)) : "0");
const amountText = (value: unknown) => (typeof value === "number" ? String(value) : "0");

/** Form values with a prefill applied over the defaults. */
export function applyPrefill(base: BacktestFormValues, prefill: BacktestPrefill): BacktestFormValues {
  const values = { ...base, parameters: { ...base.parameters } };
  if (prefill.strategy_id) values.strategy_id = prefill.strategy_id;
  if (prefill.symbol) values.symbol = prefill.symbol;
  if (prefill.interval) values.interval = prefill.interval;
  if (prefill.start_date) values.start_date = prefill.start_date;
  if (prefill.end_date) values.end_date = prefill.end_date;
  if (prefill.initial_capital !== undefined) values.initial_capital = String(prefill.initial_capital);
  for (const [name, value] of Object.entries(prefill.parameters ?? {})) values.parameters[name] = String(value);
  if (prefill.costs) {
    const preset = String(prefill.costs.preset ?? "none");
    const [name, custom] = preset.split("+");
    const known = (COST_PRESETS as readonly string[]).includes(name ?? "") ? (name as CostPreset) : "none";
    const explicit = Object.keys(prefill.costs).some((k) => k !== "preset" && k !== "tick_size");
    if (custom || (explicit && !prefill.costs.preset)) {
      values.cost_mode = "custom";
      values.cost_preset = known;
      values.commission_rate = percentText(prefill.costs.commission_rate);
      values.commission_fixed = amountText(prefill.costs.commission_fixed);
      values.commission_minimum = amountText(prefill.costs.commission_minimum);
      values.sell_tax_rate = percentText(prefill.costs.sell_tax_rate);
      values.slippage_rate = percentText(prefill.costs.slippage_rate);
      values.slippage_ticks = amountText(prefill.costs.slippage_ticks);
      const fee = Number(prefill.costs.per_share_fee ?? 0);
      if (fee > 0) {
        values.per_share_fee = String(fee);
        if (prefill.costs.per_share_fee_cap != null) values.per_share_fee_cap = String(prefill.costs.per_share_fee_cap);
        values.per_share_fee_sides = prefill.costs.per_share_fee_sides === "both" ? "both" : "sell";
      }
    } else {
      values.cost_mode = "preset";
      values.cost_preset = known;
    }
  }
  if (prefill.sizing && (SIZING_TYPES as readonly string[]).includes(prefill.sizing.type)) {
    values.sizing_type = prefill.sizing.type as SizingType;
    values.sizing_value = prefill.sizing.type === "fraction_of_equity" ? percentText(prefill.sizing.value) : String(prefill.sizing.value);
  }
  if (prefill.fill) values.fill = prefill.fill as FillMode;
  if (prefill.allow_short !== undefined) values.allow_short = prefill.allow_short;
  if (prefill.close_at_end !== undefined) values.close_at_end = prefill.close_at_end;
  if (prefill.risk_free_rate !== undefined) values.risk_free_rate = percentText(prefill.risk_free_rate);
  if (prefill.benchmark) values.benchmark = prefill.benchmark;
  if (prefill.symbols && prefill.symbols.length > 0) {
    values.portfolio = true;
    values.symbols = prefill.symbols;
    values.universe_id = prefill.universe_id ?? "";
  }
  if (prefill.rebalance) {
    const [schedule, band] = prefill.rebalance.split(":");
    if (schedule === "drift") {
      values.rebalance = "drift";
      values.drift_band = percentText(parseNumber(band ?? "") ?? 0.05);
    } else if ((REBALANCE_SCHEDULES as readonly string[]).includes(schedule ?? "")) {
      values.rebalance = schedule as RebalanceSchedule;
    }
  }
  if (prefill.base_currency) values.base_currency = prefill.base_currency;
  if (prefill.fx) values.fx = { ...prefill.fx };
  if (prefill.account) Object.assign(values, prefill.account);
  Object.assign(
    values,
    priceValuesFromRun({ price_adjustment: prefill.price_adjustment, dividends: prefill.dividends, price_limits: prefill.price_limits }),
  );
  return values;
}

/** The account values of a prefill's JSON that are of the right kind; anything else is ignored. */
function accountPrefill(json: Record<string, unknown>): Partial<AccountFormValues> {
  const account: Partial<AccountFormValues> = {};
  const texts = [
    "leverage",
    "maintenance_margin",
    "borrow_rate",
    "short_borrow_fee",
    "funding_rate",
    "funding_interval",
    "pyramiding",
  ] as const;
  for (const key of texts) {
    const value = json[key];
    if (typeof value === "string" && value.length <= 20) account[key] = value;
  }
  if (typeof json.funding === "string" && (FUNDING_MODES as readonly string[]).includes(json.funding)) {
    account.funding = json.funding as AccountFormValues["funding"];
  }
  if (json.close_at_end_price === "open" || json.close_at_end_price === "close") account.close_at_end_price = json.close_at_end_price;
  return account;
}

/** What reopening a run needs of it; a run from a list (no settings) reopens with the form's own defaults for those. */
export type RunToReopen = Pick<
  SchemaBacktestResponse,
  "strategy_id" | "symbol" | "interval" | "start_date" | "end_date" | "initial_capital" | "parameters"
> &
  Partial<Pick<SchemaBacktestResponse, "settings" | "benchmark" | "symbols" | "result">>;

/** The prefill that reopens a finished run in the form, to change something and run it again. */
export function prefillFromRun(run: RunToReopen): BacktestPrefill {
  const settings = run.settings;
  const costs: Record<string, number | string> = {};
  if (settings?.costs) {
    for (const [key, value] of Object.entries(settings.costs)) {
      if (key !== "tick_size" && (typeof value === "number" || typeof value === "string")) costs[key] = value;
    }
  }
  return {
    strategy_id: run.strategy_id,
    symbol: run.symbol,
    interval: run.interval,
    start_date: run.start_date,
    end_date: run.end_date,
    initial_capital: run.initial_capital,
    parameters: run.parameters,
    costs: Object.keys(costs).length > 0 ? costs : undefined,
    sizing: settings?.sizing?.type ? { type: settings.sizing.type, value: settings.sizing.value ?? 1 } : undefined,
    fill: settings?.fill,
    allow_short: settings?.allow_short,
    close_at_end: settings?.close_at_end,
    risk_free_rate: settings?.risk_free_rate,
    benchmark: run.benchmark ?? undefined,
    account: nonEmpty(accountValuesFromRun(settings?.account)),
    price_adjustment: settings?.prices?.price_adjustment,
    dividends: settings?.prices?.dividends,
    price_limits: settings?.prices?.price_limits,
    ...portfolioPrefill(run),
  };
}

const nonEmpty = <T extends object>(value: T): T | undefined => (Object.keys(value).length > 0 ? value : undefined);

/** A portfolio run's symbols and portfolio settings, to reopen it as a portfolio; nothing for a single-symbol run. */
function portfolioPrefill(run: RunToReopen): BacktestPrefill {
  const portfolio = run.result?.portfolio;
  const symbols = run.symbols ?? [];
  if (!portfolio && symbols.length <= 1) return {};
  return {
    symbol: undefined,
    symbols,
    rebalance: portfolio?.rebalance ?? undefined,
    base_currency: portfolio?.base_currency,
    fx: portfolio?.fx && Object.keys(portfolio.fx).length > 0 ? portfolio.fx : undefined,
  };
}
