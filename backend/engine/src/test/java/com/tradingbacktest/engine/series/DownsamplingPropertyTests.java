package com.tradingbacktest.engine.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** What a chart relies on, for any series, range and budget. */
class DownsamplingPropertyTests {

  @Property(tries = 500)
  void keepsEndsAndEverySeriesExtremesWithinTheBudget(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3) int k,
      @ForAll @IntRange(min = 0, max = 120) int extra,
      @ForAll @IntRange(min = 0, max = 600) int length) {
    Random random = new Random(seed);
    int budget = 2 + 2 * k + extra; // room for one bucket's points: every extreme is kept
    double[][] series = randomSeries(random, k, length);
    int from = length == 0 ? 0 : random.nextInt(length);
    int to = from + random.nextInt(length - from + 1);

    int[] kept = Downsampling.indices(from, to, budget, series);

    assertValid(kept, from, to, budget);
    for (double[] s : series) {
      int min = -1;
      int max = -1;
      for (int i = from; i < to; i++) {
        if (!Double.isNaN(s[i])) {
          min = min < 0 || s[i] < s[min] ? i : min;
          max = max < 0 || s[i] > s[max] ? i : max;
        }
      }
      if (min >= 0) {
        assertThat(kept).contains(min, max);
      }
    }
  }

  @Property(tries = 300)
  void neverExceedsTheBudgetEvenWithManySeries(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 8) int k,
      @ForAll @IntRange(min = 4, max = 40) int budget,
      @ForAll @IntRange(min = 0, max = 300) int length) {
    Random random = new Random(seed);
    double[][] series = randomSeries(random, k, length);

    assertValid(Downsampling.indices(0, length, budget, series), 0, length, budget);
  }

  @Property(tries = 300)
  void rangeHoldsExactlyTheBarsWithinTheTimes(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 50) int n) {
    Random random = new Random(seed);
    long[] times = new long[n];
    for (int i = 0; i < n; i++) {
      times[i] = (i == 0 ? 0 : times[i - 1]) + 1 + random.nextInt(5);
    }
    long a = random.nextInt(260) - 5L;
    long b = a + random.nextInt(100) - 10;

    int[] r = Downsampling.range(times, a, b);

    for (int i = 0; i < n; i++) {
      boolean within = times[i] >= a && times[i] <= b;
      assertThat(i >= r[0] && i < r[1])
          .as("bar %d at %d in [%d, %d]", i, times[i], a, b)
          .isEqualTo(within);
    }
    assertThat(r[0]).isBetween(0, n);
    assertThat(r[1]).isBetween(r[0], n);
  }

  private static void assertValid(int[] kept, int from, int to, int budget) {
    int n = to - from;
    assertThat(kept.length).isLessThanOrEqualTo(budget);
    if (n <= budget) {
      assertThat(kept).hasSize(n);
    }
    for (int j = 0; j < kept.length; j++) {
      assertThat(kept[j]).isBetween(from, to - 1);
      if (j > 0) {
        assertThat(kept[j]).isGreaterThan(kept[j - 1]);
      }
    }
    if (n > 0) {
      assertThat(kept[0]).isEqualTo(from);
      assertThat(kept[kept.length - 1]).isEqualTo(to - 1);
    }
  }

  /** Random walks with ties (values rounded) and some NaN runs. */
  private static double[][] randomSeries(Random random, int k, int length) {
    double[][] series = new double[k][length];
    for (double[] s : series) {
      double v = 0;
      for (int i = 0; i < length; i++) {
        v += Math.rint(random.nextGaussian() * 3);
        s[i] = random.nextInt(10) == 0 ? Double.NaN : v;
      }
      if (random.nextInt(5) == 0) {
        Arrays.fill(s, Double.NaN);
      }
    }
    return series;
  }
}
