package com.tradingbacktest.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.engine.series.BarColumns;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TargetWeightsTests {

  static final long WEEK = 7 * 86_400_000L;

  /** Weekly bars (52 a year: a month is 4 bars) with closes {@code start x growth^i}. */
  static BarSeries weekly(String symbol, int n, double growth, int firstWeek) {
    BarColumns bars = new BarColumns(n);
    double close = 100;
    for (int i = 0; i < n; i++) {
      bars.bar(i, 1_704_067_200_000L + (firstWeek + i) * WEEK, close, close, close, close, 0);
      close *= growth;
    }
    return bars.build(symbol, Interval.W1, MarketCalendar.STOCK, ZoneOffset.UTC);
  }

  @Test
  void equalWeightIsOneOverNEverywhere() {
    double[][] w = TargetWeights.equalWeight(List.of(weekly("A", 3, 1, 0), weekly("B", 5, 1, 0)));
    assertThat(w[0]).containsExactly(0.5, 0.5, 0.5);
    assertThat(w[1]).containsOnly(0.5).hasSize(5);
  }

  @Test
  void momentumIsTheReturnFromLookbackToSkipBarsAgo() {
    double[] close = {100, 110, 121, 133.1, 146.41};
    double[] m = TargetWeights.momentum(close, 3, 1);
    // m[3] = close[2] / close[0] - 1 = 0.21; m[4] = close[3] / close[1] - 1 = 0.21.
    assertThat(m[0]).isNaN();
    assertThat(m[2]).isNaN();
    assertThat(m[3]).isCloseTo(0.21, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(m[4]).isCloseTo(0.21, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void momentumRotationHoldsTheTopSymbolsOnceTheyHaveHistory() {
    // Lookback 2 months = 8 weekly bars, skip 1 month = 4 bars: momentum from bar 8 on.
    BarSeries slow = weekly("SLOW", 12, 1.01, 0);
    BarSeries fast = weekly("FAST", 12, 1.05, 0);
    BarSeries down = weekly("DOWN", 12, 0.98, 0);
    double[][] w = TargetWeights.momentumRotation(List.of(slow, fast, down), 2, 2, 1);

    for (int i = 0; i < 8; i++) {
      assertThat(w[0][i]).isZero();
      assertThat(w[1][i]).isZero();
    }
    for (int i = 8; i < 12; i++) {
      assertThat(w[1][i]).as("FAST at %d", i).isEqualTo(0.5); // the best
      assertThat(w[0][i]).as("SLOW at %d", i).isEqualTo(0.5); // the second
      assertThat(w[2][i]).as("DOWN at %d", i).isZero();
    }
  }

  @Test
  void fewerCandidatesThanTopLeaveTheRestInCashAndAbsentSymbolsAreNotCompared() {
    // LATE starts 6 weeks later: at bars 8..11 of EARLY it has only 2..5 bars, no momentum yet.
    BarSeries early = weekly("EARLY", 12, 1.01, 0);
    BarSeries late = weekly("LATE", 6, 1.2, 6);
    double[][] w = TargetWeights.momentumRotation(List.of(early, late), 3, 2, 1);

    assertThat(w[0][8]).isEqualTo(1.0 / 3);
    assertThat(w[1]).containsOnly(0.0);
  }

  @Property(tries = 200)
  void momentumRotationPicksWhatASortPicks(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 8) int symbols,
      @ForAll @IntRange(min = 1, max = 5) int top) {
    Random random = new Random(seed);
    List<BarSeries> universe = new ArrayList<>();
    for (int s = 0; s < symbols; s++) {
      // Some symbols share a growth rate, so ties happen.
      universe.add(weekly("S" + s, 30, 0.97 + random.nextInt(6) * 0.01, 0));
    }
    double[][] w = TargetWeights.momentumRotation(universe, top, 2, 1);

    for (int i = 0; i < 30; i++) {
      final int bar = i;
      List<Integer> ranked = new ArrayList<>();
      for (int s = 0; s < symbols; s++) {
        if (!Double.isNaN(TargetWeights.momentum(universe.get(s).close(), 8, 4)[i])) {
          ranked.add(s);
        }
      }
      ranked.sort(
          Comparator.comparingDouble(
                  (Integer s) -> -TargetWeights.momentum(universe.get(s).close(), 8, 4)[bar])
              .thenComparingInt(s -> s));
      for (int s = 0; s < symbols; s++) {
        int rank = ranked.indexOf(s);
        double expected = rank >= 0 && rank < top ? 1.0 / top : 0;
        assertThat(w[s][i]).as("symbol %d at bar %d", s, i).isEqualTo(expected);
      }
    }
  }

  @Test
  void badParametersAreRefused() {
    List<BarSeries> one = List.of(weekly("A", 3, 1, 0));
    assertThatThrownBy(() -> TargetWeights.momentumRotation(one, 0, 12, 1))
        .hasMessageContaining("top must be at least 1");
    assertThatThrownBy(() -> TargetWeights.momentumRotation(one, 5, 1, 1))
        .hasMessageContaining("0 <= skip < lookback");
    assertThatThrownBy(() -> TargetWeights.momentumRotation(List.of(), 5, 12, 1))
        .hasMessageContaining("at least one symbol");
  }
}
