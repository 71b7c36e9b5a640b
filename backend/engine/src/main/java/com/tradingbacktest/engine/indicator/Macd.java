package com.tradingbacktest.engine.indicator;

import java.util.Objects;

/**
 * MACD's three lines, each aligned with the bars and NaN during the warm-up. The arrays are not
 * copied, and (as for any record with array components) {@code equals} compares them by identity.
 *
 * @param macd fast EMA minus slow EMA, in price units
 * @param signal EMA of {@code macd}
 * @param histogram {@code macd - signal}
 */
public record Macd(double[] macd, double[] signal, double[] histogram) {

  public Macd {
    Objects.requireNonNull(macd, "macd");
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(histogram, "histogram");
  }
}
