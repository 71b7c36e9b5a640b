package com.tradingbacktest.app.analytics;

import com.tradingbacktest.engine.series.Downsampling;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs side by side.
 *
 * @param metricNames every metric name the runs have, in the order of docs/METRICS.md: the rows of
 *     the table whose columns are {@code runs}
 * @param runs in the order asked for, each with its metrics
 * @param equity the runs' equity curves on one day axis, each rebased to 100
 * @param correlation of the runs' daily returns
 */
record RunComparisonResponse(
    List<String> metricNames,
    List<RunOverview> runs,
    RebasedEquity equity,
    ReturnCorrelation correlation) {

  /**
   * Equity at the close of each day (in each run's own zone, by calendar date), on the union of the
   * runs' days, each curve 100 at its first day. Inside its own span a curve carries its last value
   * over days it has no bar on; before its first day and after its last it is null. Downsampled to
   * the point budget keeping each bucket's first, last, lowest and highest value of every curve.
   *
   * @param dates the axis
   * @param values {@code values[r][d]}: run r ({@code runs[r]}) on {@code dates[d]}
   * @param totalPoints days on the axis before downsampling
   */
  record RebasedEquity(List<LocalDate> dates, List<List<Double>> values, int totalPoints) {

    static RebasedEquity of(AnalyticsMath.Rebased rebased, int budget) {
      int[] keep = Downsampling.indices(0, rebased.days().length, budget, rebased.values());
      List<LocalDate> dates = new ArrayList<>(keep.length);
      for (int i : keep) {
        dates.add(LocalDate.ofEpochDay(rebased.days()[i]));
      }
      List<List<Double>> values = new ArrayList<>();
      for (double[] curve : rebased.values()) {
        List<Double> kept = new ArrayList<>(keep.length);
        for (int i : keep) {
          kept.add(AnalyticsMath.orNull(curve[i]));
        }
        values.add(kept);
      }
      return new RebasedEquity(dates, values, rebased.days().length);
    }
  }

  /**
   * Pearson correlation of daily returns, pair by pair over the days both runs have (each measured
   * from the previous such day).
   *
   * @param values {@code values[i][j]} for runs i and j, symmetric; null with fewer than two
   *     overlapping returns or when either run's returns do not vary (no trade, flat equity)
   * @param overlappingReturns {@code [i][j]}: how many return pairs the value comes from
   */
  record ReturnCorrelation(List<List<Double>> values, List<List<Integer>> overlappingReturns) {

    static ReturnCorrelation of(AnalyticsMath.Correlations c) {
      List<List<Double>> values = new ArrayList<>();
      List<List<Integer>> overlaps = new ArrayList<>();
      for (int i = 0; i < c.values().length; i++) {
        List<Double> row = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int j = 0; j < c.values().length; j++) {
          row.add(AnalyticsMath.orNull(c.values()[i][j]));
          counts.add(c.overlaps()[i][j]);
        }
        values.add(row);
        overlaps.add(counts);
      }
      return new ReturnCorrelation(values, overlaps);
    }
  }
}
