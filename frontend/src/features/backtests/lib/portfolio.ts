import type { SchemaHoldingsResponse, SchemaSymbolSummary } from "@/lib/api/schema";

/**
 * The pure parts of a portfolio run's result page: the holdings endpoint's batches merged onto one
 * time axis, weights reduced to the largest symbols plus "others" for the stacked allocation chart,
 * and each symbol's contribution with its share.
 */

/** The holdings endpoint reads at most this many symbols at once. */
export const HOLDINGS_BATCH = 20;

/** The band of the allocation chart that sums every symbol beyond the top ones. */
export const OTHERS = "__others__";

export interface WeightColumns {
  /** Epoch ms, ascending. */
  time: number[];
  symbols: { symbol: string; weight: number[] }[];
}

/** The run's symbols in batches the holdings endpoint accepts, in the run's order. */
export function holdingsBatches(symbols: readonly string[], size = HOLDINGS_BATCH): string[][] {
  const batches: string[][] = [];
  for (let i = 0; i < symbols.length; i += size) batches.push(symbols.slice(i, i + size));
  return batches;
}

/** The index of the last time at or before `t` in ascending `times`, or -1 when `t` precedes them all. */
function lastAtOrBefore(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Batches of the holdings endpoint on one time axis, the first batch's. Each batch is downsampled on
 * its own (its kept times depend on its symbols), so a later batch's weight at a time is its last
 * kept weight at or before it: a weight holds between rebalances, so this is what the chart would
 * show anyway. A missing weight (null, or before a batch's first time) counts as 0: not held.
 */
export function mergeHoldings(batches: readonly SchemaHoldingsResponse[]): WeightColumns {
  const first = batches[0];
  const time = (first?.time ?? []).slice();
  const symbols: WeightColumns["symbols"] = [];
  for (const batch of batches) {
    const own = batch.time ?? [];
    const same = own.length === time.length && own.every((t, i) => t === time[i]);
    const index = same ? null : time.map((t) => lastAtOrBefore(own, t));
    for (const s of batch.symbols ?? []) {
      const weights = s.weight ?? [];
      symbols.push({
        symbol: s.symbol ?? "",
        weight: time.map((_, i) => {
          const at = index ? index[i]! : i;
          return at < 0 ? 0 : (weights[at] ?? 0);
        }),
      });
    }
  }
  return { time, symbols };
}

export interface AllocationBand {
  /** A symbol, or {@link OTHERS}. */
  key: string;
  values: number[];
}

/**
 * The bands of the stacked allocation chart: the `top` symbols with the largest mean weight (in that
 * order), then one band summing all the others when there are more. What the bands leave below 1 is
 * cash.
 */
export function allocationBands(columns: WeightColumns, top: number): AllocationBand[] {
  const n = columns.time.length;
  const ranked = columns.symbols
    .map((s, order) => ({ s, order, mean: n === 0 ? 0 : s.weight.reduce((sum, w) => sum + Math.abs(w), 0) / n }))
    .sort((a, b) => b.mean - a.mean || a.order - b.order);
  const kept = ranked.slice(0, top).map(({ s }) => ({ key: s.symbol, values: s.weight.slice() }));
  const rest = ranked.slice(top);
  if (rest.length > 0) {
    const values = new Array<number>(n).fill(0);
    for (const { s } of rest) s.weight.forEach((w, i) => (values[i]! += w));
    kept.push({ key: OTHERS, values });
  }
  return kept;
}

/** Rows for a chart library: one per time, a field per band (and `time`). */
export function allocationRows(time: readonly number[], bands: readonly AllocationBand[]): Record<string, number>[] {
  return time.map((t, i) => {
    const row: Record<string, number> = { time: t };
    for (const band of bands) row[band.key] = band.values[i] ?? 0;
    return row;
  });
}

export interface ContributionRow {
  symbol: string;
  currency: string;
  /** Profit or loss in the base currency, costs included. */
  contribution: number;
  /**
   * The contribution over the sum of every symbol's absolute contribution: signed, between -1 and 1,
   * and defined even when gains and losses cancel out; null when no symbol contributed anything.
   */
  share: number | null;
  finalWeight: number | null;
}

/** Every symbol's contribution, largest first (losses last), with its share. */
export function contributionRows(symbols: readonly SchemaSymbolSummary[]): ContributionRow[] {
  const gross = symbols.reduce((sum, s) => sum + Math.abs(s.contribution ?? 0), 0);
  return symbols
    .map((s) => ({
      symbol: s.symbol ?? "",
      currency: s.currency ?? "",
      contribution: s.contribution ?? 0,
      share: gross > 0 ? (s.contribution ?? 0) / gross : null,
      finalWeight: s.final_weight ?? null,
    }))
    .sort((a, b) => b.contribution - a.contribution || a.symbol.localeCompare(b.symbol));
}
