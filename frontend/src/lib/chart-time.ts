/**
 * Times for lightweight-charts, which draws its axis in UTC: each bar time is shifted by its zone's
 * offset at that moment, so the axis reads in the symbol's own time zone (a KRX bar at 09:00 KST
 * shows 09:00, an AAPL daily bar shows its date).
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formats.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at that instant, in milliseconds (KST: +9 h). */
export function zoneOffsetMs(epochMs: number, zone: string): number {
  try {
    const parts = Object.fromEntries(
      format(zone)
        .formatToParts(new Date(epochMs))
        .map((p) => [p.type, p.value]),
    );
    const asUtc = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    return asUtc - Math.floor(epochMs / 1000) * 1000;
  } catch {
    return 0;
  }
}

/** Seconds for the chart: the wall-clock time in `zone` written as if it were UTC. */
export function chartTime(epochMs: number, zone: string): number {
  return Math.floor((epochMs + zoneOffsetMs(epochMs, zone)) / 1000);
}

/** The index of the last bar opening at or before `time` (bars sorted by time); -1 before the first. */
export function barIndexAt(barTimes: readonly number[], time: number): number {
  let lo = 0;
  let hi = barTimes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (barTimes[mid]! <= time) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

const INTERVAL_MS: Record<string, number> = {
  "1m": 60_000,
  "5m": 300_000,
  "15m": 900_000,
  "1h": 3_600_000,
  "4h": 14_400_000,
  "1d": 86_400_000,
  "1w": 604_800_000,
  // A month's nominal length, for sizes only: months are resampled by the calendar.
  "1M": 2_592_000_000,
};

export const intervalMs = (interval: string) => INTERVAL_MS[interval] ?? 86_400_000;

/** Bars a candle chart draws smoothly; more are aggregated into a coarser interval by the API. */
export const CANDLE_BUDGET = 3000;

/**
 * The interval to ask the API to resample a run's bars to, so that at most `budget` candles are
 * drawn; undefined when the stored interval already fits.
 */
export function resampleTarget(interval: string, barCount: number, budget = CANDLE_BUDGET): string | undefined {
  if (barCount <= budget) return undefined;
  const order = Object.keys(INTERVAL_MS);
  const from = order.indexOf(interval);
  if (from < 0) return undefined;
  // Weeks cross months, so weekly bars are never resampled to monthly ones.
  const candidates = order.slice(from + 1).filter((candidate) => !(interval === "1w" && candidate === "1M"));
  for (const candidate of candidates) {
    if ((barCount * intervalMs(interval)) / intervalMs(candidate) <= budget) return candidate;
  }
  return candidates[candidates.length - 1];
}
