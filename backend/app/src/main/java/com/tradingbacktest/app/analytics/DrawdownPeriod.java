package com.tradingbacktest.app.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One drawdown period of a run's equity, as docs/METRICS.md defines them: from a peak bar to the
 * first later bar back at or above it (recovery), or to the last bar if the equity never got back.
 *
 * @param start epoch ms of the peak bar the fall started from
 * @param trough epoch ms of the lowest bar of the period (the first, if several are as low)
 * @param recovery epoch ms of the bar back at the peak; null when the equity never recovered
 * @param depth the lowest equity over the peak minus one: a fraction, negative
 * @param durationDays from the peak to the recovery (or the last bar), in days of 24 hours
 * @param durationBars the same in bars
 */
record DrawdownPeriod(
    long start,
    long trough,
    @Schema(nullable = true) Long recovery,
    double depth,
    double durationDays,
    int durationBars) {

  private static final double DAY_MS = 86_400_000.0;

  /**
   * The {@code limit} deepest periods of {@code equity}, deepest first (ties: the earlier first).
   *
   * @param times bar times, epoch ms, ascending, as long as {@code equity}
   * @param equity per-bar equity, positive
   */
  static List<DrawdownPeriod> deepest(long[] times, double[] equity, int limit) {
    List<DrawdownPeriod> periods = new ArrayList<>();
    int peak = 0;
    int trough = -1;
    for (int i = 1; i < equity.length; i++) {
      if (equity[i] >= equity[peak]) {
        if (trough >= 0) {
          periods.add(period(times, equity, peak, trough, i, true));
          trough = -1;
        }
        peak = i;
      } else if (trough < 0 || equity[i] < equity[trough]) {
        trough = i;
      }
    }
    if (trough >= 0) {
      periods.add(period(times, equity, peak, trough, equity.length - 1, false));
    }
    return periods.stream()
        .sorted(
            Comparator.comparingDouble(DrawdownPeriod::depth)
                .thenComparingLong(DrawdownPeriod::start))
        .limit(limit)
        .toList();
  }

  private static DrawdownPeriod period(
      long[] times, double[] equity, int peak, int trough, int end, boolean recovered) {
    return new DrawdownPeriod(
        times[peak],
        times[trough],
        recovered ? times[end] : null,
        equity[trough] / equity[peak] - 1,
        (times[end] - times[peak]) / DAY_MS,
        end - peak);
  }
}
