package com.tradingbacktest.engine.series;

import java.util.Arrays;
import java.util.Objects;

/**
 * Picks which bars a chart draws when there are more than it has pixels for. Averaging or taking
 * every n-th bar hides exactly what a backtest chart must show (the crash, the spike, the deepest
 * drawdown), so this keeps the extremes instead ("M4"): the range is cut into buckets and each
 * bucket keeps its first and last bar and the lowest and highest value of every series. A line
 * through the kept points then spans, bucket by bucket, the same values as a line through all of
 * them; with a bucket per pixel column or two, the picture is the same.
 */
public final class Downsampling {

  private Downsampling() {}

  /**
   * The indices within {@code [from, to)} to draw, ascending and unique, at most {@code budget} of
   * them. With {@code to - from <= budget} that is every index. Otherwise the range is cut into
   * {@code max(1, budget / (2 + 2 * series.length))} buckets of sizes differing by at most one, and
   * each bucket keeps its first and last index and, for every series, the first index of its
   * minimum and of its maximum within the bucket (NaN values ignored; a bucket that is all NaN
   * keeps no extreme for that series). So {@code from} and {@code to - 1} are always kept, and so
   * is the first index of every series' minimum and maximum over the range. Only when the budget
   * cannot hold one bucket's points ({@code budget < 2 + 2 * series.length}) are extremes dropped:
   * of the later series first.
   *
   * @param series columns indexed like the bars (e.g. equity, drawdown, close); each at least
   *     {@code to} long
   * @throws IllegalArgumentException when {@code budget < 4}, the range is not within {@code 0 <=
   *     from <= to}, or a series is shorter than {@code to}
   */
  public static int[] indices(int from, int to, int budget, double[]... series) {
    Objects.requireNonNull(series, "series");
    if (budget < 4) {
      throw new IllegalArgumentException(
          "the point budget must be at least 4 (first, last, min and max), got " + budget);
    }
    if (from < 0 || from > to) {
      throw new IllegalArgumentException(
          "the range [" + from + ", " + to + ") must satisfy 0 <= from <= to");
    }
    for (int s = 0; s < series.length; s++) {
      if (series[s].length < to) {
        throw new IllegalArgumentException(
            "series " + s + " has " + series[s].length + " values; the range ends at " + to);
      }
    }
    int n = to - from;
    if (n <= budget) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> from + i);
      return all;
    }
    int perBucket = 2 + 2 * series.length;
    int buckets = Math.max(1, budget / perBucket);
    int cap = budget / buckets; // >= perBucket unless one bucket was forced on a small budget
    int[] kept = new int[budget];
    int size = 0;
    int[] picks = new int[perBucket];
    for (int b = 0; b < buckets; b++) {
      // n > budget >= 4 * buckets, so no bucket is empty.
      int start = from + (int) ((long) b * n / buckets);
      int end = from + (int) ((long) (b + 1) * n / buckets);
      int count = 0;
      count = add(picks, count, start);
      count = add(picks, count, end - 1);
      for (double[] s : series) {
        int min = -1;
        int max = -1;
        for (int i = start; i < end; i++) {
          double v = s[i];
          if (!Double.isNaN(v)) {
            if (min < 0 || v < s[min]) {
              min = i;
            }
            if (max < 0 || v > s[max]) {
              max = i;
            }
          }
        }
        count = add(picks, count, min);
        count = add(picks, count, max);
      }
      // Picks are in priority order (bucket ends, then each series in turn): the cap drops the last
      // ones.
      count = Math.min(count, cap);
      Arrays.sort(picks, 0, count);
      System.arraycopy(picks, 0, kept, size, count);
      size += count;
    }
    return Arrays.copyOf(kept, size);
  }

  /** Appends {@code index} unless it is -1 (no value) or already picked. */
  private static int add(int[] picks, int count, int index) {
    if (index < 0) {
      return count;
    }
    for (int k = 0; k < count; k++) {
      if (picks[k] == index) {
        return count;
      }
    }
    picks[count] = index;
    return count + 1;
  }

  /**
   * The bars whose times fall within {@code [fromTime, toTime]} (both inclusive), as {@code
   * {fromIndex, toIndexExclusive}}, by binary search. Empty ({@code fromIndex == toIndexExclusive})
   * when no bar falls within, including when {@code fromTime > toTime}.
   *
   * @param times ascending epoch-ms bar times, as {@link BarSeries#times()}
   */
  public static int[] range(long[] times, long fromTime, long toTime) {
    Objects.requireNonNull(times, "times");
    int fromIndex = search(times, fromTime, false);
    int toIndex = search(times, toTime, true);
    return new int[] {fromIndex, Math.max(fromIndex, toIndex)};
  }

  /**
   * The first index whose time is at or above {@code t} (above it when {@code after}), or {@code
   * times.length}.
   */
  private static int search(long[] times, long t, boolean after) {
    int lo = 0;
    int hi = times.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (after ? times[mid] > t : times[mid] >= t) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
