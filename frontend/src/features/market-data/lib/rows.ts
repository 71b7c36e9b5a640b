import type { SchemaSymbolView } from "@/lib/api/schema";
import { compareIntervals } from "@/lib/intervals";

/** One line of the data table: a symbol with one of its stored intervals (or none yet). */
export interface SymbolRow {
  key: string;
  symbol: string;
  /** own: the user's upload of the symbol; shared: the series everyone reads */
  dataset: string;
  name: string;
  /** The Korean name, when known. */
  nameKo: string | null;
  /** The KRX board, null for other symbols. */
  board: string | null;
  market: string;
  currency: string;
  timeZone: string;
  assetClass: string;
  interval: string | null;
  firstBar: string | null;
  lastBar: string | null;
  barCount: number;
}

export function toRows(symbols: SchemaSymbolView[]): SymbolRow[] {
  return symbols.flatMap((s): SymbolRow[] => {
    const base = {
      symbol: s.symbol ?? "",
      dataset: s.dataset ?? "shared",
      name: s.name ?? "",
      nameKo: s.name_ko ?? null,
      board: s.board ?? null,
      market: s.market ?? "",
      currency: s.currency ?? "",
      timeZone: s.time_zone ?? "UTC",
      assetClass: s.asset_class ?? "",
    };
    const intervals = [...(s.intervals ?? [])].sort((a, b) => compareIntervals(a.interval, b.interval));
    if (intervals.length === 0) {
      return [{ ...base, key: `${base.symbol}|${base.dataset}|`, interval: null, firstBar: null, lastBar: null, barCount: 0 }];
    }
    return intervals.map((i) => ({
      ...base,
      key: `${base.symbol}|${base.dataset}|${i.interval}`,
      interval: i.interval ?? null,
      firstBar: i.first_bar ?? null,
      lastBar: i.last_bar ?? null,
      barCount: i.bar_count ?? 0,
    }));
  });
}

export function totals(symbols: SchemaSymbolView[]) {
  let bars = 0;
  let series = 0;
  for (const s of symbols) {
    for (const i of s.intervals ?? []) {
      bars += i.bar_count ?? 0;
      series += 1;
    }
  }
  return { symbols: symbols.length, series, bars };
}
