import { describe, expect, it } from "vitest";
import {
  currencyDigits,
  formatBarTime,
  formatCompact,
  formatDate,
  formatDateTime,
  formatMoney,
  formatPercent,
  formatPrice,
  formatRelativeTime,
  tickDigits,
  timeZoneAbbreviation,
} from "./format";

describe("money", () => {
  it("shows KRW without decimals", () => {
    expect(formatMoney(1234567.89, "KRW", "ko-KR")).toBe("₩1,234,568");
    expect(formatMoney(1234567.89, "KRW", "en-US")).toBe("₩1,234,568");
  });

  it("shows USD with cents", () => {
    expect(formatMoney(1234.5, "USD", "en-US")).toBe("$1,234.50");
  });

  it("writes codes Intl does not know after the number", () => {
    expect(formatMoney(1234.5, "USDT", "en-US")).toBe("1,234.50 USDT");
    expect(formatMoney(0.5, "BTC", "en-US")).toBe("0.50000000 BTC");
  });

  it("signs gains and losses on request", () => {
    expect(formatMoney(1500, "KRW", "ko-KR", { signed: true })).toBe("+₩1,500");
    expect(formatMoney(-20.25, "USD", "en-US", { signed: true })).toBe("-$20.25");
  });

  it("shows a dash for missing or non-finite values", () => {
    expect(formatMoney(null, "KRW", "ko-KR")).toBe("—");
    expect(formatMoney(Number.NaN, "USD", "en-US")).toBe("—");
  });

  it("knows each currency's decimals", () => {
    expect(currencyDigits("KRW")).toBe(0);
    expect(currencyDigits("JPY")).toBe(0);
    expect(currencyDigits("USD")).toBe(2);
    expect(currencyDigits(undefined)).toBe(2);
  });
});

describe("prices", () => {
  it("take their decimals from the tick size", () => {
    expect(tickDigits(0.01)).toBe(2);
    expect(tickDigits(0.5)).toBe(1);
    expect(tickDigits(1000)).toBe(0);
    expect(tickDigits(1e-8)).toBe(8);
    expect(formatPrice(71234.5, "KRW", "ko-KR", 1)).toBe("71,235");
    expect(formatPrice(189.987, "USD", "en-US", 0.01)).toBe("189.99");
  });

  it("fall back to the currency's decimals", () => {
    expect(formatPrice(95123456.7, "KRW", "ko-KR")).toBe("95,123,457");
    expect(formatPrice(10.5, "USD", "en-US")).toBe("10.50");
  });
});

describe("numbers", () => {
  it("formats fractions as percentages", () => {
    expect(formatPercent(0.1234, "en-US")).toBe("12.34%");
    expect(formatPercent(-0.05, "ko-KR", { signed: true })).toBe("-5.00%");
    expect(formatPercent(0.1, "en-US", { signed: true, digits: 1 })).toBe("+10.0%");
  });

  it("shortens large counts in the user's language", () => {
    expect(formatCompact(1_234_567, "en-US")).toBe("1.2M");
    expect(formatCompact(1_234_567, "ko-KR")).toBe("123.5만");
  });
});

describe("dates", () => {
  const instant = "2024-03-15T00:30:00Z";

  it("are shown in the symbol's time zone", () => {
    expect(formatDateTime(instant, "Asia/Seoul")).toBe("2024-03-15 09:30");
    expect(formatDateTime(instant, "America/New_York")).toBe("2024-03-14 20:30");
    expect(formatDateTime(instant, "UTC", { seconds: true })).toBe("2024-03-15 00:30:00");
  });

  it("give the date of the zone, not of the browser", () => {
    expect(formatDate("2024-03-14T15:00:00Z", "Asia/Seoul")).toBe("2024-03-15");
    expect(formatDate("2024-03-14T15:00:00Z", "UTC")).toBe("2024-03-14");
  });

  it("drop the time for daily bars", () => {
    expect(formatBarTime(instant, "1d", "Asia/Seoul")).toBe("2024-03-15");
    expect(formatBarTime(instant, "1m", "Asia/Seoul")).toBe("2024-03-15 09:30");
  });

  it("fall back to UTC for an unknown zone and a dash for no date", () => {
    expect(formatDateTime(instant, "Mars/Olympus")).toBe("2024-03-15 00:30");
    expect(formatDate(null, "UTC")).toBe("—");
    expect(formatDate("not a date", "UTC")).toBe("—");
  });

  it("name the zone", () => {
    expect(timeZoneAbbreviation("UTC", "en-US")).toBe("UTC");
    expect(timeZoneAbbreviation("Asia/Seoul", "ko-KR")).toBe("KST");
    expect(timeZoneAbbreviation("America/New_York", "en-US", new Date("2024-01-15T12:00:00Z"))).toBe("EST");
  });

  it("say how long ago in the user's language", () => {
    const now = new Date("2024-03-15T12:00:00Z");
    expect(formatRelativeTime("2024-03-15T11:57:00Z", "en-US", now)).toBe("3 minutes ago");
    expect(formatRelativeTime("2024-03-15T11:57:00Z", "ko-KR", now)).toBe("3분 전");
    expect(formatRelativeTime("2024-03-14T12:00:00Z", "en-US", now)).toBe("yesterday");
  });
});
