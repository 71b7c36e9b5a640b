package com.tradingbacktest.engine.metrics;

import java.util.Objects;

/**
 * Computes {@link PerformanceMetrics} from a finished run. Every per-bar statistic comes from one
 * pass over the primitive input arrays with no boxing ({@link EquityCurveStats}); the only per-bar
 * allocations are the two output series. The definitions are in docs/METRICS.md.
 */
public final class Metrics {

  static final double MILLIS_PER_DAY = 86_400_000.0;

  /** CAGR counts calendar time in Julian years, so leap years average out. */
  static final double MILLIS_PER_YEAR = 365.25 * MILLIS_PER_DAY;

  private Metrics() {}

  /**
   * Every metric of the run.
   *
   * @param in at least one bar; all per-bar arrays of the same length; times ascending; equity
   *     finite; initial capital finite and positive
   * @return the metrics: fractions for returns and drawdowns, ms for times and durations, NaN where
   *     a metric is undefined (see {@link PerformanceMetrics})
   * @throws IllegalArgumentException if the input breaks one of those rules
   * @throws NullPointerException if a component is null
   */
  public static PerformanceMetrics compute(MetricsInput in) {
    int n = validate(in);
    double[] equity = in.equity();
    boolean[] inMarket = in.inMarket();
    EquityCurveStats curve =
        new EquityCurveStats(
            in.times(),
            in.close(),
            in.initialCapital(),
            in.calendar(),
            in.interval(),
            in.zone(),
            in.riskFreeRate());
    for (int i = 0; i < n; i++) {
      curve.bar(i, equity[i], inMarket[i]);
    }
    return curve.finish(in.trades(), in.commissions());
  }

  /**
   * (final / initial)^(1 / years) - 1. NaN over zero time (one bar, or all bars at one instant); -1
   * when the equity ended at or below zero, which no growth rate can reach.
   */
  static double cagr(double growth, double years) {
    if (!(years > 0)) {
      return Double.NaN;
    }
    if (growth <= 0) {
      return -1;
    }
    return Math.pow(growth, 1 / years) - 1;
  }

  private static int validate(MetricsInput in) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(in.times(), "times");
    Objects.requireNonNull(in.equity(), "equity");
    Objects.requireNonNull(in.close(), "close");
    Objects.requireNonNull(in.inMarket(), "inMarket");
    Objects.requireNonNull(in.trades(), "trades");
    Objects.requireNonNull(in.calendar(), "calendar");
    Objects.requireNonNull(in.interval(), "interval");
    Objects.requireNonNull(in.zone(), "zone");
    int n = in.times().length;
    if (n == 0) {
      throw new IllegalArgumentException("No bars: metrics need at least one");
    }
    if (in.equity().length != n || in.close().length != n || in.inMarket().length != n) {
      throw new IllegalArgumentException(
          "times, equity, close and inMarket must have the same length"
              + " (times has "
              + n
              + ", equity "
              + in.equity().length
              + ", close "
              + in.close().length
              + ", inMarket "
              + in.inMarket().length
              + ")");
    }
    checkRates(in.initialCapital(), in.riskFreeRate());
    return n;
  }

  static void checkRates(double initialCapital, double riskFreeRate) {
    if (!(initialCapital > 0) || Double.isInfinite(initialCapital)) {
      throw new IllegalArgumentException(
          "initialCapital must be positive and finite, not " + initialCapital);
    }
    if (!(riskFreeRate > -1) || Double.isInfinite(riskFreeRate)) {
      throw new IllegalArgumentException(
          "riskFreeRate must be a finite fraction above -1, not " + riskFreeRate);
    }
  }
}
