package com.tradingbacktest.engine.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-worked buckets: which indices a chart keeps, and the time range lookup. */
class DownsamplingTests {

  private static final double NaN = Double.NaN;

  @Test
  void keepsEveryIndexWhenTheRangeFitsTheBudget() {
    assertThat(Downsampling.indices(2, 6, 4, new double[6])).containsExactly(2, 3, 4, 5);
    assertThat(Downsampling.indices(0, 0, 4)).isEmpty();
  }

  @Test
  void keepsEachBucketsEndsAndTheFirstIndexOfItsMinimumAndMaximum() {
    // Budget 8, one series: 8 / (2 + 2) = 2 buckets of 6, [0, 6) and [6, 12).
    double[] v = {5, 3, 9, 1, 7, 6, 4, 8, 2, 2, 10, 5};

    // Bucket 0: ends 0 and 5, min 1 at 3, max 9 at 2. Bucket 1: ends 6 and 11, min 2 first at 8,
    // max 10 at 10.
    assertThat(Downsampling.indices(0, 12, 8, v)).containsExactly(0, 2, 3, 5, 6, 8, 10, 11);
  }

  @Test
  void sizesBucketsAsEvenlyAsPossible() {
    // No series: 8 / 2 = 4 buckets over 10 indices, bounds 10 * b / 4 = 0, 2, 5, 7, 10.
    assertThat(Downsampling.indices(0, 10, 8)).containsExactly(0, 1, 2, 4, 5, 6, 7, 9);
    // The same shifted: buckets [3, 5), [5, 8), [8, 10), [10, 13).
    assertThat(Downsampling.indices(3, 13, 8)).containsExactly(3, 4, 5, 7, 8, 9, 10, 12);
  }

  @Test
  void ignoresNaNAndKeepsOnlyTheEndsOfABucketWithoutValues() {
    // Buckets [0, 5) and [5, 10). Bucket 0: min -1 at 3, max 4 at 1; bucket 1 is all NaN.
    double[] v = {NaN, 4, NaN, -1, NaN, NaN, NaN, NaN, NaN, NaN};

    assertThat(Downsampling.indices(0, 10, 8, v)).containsExactly(0, 1, 3, 4, 5, 9);
  }

  @Test
  void keepsTheExtremesOfEverySeries() {
    // Two series need 6 points a bucket: budget 12 gives 2 buckets, [0, 7) and [7, 14).
    double[] a = {0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    double[] b = {0, 0, 0, 0, 0, -5, 0, 0, 0, 0, 0, 0, 7, 0};

    // a: min 0 at 0 (first), max 9 at 2 | 0 at 7 (first), max 0 at 7. b: max 0 at 0, min -5 at 5 |
    // max 7 at 12.
    assertThat(Downsampling.indices(0, 14, 12, a, b)).containsExactly(0, 2, 5, 6, 7, 12, 13);
  }

  @Test
  void dropsTheLaterSeriesExtremesOnlyWhenOneBucketCannotHoldThem() {
    // Two series need 6 points; budget 4 forces one bucket capped at 4: ends, then the first
    // series.
    double[] a = {5, 1, 5, 5, 9, 5, 5, 5};
    double[] b = {5, 5, 0, 5, 5, 5, 9, 5};

    assertThat(Downsampling.indices(0, 8, 4, a, b)).containsExactly(0, 1, 4, 7);
  }

  @Test
  void rejectsABudgetBelowFourABadRangeAndShortSeries() {
    assertThatThrownBy(() -> Downsampling.indices(0, 10, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the point budget must be at least 4 (first, last, min and max), got 3");
    assertThatThrownBy(() -> Downsampling.indices(5, 4, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 <= from <= to");
    assertThatThrownBy(() -> Downsampling.indices(-1, 4, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 <= from <= to");
    assertThatThrownBy(() -> Downsampling.indices(0, 10, 4, new double[10], new double[9]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series 1 has 9 values; the range ends at 10");
  }

  /** Bars at times 10, 20, 30, 40: the range [from, to] holds bars start (inclusive) to end. */
  @ParameterizedTest(name = "{0}: [{1}, {2}] -> {3}..{4}")
  @CsvSource({
    "both ends inclusive, 20, 30, 1, 3",
    "ends between bars, 15, 35, 1, 3",
    "one instant, 40, 40, 3, 4",
    "every time, -9223372036854775808, 9223372036854775807, 0, 4",
    "empty before the first bar, 0, 5, 0, 0",
    "empty after the last bar, 50, 60, 4, 4",
    "empty between two bars, 21, 29, 2, 2",
    "empty when from > to, 30, 20, 2, 2"
  })
  void findsTheBarsWithinATimeRangeInclusiveAtBothEnds(
      String what, long from, long to, int start, int end) {
    assertThat(Downsampling.range(new long[] {10, 20, 30, 40}, from, to))
        .containsExactly(start, end);
  }

  @Test
  void returnsAnEmptyRangeForNoBars() {
    assertThat(Downsampling.range(new long[0], 0, 100)).containsExactly(0, 0);
  }
}
