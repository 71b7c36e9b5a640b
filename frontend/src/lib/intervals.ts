import type { SchemaSymbolView } from "@/lib/api/schema";
import { formatDate } from "@/lib/format";
import { isTranslationKey, type Translate } from "@/lib/i18n";

/** The bar intervals the API stores, shortest first. Codes are case-sensitive: 1m is a minute, 1M a month. */
export const INTERVALS = ["1m", "5m", "15m", "1h", "4h", "1d", "1w", "1M"] as const;
export type Interval = (typeof INTERVALS)[number];

const ORDER: readonly string[] = INTERVALS;

/** Sorts intervals shortest first (one the list does not know sorts before all). */
export function compareIntervals(a: string | null | undefined, b: string | null | undefined): number {
  return ORDER.indexOf(a ?? "") - ORDER.indexOf(b ?? "");
}

/** An interval as words in the user's language ("1 day"), or as its code when the dictionary has none. */
export function intervalLabel(interval: string | null | undefined, t: Translate): string {
  const key = `intervals.${interval}`;
  return isTranslationKey(key) ? t(key) : (interval ?? "");
}

/** A symbol's intervals that hold bars, shortest first. */
export function symbolIntervals(symbol: SchemaSymbolView | undefined) {
  return [...(symbol?.intervals ?? [])]
    .filter((i) => (i.bar_count ?? 0) > 0 && i.interval)
    .sort((a, b) => compareIntervals(a.interval, b.interval));
}

/** The interval a new run on this symbol starts with: daily when stored, else the longest stored. */
export function preferredInterval(symbol: SchemaSymbolView | undefined): string {
  const intervals = symbolIntervals(symbol);
  return intervals.find((i) => i.interval === "1d")?.interval ?? intervals[intervals.length - 1]?.interval ?? "";
}

/** The stored range of one interval as days in the symbol's zone (what a run's start_date and end_date mean). */
export function availableRange(symbol: SchemaSymbolView | undefined, interval: string) {
  const stored = symbol?.intervals?.find((i) => i.interval === interval);
  if (!stored?.first_bar || !stored.last_bar) return null;
  const zone = symbol?.time_zone ?? "UTC";
  return { first: formatDate(stored.first_bar, zone), last: formatDate(stored.last_bar, zone), bars: stored.bar_count ?? 0 };
}

/** A symbol's intervals with bars as the choices of a select: the code as the value, the words as the label. */
export function intervalOptions(symbol: SchemaSymbolView | undefined, t: Translate) {
  return symbolIntervals(symbol).map((i) => ({ value: i.interval!, label: intervalLabel(i.interval, t) }));
}
