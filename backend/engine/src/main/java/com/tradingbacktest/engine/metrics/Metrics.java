package com.tradingbacktest.engine.metrics;

import java.util.Objects;

/**
 * Computes {@link PerformanceMetrics} from a finished run. Every per-bar statistic comes from one
 * pass over the primitive input arrays with no boxing; the only per-bar allocations are the two
 * output series. The definitions are in docs/METRICS.md.
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
    long[] times = in.times();
    double[] equity = in.equity();
    double[] close = in.close();
    boolean[] inMarket = in.inMarket();
    double capital = in.initialCapital();
    double barsPerYear = in.calendar().barsPerYear(in.interval());

    DrawdownStats drawdowns = new DrawdownStats(times);
    ReturnStats returns = new ReturnStats(barsPerYear, in.riskFreeRate());
    PeriodReturns periods = new PeriodReturns(in.zone(), capital);
    double[] buyAndHold = new double[n];
    double firstClose = close[0];
    double peakEquity = Double.NEGATIVE_INFINITY;
    int barsInMarket = 0;
    long previousTime = Long.MIN_VALUE;

    for (int i = 0; i < n; i++) {
      long t = times[i];
      double e = equity[i];
      // Checked here rather than in a separate pass: a bad bar fails the run instead of giving
      // nonsense.
      if (t < previousTime) {
        throw new IllegalArgumentException(
            "times must ascend: times[" + i + "] = " + t + " < " + previousTime);
      }
      if (!Double.isFinite(e)) {
        throw new IllegalArgumentException("equity[" + i + "] is " + e + ": equity must be finite");
      }
      previousTime = t;
      drawdowns.add(i, e);
      if (i > 0) {
        returns.add(equity[i - 1], e);
      }
      periods.add(t, e);
      if (e > peakEquity) {
        peakEquity = e;
      }
      if (inMarket[i]) {
        barsInMarket++;
      }
      buyAndHold[i] = capital * (close[i] / firstClose);
    }
    drawdowns.finish();
    periods.finish();

    long start = times[0];
    long end = times[n - 1];
    long duration = end - start;
    double finalEquity = equity[n - 1];
    double totalReturn = finalEquity / capital - 1;
    double cagr = cagr(finalEquity / capital, duration / MILLIS_PER_YEAR);
    double maxDrawdown = drawdowns.maxDrawdown();
    double calmar = maxDrawdown < 0 ? cagr / -maxDrawdown : Double.NaN;
    TradeStats trades = TradeStats.of(in.trades());

    return new PerformanceMetrics(
        start,
        end,
        duration,
        duration / MILLIS_PER_DAY,
        (double) barsInMarket / n,
        capital,
        finalEquity,
        peakEquity,
        totalReturn,
        close[n - 1] / firstClose - 1,
        cagr,
        cagr,
        returns.annualizedVolatility(),
        returns.sharpe(),
        returns.sortino(),
        calmar,
        maxDrawdown,
        drawdowns.maxDurationMillis(),
        drawdowns.maxDurationMillis() / MILLIS_PER_DAY,
        drawdowns.maxDurationBars(),
        drawdowns.averageDepth(),
        drawdowns.averageDurationMillis(),
        drawdowns.averageDurationMillis() / MILLIS_PER_DAY,
        drawdowns.averageDurationBars(),
        trades.count(),
        trades.winRate(),
        trades.best(),
        trades.worst(),
        trades.average(),
        trades.averageDurationMillis(),
        trades.averageDurationBars(),
        trades.maxDurationMillis(),
        trades.maxDurationBars(),
        trades.profitFactor(),
        trades.expectancy(),
        trades.expectancyPct(),
        trades.sqn(),
        trades.kelly(),
        in.commissions(),
        trades.winning(),
        trades.losing(),
        trades.longs(),
        trades.shorts(),
        drawdowns.series(),
        buyAndHold,
        periods.months(),
        periods.years());
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
    if (!(in.initialCapital() > 0) || Double.isInfinite(in.initialCapital())) {
      throw new IllegalArgumentException(
          "initialCapital must be positive and finite, not " + in.initialCapital());
    }
    if (!(in.riskFreeRate() > -1) || Double.isInfinite(in.riskFreeRate())) {
      throw new IllegalArgumentException(
          "riskFreeRate must be a finite fraction above -1, not " + in.riskFreeRate());
    }
    return n;
  }
}
