package com.tradingbacktest.engine.series;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * Bar times as files write them, to epoch milliseconds: ISO dates, ISO date-times with or without
 * an offset (without one they are in {@code zone}), {@code yyyy-MM-dd HH:mm:ss}, {@code
 * yyyy.MM.dd}, {@code yyyy/MM/dd}, {@code yyyyMMdd}, and epoch seconds, milliseconds or
 * microseconds (told apart by their number of digits). Used by the CLI's CSV reader and the app's
 * importer alike.
 */
public final class TimeText {

  private static final Pattern OFFSET = Pattern.compile("[+-]\\d\\d:?\\d\\d$");
  private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d\\d)(\\d\\d)$");

  private TimeText() {}

  /**
   * The layouts of nearly every file, without java.time's general parser: {@code yyyy-MM-dd} and
   * {@code yyyy-MM-dd[T ]HH:mm[:ss]}, optionally ending in {@code Z}. Long.MIN_VALUE for anything
   * else (including impossible dates), which the general path then reads or refuses.
   */
  private static long isoFast(String s, ZoneId zone) {
    int n = s.length();
    boolean utc = n > 0 && s.charAt(n - 1) == 'Z';
    int len = utc ? n - 1 : n;
    if ((len != 10 && len != 16 && len != 19) || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return Long.MIN_VALUE;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (len > 10) {
      char t = s.charAt(10);
      if ((t != 'T' && t != ' ') || s.charAt(13) != ':' || (len == 19 && s.charAt(16) != ':')) {
        return Long.MIN_VALUE;
      }
      hour = digits(s, 11, 2);
      minute = digits(s, 14, 2);
      second = len == 19 ? digits(s, 17, 2) : 0;
    }
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || (day > 28 && day > YearMonth.of(year, month).lengthOfMonth())
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || (utc && len == 10)) {
      return Long.MIN_VALUE;
    }
    LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
    // Same instant as atZone / atStartOfDay: in a gap or an overlap, the offset before the
    // transition.
    ZoneOffset offset = utc ? ZoneOffset.UTC : zone.getRules().getOffset(local);
    return local.toEpochSecond(offset) * 1000;
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The number in s[from, from + count), or -1 if a character is not a digit. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }

  /**
   * Parses one time cell in any of the forms above, in {@code zone} when the text names none.
   *
   * @throws IllegalArgumentException or {@link java.time.format.DateTimeParseException} for text
   *     that is none of these
   */
  public static long parse(String text, ZoneId zone) {
    String s = text.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    long fast = isoFast(s, zone);
    if (fast != Long.MIN_VALUE) {
      return fast;
    }
    if (allDigits(s)) {
      if (s.length() == 8) { // yyyyMMdd
        return LocalDate.of(
                Integer.parseInt(s.substring(0, 4)),
                Integer.parseInt(s.substring(4, 6)),
                Integer.parseInt(s.substring(6)))
            .atStartOfDay(zone)
            .toInstant()
            .toEpochMilli();
      }
      long n = Long.parseLong(s);
      if (s.length() >= 15) {
        return n / 1000; // microseconds (Binance spot files since 2025)
      }
      return s.length() >= 12 ? n : n * 1000; // milliseconds, else seconds
    }
    if (s.length() == 10 && (s.charAt(4) == '.' || s.charAt(4) == '/')) {
      s = s.replace('.', '-').replace('/', '-');
    }
    String iso =
        s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
    if (iso.length() == 10) {
      return LocalDate.parse(iso).atStartOfDay(zone).toInstant().toEpochMilli();
    }
    if (iso.endsWith("Z") || OFFSET.matcher(iso).find()) {
      return OffsetDateTime.parse(COMPACT_OFFSET.matcher(iso).replaceFirst("$1:$2"))
          .toInstant()
          .toEpochMilli();
    }
    if (iso.length() == 16) {
      iso = iso + ":00";
    }
    return LocalDateTime.parse(iso).atZone(zone).toInstant().toEpochMilli();
  }
}
