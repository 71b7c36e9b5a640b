package com.tradingbacktest.engine.prices;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which prices bars are in: as traded, adjusted for splits, or also for dividends. */
public enum PriceBasis {
  /** As traded on each day: a 2-for-1 split halves the price overnight. */
  RAW("raw"),
  /**
   * Every bar before a split divided by its ratio (volume multiplied), so the series is in today's
   * shares: Yahoo's chart prices.
   */
  SPLIT_ADJUSTED("split_adjusted"),
  /**
   * Split-adjusted and back-adjusted by each dividend as Yahoo's {@code Adj Close}: a bar before an
   * ex-date multiplied by {@code 1 - dividend / close before the ex-date}, so holding the series
   * earns the dividends reinvested.
   */
  TOTAL_RETURN("total_return");

  private final String code;

  PriceBasis(String code) {
    this.code = code;
  }

  /** The lower-case code of the API, the database and the command line. */
  public String code() {
    return code;
  }

  /**
   * The basis named by {@code code} (any case, surrounding blanks ignored).
   *
   * @throws IllegalArgumentException naming the accepted codes
   */
  public static PriceBasis parse(String code) {
    String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    for (PriceBasis basis : values()) {
      if (basis.code.equals(wanted)) {
        return basis;
      }
    }
    throw new IllegalArgumentException(
        "unknown price basis '"
            + code
            + "': expected one of "
            + Arrays.stream(values()).map(PriceBasis::code).collect(Collectors.joining(", ")));
  }
}
