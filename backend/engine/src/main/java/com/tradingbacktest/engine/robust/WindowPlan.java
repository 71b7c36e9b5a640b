package com.tradingbacktest.engine.robust;

import java.time.Period;
import java.time.ZoneId;
import java.util.List;

/**
 * Plans walk-forward windows whose test parts tile the bars after the first train part, in order,
 * without overlap. Every method throws {@link IllegalArgumentException} with a readable message
 * when the bars cannot hold the windows (a train or test part would be empty).
 */
@SuppressWarnings("DoNotCallSuggester") // a skeleton until its lane builds it
public final class WindowPlan {

  /** The default train length over test length of {@link #byCount}. */
  public static final double DEFAULT_TRAIN_TEST_RATIO = 3.0;

  /** The most windows a plan may have. */
  public static final int MAX_WINDOWS = 100;

  private WindowPlan() {}

  /**
   * {@code windows} test parts of equal length (the last takes the remainder) after a first train
   * part {@code trainTestRatio} times as long; rolling train parts keep that length, anchored ones
   * start at bar 0.
   */
  public static List<WalkForwardWindow> byCount(
      int bars, WindowMode mode, int windows, double trainTestRatio, int gapBars) {
    throw new UnsupportedOperationException("skeleton: built by the walk-forward lane");
  }

  /** Train and test parts of the given lengths in bars, as many windows as fit. */
  public static List<WalkForwardWindow> byLengths(
      int bars, WindowMode mode, int trainBars, int testBars, int gapBars) {
    throw new UnsupportedOperationException("skeleton: built by the walk-forward lane");
  }

  /**
   * Train and test parts of the given calendar lengths, measured on {@code times} (epoch ms) in
   * {@code zone}, as many windows as fit.
   */
  public static List<WalkForwardWindow> byPeriods(
      long[] times, ZoneId zone, WindowMode mode, Period train, Period test, int gapBars) {
    throw new UnsupportedOperationException("skeleton: built by the walk-forward lane");
  }
}
