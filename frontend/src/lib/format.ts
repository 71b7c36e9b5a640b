/**
 * Every number, amount and date the user sees goes through here. Amounts are in the symbol's
 * currency (KRW without decimals), times in the symbol's time zone, words in the user's locale.
 * Dates in text and tables are written year-first (2024-03-15 09:30) in every language: unambiguous
 * for traders; the charts' time axes read in the locale's own way (chartDate, chartTickMark).
 * Negative numbers carry the hyphen-minus Intl writes in both languages ("-₩1,500", "-5.00%"); where
 * they are shown, `whitespace-nowrap` (or the `num` class) keeps the sign on the number's line.
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

/** Whether the words around numbers are Korean: then money in won counts in 만 and 억. */
const isKorean = (locale: string) => locale.toLowerCase().startsWith("ko");

/**
 * The locale short amounts are written in: 만/억 only for won in the Korean UI, else K/M/B (a dollar
 * amount reads "$25K" in Korean too, never "$2.5만").
 */
function compactLocale(currency: string, locale: string): string {
  return isKorean(locale) && currency !== "KRW" ? "en-US" : locale;
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
  const compact = options.compact
    ? ({ notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 2, useGrouping: true } as const)
    : null;
  const written = compact ? compactLocale(code, locale) : locale;
  if (code && isIsoCurrency(code)) {
    return numberFormat(written, {
      style: "currency",
      currency: code,
      currencyDisplay: "narrowSymbol",
      signDisplay,
      ...(compact ?? { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    }).format(value);
  }
  const number = numberFormat(written, {
    signDisplay,
    ...(compact ?? { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  }).format(value);
  return code ? `${number} ${code}` : number;
}

const KOREAN_UNITS: [number, string][] = [
  [1e12, "조"],
  [1e8, "억"],
  [1e4, "만"],
];

/** 123,456,789 → "1억 2,345만 6,789": whole won in Korean units, each part grouped. */
function koreanUnits(value: number, locale: string): string {
  let rest = Math.round(Math.abs(value));
  const words: string[] = [];
  for (const [size, unit] of KOREAN_UNITS) {
    const part = Math.floor(rest / size);
    if (part > 0) words.push(`${formatInteger(part, locale)}${unit}`);
    rest -= part * size;
  }
  if (rest > 0 || words.length === 0) words.push(formatInteger(rest, locale));
  return words.join(" ");
}

/**
 * An amount read back in words under a money input, so that a long row of digits can be checked at a
 * glance: "1,000만 원" (won in the Korean UI), "₩10M" (won in the English UI, short from a million),
 * "$10,000" and "$1.5M" (other currencies, cents only when there are some), "10,000 USDT".
 */
export function formatAmountReadBack(value: number | null | undefined, currency: string | null | undefined, locale: string): string {
  if (!isFiniteNumber(value)) return DASH;
  const code = (currency ?? "").toUpperCase();
  if (code === "KRW" && isKorean(locale)) {
    const words = koreanUnits(value, locale);
    const sign = Math.round(value) < 0 ? "-" : "";
    return /\d$/.test(words) ? `${sign}${words}원` : `${sign}${words} 원`;
  }
  if (Math.abs(value) >= 1e6) return formatMoney(value, code, locale, { compact: true });
  const digits = currencyDigits(code);
  const whole = Number.isInteger(value);
  const options = { minimumFractionDigits: whole ? 0 : digits, maximumFractionDigits: digits };
  if (code && isIsoCurrency(code)) {
    return numberFormat(locale, { style: "currency", currency: code, currencyDisplay: "narrowSymbol", ...options }).format(value);
  }
  const number = numberFormat(locale, options).format(value);
  return code ? `${number} ${code}` : number;
}

/**
 * Digits typed into a money box, grouped as they are read ("10000000.5" → "10,000,000.5"): only
 * digits and one decimal point are kept, the decimals as typed (a trailing "." stays while typing).
 */
export function groupDigits(text: string): string {
  const cleaned = text.replace(/[^\d.]/g, "");
  const dot = cleaned.indexOf(".");
  const whole = (dot < 0 ? cleaned : cleaned.slice(0, dot)).replace(/^0+(?=\d)/, "");
  const fraction = dot < 0 ? null : cleaned.slice(dot + 1).replace(/\./g, "");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === null ? grouped : `${grouped || "0"}.${fraction}`;
}

/** Decimals implied by a tick size: 0.01 → 2, 0.5 → 1, 1000 → 0. */
export function tickDigits(tickSize: number | null | undefined): number | null {
  if (!isFiniteNumber(tickSize) || tickSize <= 0) return null;
  const text = tickSize.toString();
  if (text.includes("e-")) return Number(text.split("e-")[1]);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * A quoted price: as many decimals as the tick size has, else as the currency has. In a currency
 * without minor units (KRW, JPY) a whole price has no decimals however fine the tick ("71,000",
 * never "71,000.00"); only a price off the whole won shows the tick's decimals ("0.35").
 */
export function formatPrice(
  value: number | null | undefined,
  currency: string | null | undefined,
  locale: string,
  tickSize?: number | null,
): string {
  if (!isFiniteNumber(value)) return DASH;
  const digits = tickDigits(tickSize) ?? currencyDigits(currency);
  const minimum = currencyDigits(currency) === 0 ? 0 : digits;
  return formatNumber(value, locale, { minimumFractionDigits: minimum, maximumFractionDigits: digits });
}

/** A fraction as a percentage: 0.1234 → 12.34%; signed shows +12.34% / -5.00%. */
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

const chartDates = new Map<string, Intl.DateTimeFormat>();
function chartDateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = chartDates.get(key);
  if (!format) {
    // Chart times are wall-clock times written as UTC (lib/chart-time.ts), so they are read in UTC.
    format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options });
    chartDates.set(key, format);
  }
  return format;
}

/**
 * A chart's crosshair date in the locale's own way: "2009. 4. 8." / "Apr 8, 2009", with the time for
 * intraday bars ("2009. 4. 8. 09:30" / "Apr 8, 2009, 09:30"). `seconds` is a chart time (lib/chart-time.ts).
 */
export function chartDate(seconds: number, locale: string, intraday: boolean): string {
  const day: Intl.DateTimeFormatOptions = { year: "numeric", month: isKorean(locale) ? "numeric" : "short", day: "numeric" };
  const time: Intl.DateTimeFormatOptions = intraday ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {};
  return chartDateFormat(locale, { ...day, ...time }).format(new Date(seconds * 1000));
}

/** What a tick mark on a chart's time axis marks: lightweight-charts' TickMarkType, by name. */
export type ChartTickKind = "year" | "month" | "day" | "time" | "seconds";

/**
 * A label on a chart's time axis, as short as its kind allows and in the locale's words: a year
 * ("2009" / "2009년"), a month ("Apr" / "4월"), a day ("Apr 8" / "4. 8."), a time ("09:30").
 */
export function chartTickMark(seconds: number, kind: ChartTickKind, locale: string): string {
  const date = new Date(seconds * 1000);
  const korean = isKorean(locale);
  switch (kind) {
    case "year":
      return chartDateFormat(locale, { year: "numeric" }).format(date);
    case "month":
      return chartDateFormat(locale, { month: korean ? "long" : "short" }).format(date);
    case "day":
      return chartDateFormat(locale, korean ? { month: "numeric", day: "numeric" } : { month: "short", day: "numeric" }).format(date);
    case "time":
      return chartDateFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
    case "seconds":
      return chartDateFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(date);
  }
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
