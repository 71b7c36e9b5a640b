package com.tradingbacktest.app.analytics;

import com.tradingbacktest.app.backtest.EquityChart;
import com.tradingbacktest.app.backtest.RunResult;
import com.tradingbacktest.engine.series.Downsampling;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Everything the charts of one run draw, over a time range and within a point budget.
 *
 * @param equity equity, drawdown and buy-and-hold of the bars in the range, downsampled keeping
 *     each bucket's extremes
 * @param returnPeriod what the histogram and the rolling Sharpe measure returns over: {@code bar}
 *     for daily and weekly runs, {@code day} (the close of each day in the symbol's zone) for
 *     intraday ones
 * @param periodsPerYear the annualisation of the rolling Sharpe: 252 or 365 days, 52 weeks
 * @param returnsHistogram the returns between points inside the range
 * @param rollingSharpe over the whole run, then cut to the range, so zooming does not change a
 *     value
 * @param monthlyReturns the whole run's monthly and yearly returns, whatever the range
 * @param drawdownPeriods the whole run's five deepest drawdown periods, deepest first, whatever the
 *     range
 */
record RunChartResponse(
    UUID backtestId,
    String symbol,
    String interval,
    String timeZone,
    String currency,
    EquityChart equity,
    @Schema(allowableValues = {"bar", "day"}) String returnPeriod,
    double periodsPerYear,
    ReturnsHistogram returnsHistogram,
    RollingSharpe rollingSharpe,
    MonthlyReturnsGrid monthlyReturns,
    List<DrawdownPeriod> drawdownPeriods) {

  /** How many drawdown periods the chart lists. */
  static final int DRAWDOWN_PERIODS = 5;

  /**
   * Returns in equal-width bins from the lowest to the highest.
   *
   * @param edges {@code counts.length + 1} ascending bounds, fractions (0.01 = 1%); bin k holds
   *     returns in {@code [edges[k], edges[k+1])}, the last bin its upper edge too; empty with no
   *     return in the range
   * @param total returns counted
   */
  record ReturnsHistogram(double[] edges, int[] counts, int total) {

    static ReturnsHistogram of(ReturnSeries series, long fromTime, long toTime, int bins) {
      int[] range = Downsampling.range(series.times(), fromTime, toTime);
      // Return j joins points j and j + 1: both must be in the range.
      double[] returns = series.returns();
      double[] inRange =
          range[1] - range[0] < 2
              ? new double[0]
              : Arrays.copyOfRange(returns, range[0], range[1] - 1);
      AnalyticsMath.Histogram h = AnalyticsMath.histogram(inRange, bins);
      return new ReturnsHistogram(h.edges(), h.counts(), h.total());
    }
  }

  /**
   * Sharpe ratio of each trailing window, annualised as the run's sharpe_ratio (docs/METRICS.md),
   * downsampled keeping each bucket's extremes.
   *
   * @param window returns per window
   * @param time epoch ms of each window's last point
   * @param sharpe parallel to time; null where undefined (a flat window)
   * @param totalPoints values in the range before downsampling
   */
  record RollingSharpe(int window, long[] time, List<Double> sharpe, int totalPoints) {

    static RollingSharpe of(
        ReturnSeries series,
        int window,
        double riskFreeRate,
        long fromTime,
        long toTime,
        int budget) {
      double[] all =
          AnalyticsMath.rollingSharpe(
              series.returns(), window, series.periodsPerYear(), riskFreeRate);
      long[] ends = new long[all.length];
      for (int k = 0; k < all.length; k++) {
        ends[k] =
            series
                .times()[
                k + window]; // value k covers returns k .. k+window-1, ending at point k+window
      }
      int[] range = Downsampling.range(ends, fromTime, toTime);
      int[] keep = Downsampling.indices(range[0], range[1], budget, all);
      long[] time = new long[keep.length];
      List<Double> sharpe = new ArrayList<>(keep.length);
      for (int k = 0; k < keep.length; k++) {
        time[k] = ends[keep[k]];
        sharpe.add(AnalyticsMath.orNull(all[keep[k]]));
      }
      return new RollingSharpe(window, time, sharpe, range[1] - range[0]);
    }
  }

  /**
   * The monthly-returns heatmap: one row per year from the first to the last, one column per month.
   *
   * @param years ascending, without gaps
   * @param months {@code months[y][m - 1]}: the return of month m of {@code years[y]}, a fraction;
   *     null for a month without bars or undefined
   * @param yearly {@code yearly[y]}: the return of {@code years[y]}; the months of a year compound
   *     to it
   */
  record MonthlyReturnsGrid(List<Integer> years, List<List<Double>> months, List<Double> yearly) {

    static MonthlyReturnsGrid of(RunResult result) {
      int first = Integer.MAX_VALUE;
      int last = Integer.MIN_VALUE;
      for (RunResult.MonthlyReturnView m : result.monthlyReturns()) {
        first = Math.min(first, m.year());
        last = Math.max(last, m.year());
      }
      for (RunResult.YearlyReturnView y : result.yearlyReturns()) {
        first = Math.min(first, y.year());
        last = Math.max(last, y.year());
      }
      List<Integer> years = new ArrayList<>();
      List<List<Double>> months = new ArrayList<>();
      List<Double> yearly = new ArrayList<>();
      for (int year = first; year <= last && first <= last; year++) {
        years.add(year);
        months.add(new ArrayList<>(Arrays.asList(new Double[12])));
        yearly.add(null);
      }
      for (RunResult.MonthlyReturnView m : result.monthlyReturns()) {
        months.get(m.year() - first).set(m.month() - 1, m.value());
      }
      for (RunResult.YearlyReturnView y : result.yearlyReturns()) {
        yearly.set(y.year() - first, y.value());
      }
      return new MonthlyReturnsGrid(years, months, yearly);
    }
  }
}
