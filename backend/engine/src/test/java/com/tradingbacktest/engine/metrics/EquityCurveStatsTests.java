package com.tradingbacktest.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guards of feeding the per-bar metrics one bar at a time. */
class EquityCurveStatsTests {

  private static EquityCurveStats stats(int n) {
    return new EquityCurveStats(
        Inputs.spaced(Inputs.T0, Inputs.DAY, n),
        new double[n],
        100,
        MarketCalendar.CRYPTO,
        Interval.D1,
        ZoneOffset.UTC,
        0);
  }

  @Test
  void refusesNoBars() {
    assertThatThrownBy(() -> stats(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No bars");
  }

  @Test
  void refusesBarsOutOfOrder() {
    EquityCurveStats stats = stats(3);
    stats.bar(0, 100, false);
    assertThatThrownBy(() -> stats.bar(2, 100, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bar 2 fed after 1 bars");
  }

  @Test
  void refusesToFinishBeforeEveryBarWasFed() {
    EquityCurveStats stats = stats(3);
    stats.bar(0, 100, false);
    stats.bar(1, 101, true);
    assertThatThrownBy(() -> stats.finish(List.of(), 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2 of 3 bars fed");
  }

  @Test
  void finishesWithTheFedEquity() {
    EquityCurveStats stats = stats(3);
    stats.bar(0, 100, false);
    stats.bar(1, 110, true);
    stats.bar(2, 99, true);
    PerformanceMetrics metrics = stats.finish(List.of(), 0);
    assertThat(metrics.finalEquity()).isEqualTo(99);
    assertThat(metrics.totalReturn()).isEqualTo(99 / 100.0 - 1);
    assertThat(metrics.maxDrawdown()).isEqualTo(99 / 110.0 - 1);
  }
}
