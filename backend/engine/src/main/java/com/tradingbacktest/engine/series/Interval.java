package com.tradingbacktest.engine.series;

import java.time.Duration;
import java.util.Arrays;

/** The bar intervals the product stores and the engine understands, with their wire codes. */
public enum Interval {
  M1("1m", Duration.ofMinutes(1)),
  M5("5m", Duration.ofMinutes(5)),
  M15("15m", Duration.ofMinutes(15)),
  H1("1h", Duration.ofHours(1)),
  H4("4h", Duration.ofHours(4)),
  D1("1d", Duration.ofDays(1)),
  W1("1w", Duration.ofDays(7));

  private final String code;
  private final Duration duration;

  Interval(String code, Duration duration) {
    this.code = code;
    this.duration = duration;
  }

  /** The code used in the API and the database: {@code 1m 5m 15m 1h 4h 1d 1w}. */
  public String code() {
    return code;
  }

  public Duration duration() {
    return duration;
  }

  public boolean isIntraday() {
    return duration.compareTo(Duration.ofDays(1)) < 0;
  }

  /** True when bars of this interval can be built from bars of {@code finer}. */
  public boolean isMultipleOf(Interval finer) {
    return duration.toMillis() % finer.duration.toMillis() == 0
        && duration.compareTo(finer.duration) >= 0;
  }

  public static Interval fromCode(String code) {
    return Arrays.stream(values())
        .filter(i -> i.code.equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown interval '" + code + "': use one of 1m, 5m, 15m, 1h, 4h, 1d, 1w"));
  }

  @Override
  public String toString() {
    return code;
  }
}
