package com.tradingbacktest.engine.indicator;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Exact references in BigDecimal, independent of the engine's integer arithmetic: the double
 * nearest to a rational number, and the exact mean and population variance of a window of decimals.
 */
final class Exact {

  private Exact() {}

  /**
   * The double nearest to {@code numerator / denominator} ({@code denominator > 0}), ties to the
   * even significand: a 40-digit quotient's double, then whichever of it and its two neighbours is
   * nearest, compared exactly.
   */
  static double nearest(BigDecimal numerator, BigDecimal denominator) {
    double candidate = numerator.divide(denominator, new MathContext(40)).doubleValue();
    double best = candidate;
    BigDecimal bestDistance = distance(numerator, denominator, best);
    for (double neighbour : new double[] {Math.nextDown(candidate), Math.nextUp(candidate)}) {
      BigDecimal d = distance(numerator, denominator, neighbour);
      int c = d.compareTo(bestDistance);
      if (c < 0 || (c == 0 && (Double.doubleToRawLongBits(neighbour) & 1) == 0)) {
        best = neighbour;
        bestDistance = d;
      }
    }
    return best;
  }

  /** |numerator - value * denominator|: the distance to the quotient times the denominator. */
  private static BigDecimal distance(BigDecimal numerator, BigDecimal denominator, double value) {
    return numerator.subtract(new BigDecimal(value).multiply(denominator)).abs();
  }

  /** The double nearest to the mean of {@code window}. */
  static double mean(BigDecimal sum, int length) {
    return nearest(sum, BigDecimal.valueOf(length));
  }

  /** The population variance of {@code values}, exactly. */
  static BigDecimal variance(BigDecimal[] values) {
    BigDecimal n = BigDecimal.valueOf(values.length);
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal squares = BigDecimal.ZERO;
    for (BigDecimal v : values) {
      sum = sum.add(v);
      squares = squares.add(v.multiply(v));
    }
    // (n * sum(x^2) - sum(x)^2) / n^2, every step exact but the division
    BigDecimal numerator = n.multiply(squares).subtract(sum.multiply(sum));
    return numerator.divide(n.multiply(n), MathContext.DECIMAL128);
  }

  /** The population standard deviation of {@code values}, to 34 digits. */
  static double stddev(BigDecimal[] values) {
    return variance(values).sqrt(MathContext.DECIMAL128).doubleValue();
  }
}
