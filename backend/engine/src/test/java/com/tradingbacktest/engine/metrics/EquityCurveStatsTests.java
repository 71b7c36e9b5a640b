package com.tradingbacktest.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guards of feeding the per-bar metrics one bar at a time, and runs of bars ({@link
 * EquityCurveStats#run}) giving exactly what bar by bar gives.
 */
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

  /**
   * Runs of random lengths (the simulator's quiet runs) between single bars (its bars that trade),
   * the book's cash and quantity changing between them: long, short, flat, and equity at or below
   * zero (which makes the return statistics undefined); drawdown periods and months that start and
   * end inside runs and on their edges. Everything must be equal to the last bit.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void runsOfBarsGiveWhatBarByBarGives(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = 3_000;
    long step = seed % 2 == 0 ? Inputs.DAY : 7 * Inputs.HOUR;
    long[] times = Inputs.spaced(Inputs.T0, step, n);
    double[] close = new double[n];
    double price = 100;
    for (int i = 0; i < n; i++) {
      price *= Math.exp(0.02 * random.nextGaussian());
      close[i] = Math.rint(price * 100) / 100;
    }
    ZoneId zone = seed % 3 == 0 ? Inputs.SEOUL : Inputs.UTC;
    double riskFree = seed % 4 == 0 ? 0.05 : 0;
    EquityCurveStats byBar =
        new EquityCurveStats(
            times, close, 1_000, MarketCalendar.CRYPTO, Interval.D1, zone, riskFree);
    EquityCurveStats byRun =
        new EquityCurveStats(
            times, close, 1_000, MarketCalendar.CRYPTO, Interval.D1, zone, riskFree);
    double[] equity = new double[n];
    double[] position = new double[n];
    boolean[] inMarket = new boolean[n];
    double cash = 1_000;
    int i = 0;
    while (i < n) {
      double quantity;
      switch (random.nextInt(5)) {
        case 0, 1 -> quantity = 0;
        case 2 -> quantity = random.nextInt(1, 20);
        case 3 -> quantity = -random.nextInt(1, 20);
        default -> quantity = random.nextDouble() * 3;
      }
      // Now and then the account goes under water: equity at or below zero.
      cash = random.nextInt(40) == 0 ? -50 - random.nextInt(100) : 500 + random.nextInt(1_500);
      int end = Math.min(n, i + (random.nextInt(4) == 0 ? 1 : 1 + random.nextInt(60)));
      if (end - i == 1 && random.nextBoolean()) {
        double marked = cash + quantity * close[i];
        equity[i] = marked;
        position[i] = quantity;
        inMarket[i] = quantity != 0;
        byRun.bar(i, marked, quantity != 0);
      } else {
        byRun.run(i, end, cash, quantity, close, equity, position, inMarket);
      }
      for (int j = i; j < end; j++) {
        assertThat(equity[j]).isEqualTo(cash + quantity * close[j]);
        assertThat(position[j]).isEqualTo(quantity);
        assertThat(inMarket[j]).isEqualTo(quantity != 0);
        byBar.bar(j, equity[j], inMarket[j]);
      }
      i = end;
    }
    // Double.compare tells -0.0 from 0.0 and NaN equals NaN: this is exact equality.
    assertThat(byRun.finish(List.of(), 3))
        .usingRecursiveComparison()
        .withComparatorForType(Double::compare, Double.class)
        .isEqualTo(byBar.finish(List.of(), 3));
  }

  @Test
  void aRunStopsAtItsFirstBadBarWithBarsMessage() {
    int n = 10;
    long[] times = Inputs.spaced(Inputs.T0, Inputs.DAY, n);
    double[] close = new double[n];
    Arrays.fill(close, 10);
    close[6] = Double.POSITIVE_INFINITY;
    EquityCurveStats stats =
        new EquityCurveStats(
            times, close, 100, MarketCalendar.CRYPTO, Interval.D1, ZoneOffset.UTC, 0);
    double[] equity = new double[n];
    double[] position = new double[n];
    boolean[] inMarket = new boolean[n];
    assertThatThrownBy(() -> stats.run(0, n, 50, 5, close, equity, position, inMarket))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equity[6] is Infinity");
    // The six bars before it were taken in: the seventh is the next one expected.
    assertThatThrownBy(() -> stats.bar(7, 100, false)).hasMessageContaining("fed after 6 bars");
    assertThatThrownBy(() -> stats.run(5, n, 50, 5, close, equity, position, inMarket))
        .hasMessageContaining("bar 5 fed after 6 bars");

    long[] backwards = Inputs.spaced(Inputs.T0, Inputs.DAY, n);
    backwards[3] = backwards[2] - 1;
    EquityCurveStats unordered =
        new EquityCurveStats(
            backwards, close, 100, MarketCalendar.CRYPTO, Interval.D1, ZoneOffset.UTC, 0);
    assertThatThrownBy(() -> unordered.run(0, 3 + 1, 100, 0, close, equity, position, inMarket))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("times must ascend: times[3]");
  }
}
