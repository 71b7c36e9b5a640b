package com.tradingbacktest.engine.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Whatever the plan, its test parts tile the bars after the first train part. */
class WindowPlanPropertyTests {

  @Property(tries = 500)
  void byCountTilesTheBarsAfterTheFirstTrainPart(
      @ForAll @IntRange(min = 1, max = 5000) int bars,
      @ForAll WindowMode mode,
      @ForAll @IntRange(min = 1, max = 100) int windows,
      @ForAll @DoubleRange(min = 0.05, max = 20) double ratio,
      @ForAll @IntRange(min = 0, max = 50) int gap) {
    List<WalkForwardWindow> plan;
    try {
      plan = WindowPlan.byCount(bars, mode, windows, ratio, gap);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).contains("need at least").contains("the range has " + bars);
      return;
    }
    assertThat(plan).hasSize(windows);
    checkTiling(plan, bars, mode, gap);
    int test = plan.get(0).testTo() - plan.get(0).testFrom();
    for (int k = 0; k + 1 < plan.size(); k++) {
      assertThat(plan.get(k).testTo() - plan.get(k).testFrom()).isEqualTo(test);
    }
    assertThat(plan.get(plan.size() - 1).testTo() - plan.get(plan.size() - 1).testFrom())
        .isGreaterThanOrEqualTo(test);
  }

  /**
   * The case the property once found: the estimate (15 - 8) / (1 + 6.01) floors to 0 although one
   * test bar after a train part of 6 and the gap fits exactly; the plan had an empty train part.
   */
  @Example
  void aRangeWhoseEstimateFloorsToNothingStillGetsTheShortestPartsThatFit() {
    List<WalkForwardWindow> plan = WindowPlan.byCount(15, WindowMode.ROLLING, 1, 6.01, 8);

    assertThat(plan).containsExactly(new WalkForwardWindow(1, 0, 6, 14, 15));
  }

  /** Every small plan, exhaustively: the tiling holds and every part has bars. */
  @Example
  void everySmallPlanByCountTilesOrIsRefused() {
    double[] ratios = {0.05, 0.5, 1, 2.5, 3, 6.01, 19.99, 20};
    for (int bars = 1; bars <= 200; bars++) {
      for (WindowMode mode : WindowMode.values()) {
        for (int windows = 1; windows <= 8; windows++) {
          for (double ratio : ratios) {
            for (int gap : new int[] {0, 1, 8}) {
              List<WalkForwardWindow> plan;
              try {
                plan = WindowPlan.byCount(bars, mode, windows, ratio, gap);
              } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).contains("need at least");
                continue;
              }
              assertThat(plan).hasSize(windows);
              checkTiling(plan, bars, mode, gap);
              for (WalkForwardWindow w : plan) {
                assertThat(w.trainTo()).as("%s", w).isGreaterThan(w.trainFrom());
                assertThat(w.testTo()).as("%s", w).isGreaterThan(w.testFrom());
              }
            }
          }
        }
      }
    }
  }

  @Property(tries = 500)
  void byLengthsTilesTheBarsAfterTheFirstTrainPart(
      @ForAll @IntRange(min = 1, max = 5000) int bars,
      @ForAll WindowMode mode,
      @ForAll @IntRange(min = 1, max = 1000) int train,
      @ForAll @IntRange(min = 1, max = 500) int test,
      @ForAll @IntRange(min = 0, max = 50) int gap) {
    List<WalkForwardWindow> plan;
    try {
      plan = WindowPlan.byLengths(bars, mode, train, test, gap);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).containsAnyOf("need at least", "at most 100 are allowed");
      return;
    }
    assertThat(plan).hasSizeBetween(1, WindowPlan.MAX_WINDOWS);
    checkTiling(plan, bars, mode, gap);
    for (WalkForwardWindow w : plan) {
      assertThat(w.testTo() - w.testFrom()).isEqualTo(test);
      if (mode == WindowMode.ROLLING) {
        assertThat(w.trainTo() - w.trainFrom()).isEqualTo(train);
      }
    }
  }

  @Property(tries = 300)
  void byPeriodsTilesTheBarsAfterTheFirstTrainPart(
      @ForAll @IntRange(min = 1, max = 3000) int bars,
      @ForAll boolean weekdaysOnly,
      @ForAll WindowMode mode,
      @ForAll @IntRange(min = 1, max = 36) int trainMonths,
      @ForAll @IntRange(min = 1, max = 400) int testDays,
      @ForAll @IntRange(min = 0, max = 20) int gap) {
    long[] times = new long[bars];
    long day = Walks.START;
    for (int i = 0; i < bars; i++) {
      // 2024-01-01 is a Monday: skip Saturdays and Sundays when asked.
      while (weekdaysOnly && Math.floorMod((day - Walks.START) / Walks.DAY, 7) >= 5) {
        day += Walks.DAY;
      }
      times[i] = day;
      day += Walks.DAY;
    }
    List<WalkForwardWindow> plan;
    try {
      plan =
          WindowPlan.byPeriods(
              times,
              java.time.ZoneOffset.UTC,
              mode,
              java.time.Period.ofMonths(trainMonths),
              java.time.Period.ofDays(testDays),
              gap);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).containsAnyOf("leaves no bar to test", "more than 100 windows");
      return;
    }
    assertThat(plan).hasSizeBetween(1, WindowPlan.MAX_WINDOWS);
    checkTiling(plan, bars, mode, gap, false);
    assertThat(times[plan.get(0).trainTo() - 1] - times[0])
        .as("the first train part stays within its period")
        .isLessThan((long) trainMonths * 31 * Walks.DAY);
  }

  /**
   * Numbered from 1; test parts non-empty, contiguous, in order, covering {@code [first test start,
   * bars)}; each train part non-empty and ending {@code gap} bars before its test part; anchored
   * ones from bar 0, rolling ones all of one length.
   */
  static void checkTiling(List<WalkForwardWindow> plan, int bars, WindowMode mode, int gap) {
    checkTiling(plan, bars, mode, gap, true);
  }

  static void checkTiling(
      List<WalkForwardWindow> plan, int bars, WindowMode mode, int gap, boolean equalTrains) {
    WalkForwardWindow first = plan.get(0);
    assertThat(first.trainTo() + gap).isEqualTo(first.testFrom());
    assertThat(plan.get(plan.size() - 1).testTo()).isEqualTo(bars);
    int trainLength = first.trainTo() - first.trainFrom();
    for (int k = 0; k < plan.size(); k++) {
      WalkForwardWindow w = plan.get(k);
      assertThat(w.number()).isEqualTo(k + 1);
      assertThat(w.trainFrom()).isGreaterThanOrEqualTo(0);
      assertThat(w.trainFrom()).isLessThan(w.trainTo());
      assertThat(w.testFrom()).isLessThan(w.testTo());
      assertThat(w.testFrom() - w.trainTo()).isEqualTo(gap);
      if (k > 0) {
        assertThat(w.testFrom()).isEqualTo(plan.get(k - 1).testTo());
      }
      if (mode == WindowMode.ANCHORED) {
        assertThat(w.trainFrom()).isZero();
      } else if (equalTrains) {
        assertThat(w.trainTo() - w.trainFrom()).isEqualTo(trainLength);
      }
    }
  }
}
