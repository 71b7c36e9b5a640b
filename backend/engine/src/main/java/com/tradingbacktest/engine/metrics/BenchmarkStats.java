package com.tradingbacktest.engine.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run's equity measured against a benchmark series: alpha, beta, correlation, tracking error,
 * information ratio, up and down capture, and the benchmark's equity rebased to the run's capital.
 * It knows nothing of how the equity was made (one symbol or a portfolio): the input is the run's
 * bar times and equity, and the benchmark's bar times and closes. Definitions are in
 * docs/METRICS.md, "Benchmark".
 *
 * <p>The benchmark is aligned to the run's bars: at each run bar time {@code t_i} it is the close
 * of its last bar opening at or before {@code t_i}. Run bars before the benchmark's first bar have
 * no benchmark value and are left out; since the run's times ascend, the bars kept are a suffix of
 * the run, and the per-bar returns are taken between consecutive kept bars.
 *
 * @param alpha Jensen's alpha, annualised: {@code B * (mean(r) - rf_b - beta * (mean(b) - rf_b))}
 * @param beta {@code cov(r, b) / var(b)}
 * @param correlation Pearson correlation of {@code r} and {@code b}
 * @param trackingError {@code stdev(r - b) * sqrt(B)}
 * @param informationRatio {@code mean(r - b) * B / trackingError}
 * @param upCapture {@code mean(r | b > 0) / mean(b | b > 0)}
 * @param downCapture {@code mean(r | b < 0) / mean(b | b < 0)}
 * @param benchmarkReturn the benchmark's return from the first kept bar to the last
 * @param returns the return pairs every statistic is computed from
 * @param rebasedEquity per run bar, {@code initialCapital * close_i / close_first}, NaN before the
 *     benchmark's first bar; handed out without copying, so do not modify it (and, as in {@link
 *     PerformanceMetrics}, {@code equals} compares it by identity)
 */
