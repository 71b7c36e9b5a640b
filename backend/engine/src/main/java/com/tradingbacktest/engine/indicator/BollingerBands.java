package com.tradingbacktest.engine.indicator;

import java.util.Objects;

/**
 * Bollinger bands, each aligned with the bars, in price units and NaN during the warm-up. The
 * arrays are not copied, and (as for any record with array components) {@code equals} compares them
 * by identity.
 *
 * @param upper {@code middle + k * stddev}
 * @param middle the simple moving average
 * @param lower {@code middle - k * stddev}
 */
public record BollingerBands(double[] upper, double[] middle, double[] lower) {

  public BollingerBands {
    Objects.requireNonNull(upper, "upper");
    Objects.requireNonNull(middle, "middle");
    Objects.requireNonNull(lower, "lower");
  }
}
