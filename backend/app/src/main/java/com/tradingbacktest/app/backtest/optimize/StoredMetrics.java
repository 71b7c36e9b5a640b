package com.tradingbacktest.app.backtest.optimize;

import com.tradingbacktest.engine.metrics.Metrics;
import com.tradingbacktest.engine.metrics.MetricsInput;
import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Stored results keep their metrics as a JSON map, but a {@code SweepResult} must carry a {@link
 * PerformanceMetrics}. The overfitting statistics read a result's index, score, feasibility and
 * return blocks only, so the results rebuilt for them carry this one neutral stand-in: the metrics
 * of a flat one-bar account.
 */
final class StoredMetrics {

  static final PerformanceMetrics STAND_IN =
      Metrics.compute(
          new MetricsInput(
              new long[] {0},
              new double[] {1},
              new double[] {1},
              new boolean[] {false},
              List.of(),
              0,
              1,
              MarketCalendar.STOCK,
              Interval.D1,
              ZoneOffset.UTC,
              0));

  private StoredMetrics() {}
}
