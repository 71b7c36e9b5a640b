package com.tradingbacktest.engine.robust;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Plans walk-forward windows whose test parts tile the bars after the first train part, in order,
 * without overlap. Every method throws {@link IllegalArgumentException} with a readable message
 * when the bars cannot hold the windows (a train or test part would be empty).
 *
 * <p>The gap: each test part starts {@code gapBars} after its train part ends, and the next test
 * part starts where the one before ends. So the test parts tile {@code [firstTrainEnd + gapBars,
 * bars)}; a window's gap bars are the end of the window before's test part (or, for the first, bars
 * no part uses), never in its own train part.
 */
public final class WindowPlan {

  /** The default train length over test length of {@link #byCount}. */
  public static final double DEFAULT_TRAIN_TEST_RATIO = 3.0;

  /** The most windows a plan may have. */
  public static final int MAX_WINDOWS = 100;

  /** The largest train-to-test ratio {@link #byCount} accepts. */
  public static final double MAX_TRAIN_TEST_RATIO = 20;

  /** The longest gap between a train part and its test part, in bars. */
  public static final int MAX_GAP_BARS = 10_000;

  private WindowPlan() {}

  /**
   * {@code windows} test parts of equal length (the last takes the remainder) after a first train
   * part {@code trainTestRatio} times as long; rolling train parts keep that length, anchored ones
   * start at bar 0.
   *
   * <p>The test length is the longest {@code L} with {@code round(ratio x L) + gapBars + windows x
   * L <= bars}; the first train part is {@code round(ratio x L)} bars.
   */
  public static List<WalkForwardWindow> byCount(
      int bars, WindowMode mode, int windows, double trainTestRatio, int gapBars) {
    Objects.requireNonNull(mode, "mode");
    checkWindows(windows);
    if (!(trainTestRatio > 0) || trainTestRatio > MAX_TRAIN_TEST_RATIO) {
      throw new IllegalArgumentException(
          "the train/test ratio must be above 0 and at most "
              + format(MAX_TRAIN_TEST_RATIO)
              + ", got "
              + trainTestRatio);
    }
    checkGap(gapBars);
    int minTest = 1;
    while (Math.round(trainTestRatio * minTest) < 1) {
      minTest++;
    }
    long needed = Math.round(trainTestRatio * minTest) + gapBars + (long) windows * minTest;
    if (bars < needed) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%d windows of %sx train%s need at least %,d bars; the range has %,d",
              windows,
              format(trainTestRatio),
              gapBars == 0 ? "" : " and a gap of " + gapBars + " bars",
              needed,
              bars));
    }
    // The division is an estimate: the rounding of ratio x L can move the longest L that fits by
    // one
    // either way, and a short range can floor it below the shortest part that fits (found above).
    int test = Math.max(minTest, (int) Math.floor((bars - gapBars) / (windows + trainTestRatio)));
    while (countFits(bars, windows, trainTestRatio, gapBars, test + 1)) {
      test++;
    }
    while (test > minTest && !countFits(bars, windows, trainTestRatio, gapBars, test)) {
      test--;
    }
    int train = (int) Math.round(trainTestRatio * test);
    return tile(bars, mode, train, test, windows, gapBars);
  }

  /** Whether a first train part and {@code windows} test parts of {@code test} bars fit. */
  private static boolean countFits(
      int bars, int windows, double trainTestRatio, int gapBars, int test) {
    return Math.round(trainTestRatio * test) + gapBars + (long) windows * test <= bars;
  }

  /**
   * Train and test parts of the given lengths in bars, as many windows as fit. The test parts end
   * at the last bar; the bars that do not fill a whole test part are left out at the start (a
   * rolling plan) or join the first train part (an anchored plan, whose train parts start at 0).
   */
  public static List<WalkForwardWindow> byLengths(
      int bars, WindowMode mode, int trainBars, int testBars, int gapBars) {
    Objects.requireNonNull(mode, "mode");
    if (trainBars < 1 || testBars < 1) {
      throw new IllegalArgumentException(
          "train and test parts need at least one bar each, got " + trainBars + " and " + testBars);
    }
    checkGap(gapBars);
    long room = (long) bars - trainBars - gapBars;
    if (room < testBars) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "a train part of %,d bars%s and a test part of %,d need at least %,d bars; the range"
                  + " has %,d",
              trainBars,
              gapBars == 0 ? "" : ", a gap of " + gapBars,
              testBars,
              (long) trainBars + gapBars + testBars,
              bars));
    }
    long windows = room / testBars;
    if (windows > MAX_WINDOWS) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "test parts of %,d bars make %,d windows over %,d bars; at most %d are allowed:"
                  + " lengthen the test part",
              testBars,
              windows,
              bars,
              MAX_WINDOWS));
    }
    int unused = (int) (room - windows * testBars);
    List<WalkForwardWindow> plan = new ArrayList<>((int) windows);
    for (int k = 0; k < windows; k++) {
      int testFrom = unused + trainBars + gapBars + k * testBars;
      int trainTo = testFrom - gapBars;
      int trainFrom = mode == WindowMode.ANCHORED ? 0 : trainTo - trainBars;
      plan.add(new WalkForwardWindow(k + 1, trainFrom, trainTo, testFrom, testFrom + testBars));
    }
    return List.copyOf(plan);
  }

  /**
   * Train and test parts of the given calendar lengths, measured on {@code times} (epoch ms) in
   * {@code zone}, as many windows as fit.
   *
   * <p>The first train part holds the bars before {@code times[0] + train}; the test parts start
   * {@code gapBars} later and end every {@code test} from the first test bar's time ({@code start +
   * k x test}, so month ends do not drift); the last test part ends at the last bar, so it may be
   * shorter than {@code test}. A rolling train part holds the bars of the {@code train} before its
   * end (the first one every bar before it).
   */
  public static List<WalkForwardWindow> byPeriods(
      long[] times, ZoneId zone, WindowMode mode, Period train, Period test, int gapBars) {
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(mode, "mode");
    checkPeriod("train", train);
    checkPeriod("test", test);
    checkGap(gapBars);
    int n = times.length;
    if (n == 0) {
      throw new IllegalArgumentException("the range has no bars");
    }
    int firstTrainTo = atOrAfter(times, plus(times[0], zone, train, 1));
    int firstTestFrom = firstTrainTo + gapBars;
    if (firstTestFrom >= n) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "a train part of %s%s leaves no bar to test: the range has %,d bars from %s to %s",
              train,
              gapBars == 0 ? "" : " and a gap of " + gapBars + " bars",
              n,
              Instant.ofEpochMilli(times[0]),
              Instant.ofEpochMilli(times[n - 1])));
    }
    long start = times[firstTestFrom];
    List<Integer> bounds = new ArrayList<>();
    bounds.add(firstTestFrom);
    for (int k = 1; ; k++) {
      int end = atOrAfter(times, plus(start, zone, test, k));
      if (end >= n) {
        break;
      }
      if (end > bounds.get(bounds.size() - 1)) {
        bounds.add(end);
      }
      if (bounds.size() > MAX_WINDOWS) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "test parts of %s make more than %d windows over %,d bars: lengthen the test part",
                test,
                MAX_WINDOWS,
                n));
      }
    }
    bounds.add(n);
    List<WalkForwardWindow> plan = new ArrayList<>(bounds.size() - 1);
    for (int k = 0; k + 1 < bounds.size(); k++) {
      int testFrom = bounds.get(k);
      int trainTo = testFrom - gapBars;
      int trainFrom =
          mode == WindowMode.ANCHORED || k == 0
              ? 0
              : atOrAfter(times, plus(times[trainTo], zone, train, -1));
      if (trainFrom >= trainTo) {
        throw new IllegalArgumentException(
            "the train part of window " + (k + 1) + " (" + train + ") holds no bar");
      }
      plan.add(new WalkForwardWindow(k + 1, trainFrom, trainTo, testFrom, bounds.get(k + 1)));
    }
    return List.copyOf(plan);
  }

  private static List<WalkForwardWindow> tile(
      int bars, WindowMode mode, int train, int test, int windows, int gapBars) {
    List<WalkForwardWindow> plan = new ArrayList<>(windows);
    for (int k = 0; k < windows; k++) {
      int testFrom = train + gapBars + k * test;
      int testTo = k == windows - 1 ? bars : testFrom + test;
      int trainTo = testFrom - gapBars;
      int trainFrom = mode == WindowMode.ANCHORED ? 0 : trainTo - train;
      plan.add(new WalkForwardWindow(k + 1, trainFrom, trainTo, testFrom, testTo));
    }
    return List.copyOf(plan);
  }

  /** {@code time} plus {@code times} x {@code period} in {@code zone}, as epoch ms. */
  private static long plus(long time, ZoneId zone, Period period, int times) {
    return ZonedDateTime.ofInstant(Instant.ofEpochMilli(time), zone)
        .plus(period.multipliedBy(times))
        .toInstant()
        .toEpochMilli();
  }

  /** The first index whose time is at or after {@code time}; {@code times.length} when none. */
  static int atOrAfter(long[] times, long time) {
    int i = Arrays.binarySearch(times, time);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && times[i - 1] == time) {
      i--;
    }
    return i;
  }

  private static void checkWindows(int windows) {
    if (windows < 1 || windows > MAX_WINDOWS) {
      throw new IllegalArgumentException(
          "the window count must be from 1 to " + MAX_WINDOWS + ", got " + windows);
    }
  }

  private static void checkGap(int gapBars) {
    if (gapBars < 0 || gapBars > MAX_GAP_BARS) {
      throw new IllegalArgumentException(
          "the gap must be from 0 to " + MAX_GAP_BARS + " bars, got " + gapBars);
    }
  }

  private static void checkPeriod(String part, Period period) {
    Objects.requireNonNull(period, part);
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("the " + part + " period must be positive, got " + period);
    }
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
