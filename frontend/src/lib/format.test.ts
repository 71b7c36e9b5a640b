import { describe, expect, it } from "vitest";
import {
  chartDate,
  chartTickMark,
  currencyDigits,
  formatAmountReadBack,
  formatBarTime,
  formatCompact,
  formatDate,
  formatDateTime,
  formatMoney,
  formatPercent,
  formatPrice,
  formatRelativeTime,
  groupDigits,
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

describe("short amounts on chart axes", () => {
  it("write dollars in K/M/B in either language, never with 만", () => {
    expect(formatMoney(25_000, "USD", "ko-KR", { compact: true })).toBe("$25K");
    expect(formatMoney(25_000, "USD", "en-US", { compact: true })).toBe("$25K");
    expect(formatMoney(2_500_000, "USD", "ko-KR", { compact: true })).toBe("$2.5M");
    expect(formatMoney(3_200_000_000, "USD", "en-US", { compact: true })).toBe("$3.2B");
    expect(formatMoney(25_000, "USDT", "ko-KR", { compact: true })).toBe("25K USDT");
  });

  it("write won in 만 and 억 in Korean, in K/M (still ₩) in English", () => {
    expect(formatMoney(12_000_000, "KRW", "ko-KR", { compact: true })).toBe("₩1,200만");
    expect(formatMoney(125_000_000, "KRW", "ko-KR", { compact: true })).toBe("₩1.25억");
    expect(formatMoney(12_000_000, "KRW", "en-US", { compact: true })).toBe("₩12M");
  });

  it("keep the sign, zero and tiny values", () => {
    expect(formatMoney(-7_500_000, "KRW", "ko-KR", { compact: true })).toBe("-₩750만");
    expect(formatMoney(-7_500_000, "USD", "en-US", { compact: true })).toBe("-$7.5M");
    expect(formatMoney(0, "USD", "ko-KR", { compact: true })).toBe("$0");
    expect(formatMoney(0.5, "USD", "en-US", { compact: true })).toBe("$0.5");
  });
});

describe("KRW prices", () => {
  it("show whole won without decimals even when the tick is given as 0.01", () => {
    expect(formatPrice(71_000, "KRW", "ko-KR", 0.01)).toBe("71,000");
    expect(formatPrice(71_000, "KRW", "en-US", 0.01)).toBe("71,000");
    expect(formatPrice(-1_500, "KRW", "ko-KR", 1)).toBe("-1,500");
    expect(formatPrice(0, "KRW", "ko-KR", 0.01)).toBe("0");
  });

  it("show a price off the whole won with the tick's decimals", () => {
    expect(formatPrice(0.35, "KRW", "ko-KR", 0.01)).toBe("0.35");
    expect(formatPrice(812.5, "KRW", "ko-KR", 0.1)).toBe("812.5");
  });

  it("leave cents to dollars and precision to crypto", () => {
    expect(formatPrice(189.9, "USD", "en-US", 0.01)).toBe("189.90");
    expect(formatPrice(0, "USD", "en-US", 0.01)).toBe("0.00");
    expect(formatPrice(0.00012, "BTC", "en-US", 1e-8)).toBe("0.00012000");
    expect(formatPrice(95_123_456.7, "KRW", "ko-KR")).toBe("95,123,457");
  });
});

describe("amounts read back under a money input", () => {
  it("count won in 만, 억 and 조 in Korean", () => {
    expect(formatAmountReadBack(10_000_000, "KRW", "ko-KR")).toBe("1,000만 원");
    expect(formatAmountReadBack(123_456_789, "KRW", "ko-KR")).toBe("1억 2,345만 6,789원");
    expect(formatAmountReadBack(1_000_500_000_000, "KRW", "ko-KR")).toBe("1조 5억 원");
    expect(formatAmountReadBack(5_000, "KRW", "ko-KR")).toBe("5,000원");
    expect(formatAmountReadBack(0, "KRW", "ko-KR")).toBe("0원");
    expect(formatAmountReadBack(-1_500_000, "KRW", "ko-KR")).toBe("-150만 원");
    expect(formatAmountReadBack(0.4, "KRW", "ko-KR")).toBe("0원");
  });

  it("shorten millions in English and other currencies, cents only when there are some", () => {
    expect(formatAmountReadBack(10_000_000, "KRW", "en-US")).toBe("₩10M");
    expect(formatAmountReadBack(500_000, "KRW", "en-US")).toBe("₩500,000");
    expect(formatAmountReadBack(10_000, "USD", "en-US")).toBe("$10,000");
    expect(formatAmountReadBack(10_000, "USD", "ko-KR")).toBe("$10,000");
    expect(formatAmountReadBack(1_234.5, "USD", "en-US")).toBe("$1,234.50");
    expect(formatAmountReadBack(1_500_000, "USD", "en-US")).toBe("$1.5M");
    expect(formatAmountReadBack(10_000, "USDT", "en-US")).toBe("10,000 USDT");
    expect(formatAmountReadBack(null, "USD", "en-US")).toBe("—");
  });
});

describe("digits grouped while typing", () => {
  it("groups the whole part and keeps the decimals as typed", () => {
    expect(groupDigits("10000000")).toBe("10,000,000");
    expect(groupDigits("1234.5")).toBe("1,234.5");
    expect(groupDigits("12.")).toBe("12.");
    expect(groupDigits("0.05")).toBe("0.05");
  });

  it("drops anything but digits and one decimal point, and leading zeros", () => {
    expect(groupDigits("1,234,5")).toBe("12,345");
    expect(groupDigits("1.2.3")).toBe("1.23");
    expect(groupDigits("0012")).toBe("12");
    expect(groupDigits("-5e3")).toBe("53");
    expect(groupDigits("abc")).toBe("");
    expect(groupDigits("")).toBe("");
  });
});

describe("chart dates", () => {
  const april8 = Date.UTC(2009, 3, 8, 9, 30) / 1000;

  it("read in the locale's own way on the crosshair, with the time for intraday bars", () => {
    expect(chartDate(april8, "ko-KR", false)).toBe("2009. 4. 8.");
    expect(chartDate(april8, "en-US", false)).toBe("Apr 8, 2009");
    expect(chartDate(april8, "ko-KR", true)).toBe("2009. 4. 8. 09:30");
    expect(chartDate(april8, "en-US", true)).toBe("Apr 8, 2009, 09:30");
  });

  it("label the time axis as briefly as each tick allows", () => {
    expect(chartTickMark(april8, "year", "ko-KR")).toBe("2009년");
    expect(chartTickMark(april8, "year", "en-US")).toBe("2009");
    expect(chartTickMark(april8, "month", "ko-KR")).toBe("4월");
    expect(chartTickMark(april8, "month", "en-US")).toBe("Apr");
    expect(chartTickMark(april8, "day", "ko-KR")).toBe("4. 8.");
    expect(chartTickMark(april8, "day", "en-US")).toBe("Apr 8");
    expect(chartTickMark(april8, "time", "ko-KR")).toBe("09:30");
    expect(chartTickMark(april8, "seconds", "en-US")).toBe("09:30:00");
  });
});
