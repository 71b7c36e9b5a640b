package com.tradingbacktest.engine.series;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * The bar intervals the product stores and the engine understands, with their wire codes. Codes are
 * case-sensitive: {@code 1m} is a minute, {@code 1M} a calendar month.
 */
public enum Interval {
  M1("1m", Duration.ofMinutes(1)),
  M5("5m", Duration.ofMinutes(5)),
  M15("15m", Duration.ofMinutes(15)),
  H1("1h", Duration.ofHours(1)),
  H4("4h", Duration.ofHours(4)),
  D1("1d", Duration.ofDays(1)),
  W1("1w", Duration.ofDays(7)),
  /**
   * A calendar month, labelled at local midnight of the 1st in the series' zone. Its {@link
   * #duration} is a nominal 30 days, for sizes and page lengths only: its bars start and end by the
   * calendar ({@link #end}).
   */
  MN1("1M", Duration.ofDays(30));

  private final String code;
  private final Duration duration;

  Interval(String code, Duration duration) {
    this.code = code;
    this.duration = duration;
  }

  /** The code used in the API and the database: {@code 1m 5m 15m 1h 4h 1d 1w 1M}. */
  public String code() {
    return code;
  }

  public Duration duration() {
    return duration;
  }

  public boolean isIntraday() {
    return duration.compareTo(Duration.ofDays(1)) < 0;
  }

  /**
   * True when bars of this interval can be built from bars of {@code finer} (or are them): a month
   * is made of days (and of anything that divides a day), never of weeks, which cross months.
   */
  public boolean isMultipleOf(Interval finer) {
    if (this == MN1) {
      return finer == MN1 || finer.isMultipleOfDayDivisor();
    }
    if (finer == MN1) {
      return false;
    }
    return duration.toMillis() % finer.duration.toMillis() == 0
        && duration.compareTo(finer.duration) >= 0;
  }

  private boolean isMultipleOfDayDivisor() {
    return Duration.ofDays(1).toMillis() % duration.toMillis() == 0;
  }

  /**
   * When a bar of this interval that opens at {@code open} ends (the next bar's open when none is
   * missing): a day, a week and a month by the calendar of {@code zone} (so across a daylight
   * saving change a day lasts 23 or 25 hours), anything shorter by its duration.
   */
  public long end(long open, ZoneId zone) {
    return switch (this) {
      case D1 -> Instant.ofEpochMilli(open).atZone(zone).plusDays(1).toInstant().toEpochMilli();
      case W1 -> Instant.ofEpochMilli(open).atZone(zone).plusWeeks(1).toInstant().toEpochMilli();
      case MN1 -> Instant.ofEpochMilli(open).atZone(zone).plusMonths(1).toInstant().toEpochMilli();
      default -> open + duration.toMillis();
    };
  }

  public static Interval fromCode(String code) {
    return Arrays.stream(values())
        .filter(i -> i.code.equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown interval '"
                        + code
                        + "': use one of 1m, 5m, 15m, 1h, 4h, 1d, 1w, 1M (1M is a month,"
                        + " 1m a minute)"));
  }

  @Override
  public String toString() {
    return code;
  }
}
