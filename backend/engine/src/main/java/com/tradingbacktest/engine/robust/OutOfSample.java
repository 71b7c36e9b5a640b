package com.tradingbacktest.engine.robust;

/**
 * Where an optimisation's held-out part starts: the grid is ranked on the bars before it and the
 * top combinations are then run on it with {@link WalkForward#test}.
 */
@SuppressWarnings("DoNotCallSuggester") // a skeleton until its lane builds it
public final class OutOfSample {

  private OutOfSample() {}

  /**
   * The first held-out bar when the last {@code fraction} (0 < fraction < 1) of {@code bars} is
   * held out.
   *
   * @throws IllegalArgumentException when either part would be empty
   */
  public static int splitByFraction(int bars, double fraction) {
    throw new UnsupportedOperationException("skeleton: built by the walk-forward lane");
  }

  /**
   * The first bar at or after {@code from} (epoch ms).
   *
   * @throws IllegalArgumentException when either part would be empty
   */
  public static int splitByTime(long[] times, long from) {
    throw new UnsupportedOperationException("skeleton: built by the walk-forward lane");
  }
}
