package com.tradingbacktest.engine.series;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Bar times as files write them, to epoch milliseconds: ISO dates, ISO date-times with or without an
 * offset (without one they are in {@code zone}), {@code yyyy-MM-dd HH:mm:ss}, {@code yyyy.MM.dd},
 * {@code yyyy/MM/dd}, {@code yyyyMMdd}, and epoch seconds, milliseconds or microseconds (told apart by
 * their number of digits). Used by the CLI's CSV reader and the app's importer alike.
 */
public final class TimeText {

  private TimeText() {}

  /**
   * @throws IllegalArgumentException or {@link java.time.format.DateTimeParseException} for text that is
   *     none of these
   */
  public static long parse(String text, ZoneId zone) {
    String s = text.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    if (s.chars().allMatch(Character::isDigit)) {
      if (s.length() == 8) { // yyyyMMdd
        return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
            Integer.parseInt(s.substring(6))).atStartOfDay(zone).toInstant().toEpochMilli();
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
    String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
    if (iso.length() == 10) {
      return LocalDate.parse(iso).atStartOfDay(zone).toInstant().toEpochMilli();
    }
    if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
      return OffsetDateTime.parse(iso.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant().toEpochMilli();
    }
    if (iso.length() == 16) {
      iso = iso + ":00";
    }
    return LocalDateTime.parse(iso).atZone(zone).toInstant().toEpochMilli();
  }
}
