package com.tradingbacktest.engine.indicator;

import static com.tradingbacktest.engine.indicator.SeriesAssert.assertSeries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RollingAndCrossesTests {

  private static final double NaN = Double.NaN;

  @Test
  void highestAndLowestCoverTheLastLengthValuesIncludingTheCurrent() {
    double[] x = {3, 1, 4, 1, 5, 9, 2, 6};
    // Windows of 3: [3,1,4] [1,4,1] [4,1,5] [1,5,9] [5,9,2] [9,2,6]
    assertThat(Indicators.highest(x, 3)).containsExactly(NaN, NaN, 4, 4, 5, 9, 9, 9);
    assertThat(Indicators.lowest(x, 3)).containsExactly(NaN, NaN, 1, 1, 1, 1, 2, 2);
  }

  @Test
  void highestAndLowestMatchANaiveScanForShortAndLongWindows() {
    Bars bars = Bars.standard();
    for (int length : new int[] {1, 2, 7, 50, 300}) {
      assertSeries(
          "highest " + length,
          Indicators.highest(bars.high, length),
          Reference.highest(bars.high, length),
          0);
      assertSeries(
          "lowest " + length,
          Indicators.lowest(bars.low, length),
          Reference.lowest(bars.low, length),
          0);
    }
  }

  @Test
  void highestHandlesRepeatedAndMonotonicValues() {
    assertThat(Indicators.highest(new double[] {2, 2, 2, 1, 1}, 2))
        .containsExactly(NaN, 2, 2, 2, 1);
    assertThat(Indicators.highest(new double[] {5, 4, 3, 2, 1}, 3))
        .containsExactly(NaN, NaN, 5, 4, 3);
    assertThat(Indicators.lowest(new double[] {1, 2, 3, 4, 5}, 3))
        .containsExactly(NaN, NaN, 1, 2, 3);
  }

  @Test
  void highestIsNaNExactlyWhileItsWindowHoldsANaN() {
    double[] x = {NaN, 1, 2, 3, NaN, 4, 5, 6};
    // Windows of 2: the NaN at 0 spoils bar 1; the NaN at 4 spoils bars 4 and 5.
    assertThat(Indicators.highest(x, 2)).containsExactly(NaN, NaN, 2, 3, NaN, NaN, 5, 6);
    assertThat(Indicators.lowest(x, 2)).containsExactly(NaN, NaN, 1, 2, NaN, NaN, 4, 5);
  }

  @Test
  void highestLongerThanTheDataIsAllNaN() {
    assertThat(Indicators.highest(new double[] {1, 2, 3}, 4)).containsExactly(NaN, NaN, NaN);
    assertThat(Indicators.lowest(new double[0], 4)).isEmpty();
  }

  @Test
  void crossoverFiresOnTheBarWhereAMovesAboveBAfterBeingBelowOrEqual() {
    double[] a = {1, 2, 3, 2, 1};
    double[] b = {2, 2, 2, 2, 2};
    // Bar 2: 3 > 2 after 2 <= 2 (touching counts as below). Bar 4: 1 < 2 after 2 >= 2.
    assertThat(Crosses.crossover(a, b)).containsExactly(false, false, true, false, false);
    assertThat(Crosses.crossunder(a, b)).containsExactly(false, false, false, false, true);
    assertThat(Crosses.crossover(a, 2.0)).containsExactly(false, false, true, false, false);
    assertThat(Crosses.crossunder(a, 2.0)).containsExactly(false, false, false, false, true);
  }

  @Test
  void touchingWithoutCrossingIsNotACross() {
    double[] a = {1, 2, 1, 2, 2};
    assertThat(Crosses.crossover(a, 2.0)).containsOnly(false);
    assertThat(Crosses.crossunder(new double[] {3, 2, 3}, 2.0)).containsOnly(false);
  }

  @Test
  void crossesBetweenTwoMovingSeriesCompareEachBarWithItsOwnCounterpart() {
    double[] fast = {1, 3, 2, 5};
    double[] slow = {2, 2, 3, 4};
    // Bar 1: 3 > 2 after 1 <= 2 -> over. Bar 2: 2 < 3 after 3 >= 2 -> under. Bar 3: 5 > 4 after 2
    // <= 3 -> over.
    assertThat(Crosses.crossover(fast, slow)).containsExactly(false, true, false, true);
    assertThat(Crosses.crossunder(fast, slow)).containsExactly(false, false, true, false);
  }

  @Test
  void crossesNeverFireNextToANaN() {
    double[] a = {NaN, 3, 1, NaN, 3, 1, 3};
    double[] b = {2, 2, 2, 2, 2, 2, 2};
    // Bar 1 and bar 4 follow a NaN and bar 3 is NaN; only bars 2 (under), 5 (under) and 6 (over)
    // count.
    assertThat(Crosses.crossover(a, b))
        .containsExactly(false, false, false, false, false, false, true);
    assertThat(Crosses.crossunder(a, b))
        .containsExactly(false, false, true, false, false, true, false);
    assertThat(Crosses.crossover(a, 2.0))
        .containsExactly(false, false, false, false, false, false, true);
    double[] bWithNaN = {2, 2, NaN, 2, 2, 2, 2};
    assertThat(Crosses.crossunder(new double[] {3, 3, 1, 1, 3, 1, 1}, bWithNaN))
        .containsExactly(false, false, false, false, false, true, false);
    assertThat(Crosses.crossover(a, NaN)).containsOnly(false);
  }

  @Test
  void crossesOfSeriesWithDifferentLengthsAreRejected() {
    assertThatThrownBy(() -> Crosses.crossover(new double[3], new double[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("crossover: a and b must have the same length, got 3 and 2");
    assertThat(Crosses.crossunder(new double[0], new double[0])).isEmpty();
  }

  /**
   * The crosses against their definition, on series drawn from a few values so that ties, NaN and
   * infinities (on either side and at either bar) come up often: a cross needs all four values
   * finite.
   */
  @Test
  void crossesOfTwoSeriesFollowTheirDefinitionWithTiesAndNonFiniteValues() {
    double[] values = {1, 2, 3, NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    java.util.SplittableRandom random = new java.util.SplittableRandom(19);
    for (int trial = 0; trial < 2_000; trial++) {
      int n = random.nextInt(1, 12);
      double[] a = new double[n];
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        // Mostly finite values, so that crosses (not just non-finite bars) are common.
        a[i] = values[random.nextInt(random.nextInt(4) == 0 ? values.length : 3)];
        b[i] = values[random.nextInt(random.nextInt(4) == 0 ? values.length : 3)];
      }
      boolean[] over = new boolean[n];
      boolean[] under = new boolean[n];
      for (int i = 1; i < n; i++) {
        boolean finite =
            Double.isFinite(a[i - 1])
                && Double.isFinite(b[i - 1])
                && Double.isFinite(a[i])
                && Double.isFinite(b[i]);
        over[i] = finite && a[i] > b[i] && a[i - 1] <= b[i - 1];
        under[i] = finite && a[i] < b[i] && a[i - 1] >= b[i - 1];
      }
      assertThat(Crosses.crossover(a, b))
          .as("crossover %s %s", java.util.Arrays.toString(a), java.util.Arrays.toString(b))
          .containsExactly(over);
      assertThat(Crosses.crossunder(a, b))
          .as("crossunder %s %s", java.util.Arrays.toString(a), java.util.Arrays.toString(b))
          .containsExactly(under);
    }
  }
}
