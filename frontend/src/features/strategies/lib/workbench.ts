import type { SeriesMarker, UTCTimestamp } from "lightweight-charts";
import type { SchemaStrategyParameter, SchemaSymbolView } from "@/lib/api/schema";
import { barIndexAt, chartTime } from "@/lib/chart-time";
import { availableRange, preferredInterval, symbolIntervals } from "@/lib/intervals";
import { FILL_NOTES, type FillNote } from "@/lib/prices";
import type { PreviewFill, PreviewRequest } from "../api/preview-backtest";

/** What the workbench runs on, as its inputs hold it (the capital as typed). */
export interface WorkbenchSetup {
  symbol: string;
  interval: string;
  start_date: string;
  end_date: string;
  initial_capital: string;
}

/** The span a workbench starts with: the last ten years of bars, or all there are. */
export const DEFAULT_YEARS = 10;

/** Most points of each plot and of the equity curve a preview answers with (the candle budget or so). */
export const PREVIEW_POINTS = 2000;

/** The last `years` of a stored range (ISO days): its end, and its start moved no earlier than that. */
export function recentRange(range: { first: string; last: string }, years = DEFAULT_YEARS): { first: string; last: string } {
  const end = new Date(`${range.last}T00:00:00Z`);
  end.setUTCFullYear(end.getUTCFullYear() - years);
  const from = end.toISOString().slice(0, 10);
  return { first: from > range.first ? from : range.first, last: range.last };
}

const capitalFor = (symbol: SchemaSymbolView) => (symbol.currency === "KRW" ? "10000000" : "10000");

/** The setup for a symbol: its preferred interval (daily when stored) over its last ten years. */
export function setupFor(symbol: SchemaSymbolView): WorkbenchSetup | null {
  const interval = preferredInterval(symbol);
  const range = availableRange(symbol, interval);
  if (!symbol.symbol || !range) return null;
  const recent = recentRange(range);
  return { symbol: symbol.symbol, interval, start_date: recent.first, end_date: recent.last, initial_capital: capitalFor(symbol) };
}

/** The first setup of a workbench: AAPL when stored (every installation has its sample), else the first symbol with bars. */
export function defaultSetup(symbols: readonly SchemaSymbolView[]): WorkbenchSetup | null {
  const withBars = symbols.filter((s) => symbolIntervals(s).length > 0);
  const preferred = withBars.find((s) => s.symbol === "AAPL") ?? withBars[0];
  return preferred ? setupFor(preferred) : null;
}

const isInteger = (value: number | null | undefined) => value == null || Number.isInteger(value);

/** How far one slider step moves: the declared step, else 1 for whole-number ranges, else a hundredth of the range. */
export function sliderStep(p: SchemaStrategyParameter): number {
  if (p.step != null && p.step > 0) return p.step;
  if (p.min == null || p.max == null) return 1;
  if (isInteger(p.min) && isInteger(p.max) && isInteger(p.default)) return 1;
  return (p.max - p.min) / 100;
}

/** Whether a parameter gets a slider: it declares a range (`param x = 1 in a..b`). */
export const hasRange = (p: SchemaStrategyParameter) => p.min != null && p.max != null && p.max > p.min;

/**
 * The values the workbench runs with: each declared parameter's chosen value when one was chosen,
 * else its default. Values for parameters the code no longer declares are dropped.
 */
export function parameterValues(declared: readonly SchemaStrategyParameter[], chosen: Readonly<Record<string, number>>) {
  const values: Record<string, number> = {};
  for (const p of declared) {
    if (!p.name) continue;
    const value = chosen[p.name] ?? p.default;
    if (value != null && Number.isFinite(value)) values[p.name] = value;
  }
  return values;
}

/** The preview of a setup, or null while the setup is incomplete (no symbol yet, dates out of order, no capital). */
export function previewRequest(
  code: string,
  setup: WorkbenchSetup,
  parameters: Record<string, number>,
  points = PREVIEW_POINTS,
): PreviewRequest | null {
  const capital = Number(setup.initial_capital);
  if (!code.trim() || !setup.symbol || !setup.interval || !setup.start_date || !setup.end_date) return null;
  if (setup.start_date > setup.end_date || !Number.isFinite(capital) || capital <= 0) return null;
  return {
    code,
    symbol: setup.symbol,
    interval: setup.interval as PreviewRequest["interval"],
    start_date: setup.start_date,
    end_date: setup.end_date,
    initial_capital: capital,
    parameters,
    points,
  };
}

/**
 * A marker per fill on the candle that contains it (the candles may be resampled): buys under the bar
 * pointing up, sells over it pointing down; without words when there are many. A fill that waited
 * (its `note`: limit_locked, halted) says why beside its word, when `labels.notes` names the note.
 */
const withNote = (word: string, note: string | undefined) => (note ? `${word} · ${note}` : word);

/** How many of the fills waited, per reason (limit_locked, halted), in that order; none for fills that all filled at once. */
export function fillNoteCounts(fills: readonly PreviewFill[]): { note: FillNote; count: number }[] {
  return FILL_NOTES.map((note) => ({ note, count: fills.filter((f) => f.note === note).length })).filter((c) => c.count > 0);
}

export function fillMarkers(
  fills: readonly PreviewFill[],
  candleTimes: readonly number[],
  zone: string,
  colors: { buy: string; sell: string },
  labels: { buy: string; sell: string; notes?: Readonly<Record<string, string>> },
  labelledUpTo = 40,
): SeriesMarker<UTCTimestamp>[] {
  const labelled = fills.length <= labelledUpTo;
  const markers: SeriesMarker<UTCTimestamp>[] = [];
  for (const fill of fills) {
    const index = barIndexAt(candleTimes, Date.parse(fill.timestamp));
    if (index < 0) continue;
    const buy = fill.type === "buy";
    markers.push({
      time: chartTime(candleTimes[index]!, zone) as UTCTimestamp,
      position: buy ? "belowBar" : "aboveBar",
      shape: buy ? "arrowUp" : "arrowDown",
      color: buy ? colors.buy : colors.sell,
      text: labelled ? withNote(buy ? labels.buy : labels.sell, fill.note ? labels.notes?.[fill.note] : undefined) : undefined,
      size: labelled ? 1 : 0.5,
    });
  }
  return markers.sort((a, b) => a.time - b.time);
}
