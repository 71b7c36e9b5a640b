package com.tradingbacktest.engine.market;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A board of the Korea Exchange: which tick table and price limits a listed symbol follows. */
public enum Board {
  /** 유가증권시장 (KOSPI). */
  KOSPI,
  /** 코스닥시장 (KOSDAQ). */
  KOSDAQ,
  /** 코넥스시장 (KONEX). */
  KONEX,
  /** Exchange-traded funds and notes (ETF, ETN): one tick of 5 KRW at every price. */
  ETF;

  /** The lower-case code of the API and the command line: {@code kospi}, {@code etf}, ... */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The board of a code, case-insensitively.
   *
   * @throws IllegalArgumentException naming the codes, for anything else
   */
  public static Board parse(String code) {
    for (Board b : values()) {
      if (b.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
        return b;
      }
    }
    throw new IllegalArgumentException(
        "unknown board '"
            + code
            + "': use "
            + Arrays.stream(values()).map(Board::code).collect(Collectors.joining(", ")));
  }
}
