import type { SchemaBacktestRequest, SchemaSymbolView } from "@/lib/api/schema";
import { formatMoney } from "@/lib/format";

/**
 * Which prices a run or a chart reads (issue 19): the stored bars keep the prices they were stored in,
 * and each reader picks raw, split-adjusted or total-return prices; dividends are paid as cash into the
 * account on the ex-date unless the prices already hold them (total return). KRX price limits apply to
 * KRX symbols only. The run forms keep these as `PriceFormValues`; the API's names are
 * `price_adjustment`, `dividends` and `price_limits`.
 */

/** In the order the forms offer them; split-adjusted is the API's default. */
export const PRICE_ADJUSTMENTS = ["split_adjusted", "raw", "total_return"] as const;
export type PriceAdjustment = (typeof PRICE_ADJUSTMENTS)[number];
export const DEFAULT_ADJUSTMENT: PriceAdjustment = "split_adjusted";

/** The bases a series can be stored in (a file's prices are one or the other). */
export const PRICE_BASES = ["raw", "split_adjusted"] as const;
export type PriceBasis = (typeof PRICE_BASES)[number];

export const KRX_BOARDS = ["kospi", "kosdaq", "konex", "etf"] as const;
export type KrxBoard = (typeof KRX_BOARDS)[number];

export interface PriceFormValues {
  price_adjustment: PriceAdjustment;
  /** Dividends paid as cash on the ex-date; off (and not sent) with total-return prices, which hold them already. */
  dividends_cash: boolean;
  /** KRX daily price limits; only sent for KRX symbols. */
  price_limits: boolean;
}

export const emptyPriceValues = (): PriceFormValues => ({
  price_adjustment: DEFAULT_ADJUSTMENT,
  dividends_cash: true,
  price_limits: true,
});

export const isPriceAdjustment = (value: unknown): value is PriceAdjustment =>
  typeof value === "string" && (PRICE_ADJUSTMENTS as readonly string[]).includes(value);

/** Whether the dividends choice means anything: total-return prices already hold the dividends. */
export const dividendsApply = (adjustment: PriceAdjustment) => adjustment !== "total_return";

/** A KRX symbol: its market is KRX or it has a board. Price limits are offered only for these. */
export function isKrxSymbol(symbol: Pick<SchemaSymbolView, "market" | "board"> | null | undefined): boolean {
  if (!symbol) return false;
  return (symbol.market ?? "").toUpperCase() === "KRX" || (symbol.board ?? "") !== "";
}

/**
 * The request's price fields. Dividends are `none` with total-return prices (the API refuses `cash`
 * there); price limits are sent only for a KRX symbol (elsewhere the API ignores them with a note).
 */
export function toPriceRequest(
  values: PriceFormValues,
  krx: boolean,
): Pick<SchemaBacktestRequest, "price_adjustment" | "dividends" | "price_limits"> {
  return {
    price_adjustment: values.price_adjustment,
    dividends: dividendsApply(values.price_adjustment) && values.dividends_cash ? "cash" : "none",
    price_limits: krx ? values.price_limits : undefined,
  };
}

/**
 * The price values a finished run used (its `settings.prices`), to reopen it with them; nothing for
 * what it did not say (runs stored before issue 19 have no prices at all).
 */
export function priceValuesFromRun(
  settings: { price_adjustment?: string | null; dividends?: string | null; price_limits?: boolean | null } | null | undefined,
) {
  const values: Partial<PriceFormValues> = {};
  if (!settings) return values;
  if (isPriceAdjustment(settings.price_adjustment)) values.price_adjustment = settings.price_adjustment;
  if (settings.dividends === "cash" || settings.dividends === "none") values.dividends_cash = settings.dividends === "cash";
  if (typeof settings.price_limits === "boolean") values.price_limits = settings.price_limits;
  return values;
}

/** The notes a fill may carry (why it waited), as dictionary keys; null for a note this version does not know. */
export const FILL_NOTES = ["limit_locked", "halted"] as const;
export type FillNote = (typeof FILL_NOTES)[number];
export const isFillNote = (value: unknown): value is FillNote =>
  typeof value === "string" && (FILL_NOTES as readonly string[]).includes(value);

/** A split's ratio as people write it: 2 → "2:1", 50 → "50:1", a 1-for-10 reverse split 0.1 → "1:10". */
export function formatSplitRatio(ratio: number): string {
  if (!Number.isFinite(ratio) || ratio <= 0) return "—";
  const round = (value: number) => +value.toPrecision(6);
  return ratio >= 1 ? `${round(ratio)}:1` : `1:${round(1 / ratio)}`;
}

/**
 * A dividend total in the reader's terms: money in the currency, and for won amounts read in Korean
 * the 만/억 reading beside it (₩12,345,678 (₩1234.6만)), since long won figures are read that way.
 */
export function formatDividendAmount(value: number | null | undefined, currency: string | null | undefined, locale: string): string {
  const full = formatMoney(value, currency, locale);
  if (value == null || !Number.isFinite(value)) return full;
  if ((currency ?? "").toUpperCase() !== "KRW" || !locale.startsWith("ko") || Math.abs(value) < 10_000) return full;
  return `${full} (${formatMoney(value, currency, locale, { compact: true })})`;
}
