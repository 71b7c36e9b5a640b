import type { SeriesMarker, UTCTimestamp } from "lightweight-charts";
import type { SchemaActionView } from "@/lib/api/schema";
import { chartTime } from "@/lib/chart-time";
import { formatSplitRatio } from "@/lib/prices";

const DAY_SECONDS = 86_400;

/** Midnight of a calendar date as chart time (the zone's wall clock read as UTC), in seconds. */
const dateChartTime = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000;

/**
 * The index of the bar an action's date falls in: the first bar of that day, or, when no bar opens
 * that day (a weekly candle, a day without trading), the bar before it that spans it; -1 outside the
 * bars. `localTimes` are the bars' opens as chart time (chartTime), sorted.
 */
export function actionBarIndex(localTimes: readonly number[], date: string): number {
  const midnight = dateChartTime(date);
  if (!Number.isFinite(midnight) || localTimes.length === 0) return -1;
  let lo = 0;
  let hi = localTimes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (localTimes[mid]! < midnight) lo = mid + 1;
    else hi = mid;
  }
  if (lo < localTimes.length && localTimes[lo]! < midnight + DAY_SECONDS) return lo;
  // No bar opens that day: the previous bar spans it, unless the date is before the first or after the last bar's span.
  if (lo === 0) return -1;
  const previous = lo - 1;
  const next = lo < localTimes.length ? localTimes[lo]! : localTimes[previous]! + 31 * DAY_SECONDS;
  return midnight < next ? previous : -1;
}

export interface ActionMarkerStyle {
  split: string;
  dividend: string;
  halt: string;
}

/**
 * Markers for a symbol's corporate actions on its candles: a split as "S 2:1" above the bar, a
 * dividend as "D" below it, a halt as "H" at its first day; each on the bar its date falls in. Sorted
 * by time as the chart requires. Colours may name theme variables ("--primary").
 */
export function actionMarkers(
  actions: readonly SchemaActionView[],
  barTimes: readonly number[],
  zone: string,
  colors: ActionMarkerStyle,
  labels: { split: (ratio: string) => string; dividend: string; halt: string },
): SeriesMarker<UTCTimestamp>[] {
  const local = barTimes.map((time) => chartTime(time, zone));
  const markers: SeriesMarker<UTCTimestamp>[] = [];
  for (const [i, action] of actions.entries()) {
    const index = actionBarIndex(local, action.date);
    if (index < 0) continue;
    const time = local[index]! as UTCTimestamp;
    if (action.type === "split") {
      markers.push({
        time,
        position: "aboveBar",
        shape: "circle",
        color: colors.split,
        text: labels.split(formatSplitRatio(action.ratio ?? 0)),
        id: `action-${i}`,
      });
    } else if (action.type === "dividend") {
      markers.push({ time, position: "belowBar", shape: "circle", color: colors.dividend, text: labels.dividend, id: `action-${i}` });
    } else {
      markers.push({ time, position: "aboveBar", shape: "square", color: colors.halt, text: labels.halt, id: `action-${i}` });
    }
  }
  return markers.sort((a, b) => a.time - b.time);
}

/**
 * How many of an interval's bars to show on a symbol's chart: daily and longer ones all (the API
 * resamples above the candle budget), shorter ones the most recent span so the chart stays light.
 */
export const RECENT_DAYS: Record<string, number> = { "1m": 7, "5m": 30, "15m": 60, "1h": 365, "4h": 730 };

/** The first day a symbol's chart asks for: its first bar's, or for intraday intervals a recent span before its last. */
export function chartStart(interval: string, firstBar: string, lastBar: string): string {
  const first = firstBar.slice(0, 10);
  const days = RECENT_DAYS[interval];
  if (!days) return first;
  const recent = new Date(Date.parse(lastBar) - days * DAY_SECONDS * 1000).toISOString().slice(0, 10);
  return recent > first ? recent : first;
}
