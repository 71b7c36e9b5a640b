/**
 * Every number, amount and date the user sees goes through here. Amounts are in the symbol's
 * currency (KRW without decimals), times in the symbol's time zone, words in the user's locale.
 * Dates are written year-first (2024-03-15 09:30) in every language: unambiguous for traders.
 */

const DASH = "—";

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

const isFiniteNumber = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value);

/** Codes that are not ISO 4217 but that exchanges quote in. */
const CRYPTO_DIGITS: Record<string, number> = { USDT: 2, USDC: 2, BUSD: 2, FDUSD: 2, BTC: 8, ETH: 6 };

function isIsoCurrency(code: string): boolean {
  if (code in CRYPTO_DIGITS) return false;
  try {
    new Intl.NumberFormat("en", { style: "currency", currency: code });
    return /^[A-Z]{3}$/.test(code);
  } catch {
    return false;
  }
}

/** Decimal places money in this currency is shown with: KRW and JPY 0, USD 2, USDT 2, BTC 8. */
export function currencyDigits(currency: string | null | undefined): number {
  const code = (currency ?? "").toUpperCase();
  if (code in CRYPTO_DIGITS) return CRYPTO_DIGITS[code]!;
  if (!isIsoCurrency(code)) return 2;
  return numberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatNumber(
  value: number | null | undefined,
  locale: string,
  options: Intl.NumberFormatOptions = { maximumFractionDigits: 2 },
): string {
  return isFiniteNumber(value) ? numberFormat(locale, options).format(value) : DASH;
}

/** A number typed in a field ("1,000.5"), or null when it is not one (empty, "1e", "abc"). */
export function parseNumber(text: string | null | undefined): number | null {
  const trimmed = (text ?? "").trim().replace(/,/g, "");
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** 12,345 — a whole count with grouping. */
export function formatInteger(value: number | null | undefined, locale: string): string {
  return formatNumber(value, locale, { maximumFractionDigits: 0 });
}

/** 1.2M / 120만 — a count made short for cards and tight columns. */
export function formatCompact(value: number | null | undefined, locale: string): string {
  return formatNumber(value, locale, { notation: "compact", maximumFractionDigits: 1 });
}

/**
 * An amount of money in the symbol's currency: ₩1,234,568 (no decimals for KRW), $1,234.57,
 * 1,234.57 USDT for codes Intl does not know.
 */
export function formatMoney(
  value: number | null | undefined,
  currency: string | null | undefined,
  locale: string,
  options: { signed?: boolean; compact?: boolean } = {},
): string {
  if (!isFiniteNumber(value)) return DASH;
  const code = (currency ?? "").toUpperCase();
  const digits = currencyDigits(code);
  const signDisplay = options.signed ? "exceptZero" : "auto";
  const compact = options.compact ? ({ notation: "compact", maximumFractionDigits: 1 } as const) : null;
  if (code && isIsoCurrency(code)) {
    return numberFormat(locale, {
      style: "currency",
      currency: code,
      currencyDisplay: "narrowSymbol",
      signDisplay,
      ...(compact ?? { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    }).format(value);
  }
  const number = numberFormat(locale, {
    signDisplay,
    ...(compact ?? { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  }).format(value);
  return code ? `${number} ${code}` : number;
}

/** Decimals implied by a tick size: 0.01 → 2, 0.5 → 1, 1000 → 0. */
export function tickDigits(tickSize: number | null | undefined): number | null {
  if (!isFiniteNumber(tickSize) || tickSize <= 0) return null;
  const text = tickSize.toString();
  if (text.includes("e-")) return Number(text.split("e-")[1]);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** A quoted price: as many decimals as the tick size has, else as the currency has. */
export function formatPrice(
  value: number | null | undefined,
  currency: string | null | undefined,
  locale: string,
  tickSize?: number | null,
): string {
  if (!isFiniteNumber(value)) return DASH;
  const digits = tickDigits(tickSize) ?? currencyDigits(currency);
  return formatNumber(value, locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A fraction as a percentage: 0.1234 → 12.34%; signed shows +12.34% / −5.00%. */
export function formatPercent(
  fraction: number | null | undefined,
  locale: string,
  options: { digits?: number; signed?: boolean } = {},
): string {
  const digits = options.digits ?? 2;
  return formatNumber(fraction, locale, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: options.signed ? "exceptZero" : "auto",
  });
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function parts(date: Date, timeZone: string): Record<string, string> {
  const key = timeZone;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    dateFormats.set(key, format);
  }
  return Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
}

function toDate(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function safeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/** 2024-03-15 in the given zone (the symbol's, for bars). */
export function formatDate(value: string | number | Date | null | undefined, timeZone?: string | null): string {
  const date = toDate(value);
  if (!date) return DASH;
  const p = parts(date, safeZone(timeZone));
  return `${p.year}-${p.month}-${p.day}`;
}

/** 2024-03-15 09:30 (or with seconds) in the given zone. */
export function formatDateTime(
  value: string | number | Date | null | undefined,
  timeZone?: string | null,
  options: { seconds?: boolean } = {},
): string {
  const date = toDate(value);
  if (!date) return DASH;
  const p = parts(date, safeZone(timeZone));
  const time = options.seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

const DAILY_OR_LONGER = new Set(["1d", "1w", "1M"]);

/** A bar time: the date alone for daily and longer bars, date and time for intraday bars. */
export function formatBarTime(
  value: string | number | Date | null | undefined,
  interval: string | null | undefined,
  timeZone?: string | null,
): string {
  return interval && DAILY_OR_LONGER.has(interval) ? formatDate(value, timeZone) : formatDateTime(value, timeZone);
}

/** Names Intl writes as "GMT+9" but traders know by their letters. */
const ZONE_NAMES: Record<string, string> = { "Asia/Seoul": "KST", "Asia/Tokyo": "JST", "Asia/Hong_Kong": "HKT" };

/** The zone's short name at that moment: KST, UTC, EST/EDT. */
export function timeZoneAbbreviation(timeZone: string | null | undefined, locale: string, at: Date = new Date()): string {
  const zone = safeZone(timeZone);
  if (zone in ZONE_NAMES) return ZONE_NAMES[zone]!;
  const name = new Intl.DateTimeFormat(locale.startsWith("ko") ? "en-US" : locale, {
    timeZone: zone,
    timeZoneName: "short",
  })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  return name ?? zone;
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/** "3 minutes ago" / "3분 전". */
export function formatRelativeTime(value: string | number | Date | null | undefined, locale: string, now: Date = new Date()): string {
  const date = toDate(value);
  if (!date) return DASH;
  const seconds = (date.getTime() - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size || unit === "second") {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return DASH;
}

/** Bytes as 1.5 MB. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, locale, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

/** The browser's own zone, for times that belong to no symbol (when a strategy was saved). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