public record BenchmarkStats(
    double alpha,
    double beta,
    double correlation,
    double trackingError,
    double informationRatio,
    double upCapture,
    double downCapture,
    double benchmarkReturn,
    int returns,
    double[] rebasedEquity) {

  /** The metric names {@link #toMap()} uses, in the order of docs/METRICS.md. */
  public static final List<String> NAMES =
      List.of(
          "alpha",
          "beta",
          "correlation",
          "tracking_error",
          "information_ratio",
          "up_capture",
          "down_capture",
          "benchmark_return");

  /**
   * Measures {@code equity} against the benchmark.
   *
   * @param times the run's bar open times, epoch ms, ascending
   * @param equity the run's equity at each bar's close, as many as {@code times}
   * @param benchmarkTimes the benchmark's bar open times, epoch ms, ascending
   * @param benchmarkClose the benchmark's closes, as many as {@code benchmarkTimes}
   * @param initialCapital the run's starting cash (> 0): the rebased equity starts at it
   * @param barsPerYear the run's annualisation factor ({@code MarketCalendar.barsPerYear}), > 0
   * @param riskFreeRate annual risk-free rate as a fraction (> -1)
   * @return the statistics, NaN where undefined (fewer than two return pairs, a benchmark that does
   *     not move, equity at or below zero)
   * @throws IllegalArgumentException on lengths that differ, times that descend, or rates out of
   *     range
   */
  public static BenchmarkStats compute(
      long[] times,
      double[] equity,
      long[] benchmarkTimes,
      double[] benchmarkClose,
      double initialCapital,
      double barsPerYear,
      double riskFreeRate) {
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(equity, "equity");
    Objects.requireNonNull(benchmarkTimes, "benchmarkTimes");
    Objects.requireNonNull(benchmarkClose, "benchmarkClose");
    if (times.length != equity.length || benchmarkTimes.length != benchmarkClose.length) {
      throw new IllegalArgumentException(
          "times and equity, and benchmark times and closes, must have the same lengths");
    }
    if (!(barsPerYear > 0) || Double.isInfinite(barsPerYear)) {
      throw new IllegalArgumentException("barsPerYear must be positive, not " + barsPerYear);
    }
    Metrics.checkRates(initialCapital, riskFreeRate);
    requireAscending(times, "times");
    requireAscending(benchmarkTimes, "benchmark times");

    double[] aligned = align(times, benchmarkTimes, benchmarkClose);
    int first = 0;
    while (first < aligned.length && Double.isNaN(aligned[first])) {
      first++;
    }
    double[] rebased = new double[times.length];
    Arrays.fill(rebased, 0, first, Double.NaN);
    for (int i = first; i < times.length; i++) {
      rebased[i] = initialCapital * aligned[i] / aligned[first];
    }
    double benchmarkReturn =
        first < times.length ? aligned[times.length - 1] / aligned[first] - 1 : Double.NaN;
    double rfPerBar = Math.pow(1 + riskFreeRate, 1 / barsPerYear) - 1;
    return pairs(equity, aligned, first, barsPerYear, rfPerBar, benchmarkReturn, rebased);
  }

  /** Each run bar's benchmark close: its last bar opening at or before the run bar; else NaN. */
  private static double[] align(long[] times, long[] benchmarkTimes, double[] benchmarkClose) {
    double[] aligned = new double[times.length];
    int j = -1;
    for (int i = 0; i < times.length; i++) {
      while (j + 1 < benchmarkTimes.length && benchmarkTimes[j + 1] <= times[i]) {
        j++;
      }
      aligned[i] = j < 0 ? Double.NaN : benchmarkClose[j];
    }
    return aligned;
  }

  private static BenchmarkStats pairs(
      double[] equity,
      double[] aligned,
      int first,
      double barsPerYear,
      double rfPerBar,
      double benchmarkReturn,
      double[] rebased) {
    int m = Math.max(0, aligned.length - first - 1);
    double[] r = new double[m];
    double[] b = new double[m];
    boolean defined = true;
    for (int k = 0; k < m; k++) {
      int i = first + 1 + k;
      if (equity[i - 1] <= 0 || aligned[i - 1] <= 0) {
        // A return on zero or negative equity (or price) means nothing, as for Sharpe.
        defined = false;
        break;
      }
      r[k] = equity[i] / equity[i - 1] - 1;
      b[k] = aligned[i] / aligned[i - 1] - 1;
    }
    if (!defined || m < 2) {
      return new BenchmarkStats(
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          benchmarkReturn,
          defined ? m : 0,
          rebased);
    }
    double meanR = mean(r);
    double meanB = mean(b);
    double varR = 0;
    double varB = 0;
    double cov = 0;
    double activeMean = meanR - meanB;
    double activeVar = 0;
    double upR = 0;
    double upB = 0;
    int up = 0;
    double downR = 0;
    double downB = 0;
    int down = 0;
    for (int k = 0; k < m; k++) {
      double dr = r[k] - meanR;
      double db = b[k] - meanB;
      double da = (r[k] - b[k]) - activeMean;
      varR += dr * dr;
      varB += db * db;
      cov += dr * db;
      activeVar += da * da;
      if (b[k] > 0) {
        upR += r[k];
        upB += b[k];
        up++;
      } else if (b[k] < 0) {
        downR += r[k];
        downB += b[k];
        down++;
      }
    }
    double sdR = Math.sqrt(varR / (m - 1));
    double sdB = Math.sqrt(varB / (m - 1));
    double sdActive = Math.sqrt(activeVar / (m - 1));
    boolean benchmarkMoves = sdB > ReturnStats.NOISE;
    double beta = benchmarkMoves ? cov / varB : Double.NaN;
    double alpha =
        benchmarkMoves
            ? barsPerYear * ((meanR - rfPerBar) - beta * (meanB - rfPerBar))
            : Double.NaN;
    double correlation =
        benchmarkMoves && sdR > ReturnStats.NOISE ? cov / Math.sqrt(varR * varB) : Double.NaN;
    // Rounding noise in the active returns is a run that tracks the benchmark exactly: no error.
    double trackingError = sdActive <= ReturnStats.NOISE ? 0 : sdActive * Math.sqrt(barsPerYear);
    double informationRatio =
        sdActive > ReturnStats.NOISE ? activeMean / sdActive * Math.sqrt(barsPerYear) : Double.NaN;
    // The means' counts cancel: mean(r | b > 0) / mean(b | b > 0) = sum(r | b > 0) / sum(b | b >
    // 0).
    double upCapture = up == 0 ? Double.NaN : upR / upB;
    double downCapture = down == 0 ? Double.NaN : downR / downB;
    return new BenchmarkStats(
        alpha,
        beta,
        correlation,
        trackingError,
        informationRatio,
        upCapture,
        downCapture,
        benchmarkReturn,
        m,
        rebased);
  }

  private static double mean(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    return sum / v.length;
  }

  private static void requireAscending(long[] t, String what) {
    for (int i = 1; i < t.length; i++) {
      if (t[i] < t[i - 1]) {
        throw new IllegalArgumentException(what + " must ascend: index " + i + " is earlier");
      }
    }
  }

  /**
   * The statistics under their snake_case names ({@link #NAMES}); NaN becomes {@code null}, as in
   * {@link PerformanceMetrics#toMap()}.
   */
  public Map<String, Number> toMap() {
    Map<String, Number> m = new LinkedHashMap<>();
    m.put("alpha", PerformanceMetrics.num(alpha));
    m.put("beta", PerformanceMetrics.num(beta));
    m.put("correlation", PerformanceMetrics.num(correlation));
    m.put("tracking_error", PerformanceMetrics.num(trackingError));
    m.put("information_ratio", PerformanceMetrics.num(informationRatio));
    m.put("up_capture", PerformanceMetrics.num(upCapture));
    m.put("down_capture", PerformanceMetrics.num(downCapture));
    m.put("benchmark_return", PerformanceMetrics.num(benchmarkReturn));
    return m;
  }

  @Override
  public String toString() {
    return "BenchmarkStats" + toMap() + " over " + returns + " returns";
  }
}
