package com.tradingbacktest.engine.prices;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The basis a series' prices are in. */
public enum PriceBasis {
  /** As traded on each day. */
  RAW("raw"),
  /** Earlier prices divided by every later split's ratio. */
  SPLIT_ADJUSTED("split_adjusted"),
  /** Split-adjusted and back-adjusted by dividends, as Yahoo's Adj Close. */
  TOTAL_RETURN("total_return");

  private final String code;

  PriceBasis(String code) {
    this.code = code;
  }

  /** The code in the API, the database and the CLI: raw, split_adjusted, total_return. */
  public String code() {
    return code;
  }

  /** The basis of a code, any case; a clear error listing the codes otherwise. */
  public static PriceBasis parse(String code) {
    if (code != null) {
      String c = code.trim().toLowerCase(Locale.ROOT);
      for (PriceBasis b : values()) {
        if (b.code.equals(c)) {
          return b;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown price basis "
            + code
            + "; expected one of "
            + Arrays.stream(values()).map(PriceBasis::code).collect(Collectors.joining(", ")));
  }
}
