package com.tradingbacktest.engine.robust;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Where an optimisation's held-out part starts: the grid is ranked on the bars before it and the
 * top combinations are then run on it with {@link WalkForward#test}.
 */
public final class OutOfSample {

  private OutOfSample() {}

  /**
   * The first held-out bar when the last {@code fraction} (0 < fraction < 1) of {@code bars} is
   * held out: {@code bars - round(bars x fraction)}.
   *
   * @throws IllegalArgumentException when either part would be empty
   */
  public static int splitByFraction(int bars, double fraction) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException(
          "the held-out fraction must be above 0 and below 1, got " + fraction);
    }
    long heldOut = Math.round(bars * fraction);
    if (heldOut < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the held-out part would be empty: %s of %,d bars is less than one bar",
              percent(fraction),
              bars));
    }
    if (heldOut >= bars) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the in-sample part would be empty: holding out %s of %,d bars leaves none",
              percent(fraction),
              bars));
    }
    return (int) (bars - heldOut);
  }

  /**
   * The first bar at or after {@code from} (epoch ms).
   *
   * @throws IllegalArgumentException when either part would be empty
   */
  public static int splitByTime(long[] times, long from) {
    Objects.requireNonNull(times, "times");
    int split = WindowPlan.atOrAfter(times, from);
    if (split >= times.length) {
      throw new IllegalArgumentException(
          "the held-out part would be empty: no bar at or after "
              + Instant.ofEpochMilli(from)
              + (times.length == 0
                  ? ""
                  : "; the last bar is at " + Instant.ofEpochMilli(times[times.length - 1])));
    }
    if (split == 0) {
      throw new IllegalArgumentException(
          "the in-sample part would be empty: the first bar, at "
              + Instant.ofEpochMilli(times[0])
              + ", is not before "
              + Instant.ofEpochMilli(from));
    }
    return split;
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.4g%%", fraction * 100).replaceAll("\\.?0+%$", "%");
  }
}
