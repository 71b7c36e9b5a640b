package com.tradingbacktest.engine.indicator;

import java.util.Objects;

/**
 * A stochastic oscillator's two lines, 0 to 100, each aligned with the bars and NaN during the
 * warm-up (both start at the same bar). The arrays are not copied, and (as for any record with
 * array components) {@code equals} compares them by identity.
 *
 * @param k the %K line (slow %K for {@link Indicators#stochastic}, fast %K for {@link
 *     Indicators#stochRsi})
 * @param d the %D line: a simple moving average of {@code k}
 */
public record Stochastic(double[] k, double[] d) {

  public Stochastic {
    Objects.requireNonNull(k, "k");
    Objects.requireNonNull(d, "d");
  }
}
