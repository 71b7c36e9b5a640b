package com.tradingbacktest.engine.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowPlanTests {

  private static WalkForwardWindow w(int n, int trainFrom, int trainTo, int testFrom, int testTo) {
    return new WalkForwardWindow(n, trainFrom, trainTo, testFrom, testTo);
  }

  @Test
  void fourRollingWindowsOfThreeTimesTrainOverAHundredBars() {
    // Test length floor(100 / (4 + 3)) = 14, train 3 x 14 = 42; 42 + 4 x 14 = 98, so the last test
    // part takes the 2 bars left over.
    assertThat(WindowPlan.byCount(100, WindowMode.ROLLING, 4, 3, 0))
        .containsExactly(
            w(1, 0, 42, 42, 56), w(2, 14, 56, 56, 70), w(3, 28, 70, 70, 84), w(4, 42, 84, 84, 100));
  }

  @Test
  void anchoredTrainPartsStartAtTheFirstBar() {
    assertThat(WindowPlan.byCount(100, WindowMode.ANCHORED, 4, 3, 0))
        .containsExactly(
            w(1, 0, 42, 42, 56), w(2, 0, 56, 56, 70), w(3, 0, 70, 70, 84), w(4, 0, 84, 84, 100));
  }

  @Test
  void aGapSeparatesEachTrainPartFromItsTestPart() {
    // floor((100 - 2) / 7) = 14: train 42, gap 2, tests from 44 tile to the end.
    assertThat(WindowPlan.byCount(100, WindowMode.ROLLING, 4, 3, 2))
        .containsExactly(
            w(1, 0, 42, 44, 58), w(2, 14, 56, 58, 72), w(3, 28, 70, 72, 86), w(4, 42, 84, 86, 100));
  }

  @Test
  void aRatioBelowOneMakesShortTrainParts() {
    // floor(50 / 5.5) = 9, train round(4.5) = 5 (half up): 5 + 45 = 50.
    assertThat(WindowPlan.byCount(50, WindowMode.ROLLING, 5, 0.5, 0))
        .first()
        .isEqualTo(w(1, 0, 5, 5, 14));
  }

  @Test
  void tooFewBarsForTheWindowsNamesWhatTheyNeed() {
    assertThatThrownBy(() -> WindowPlan.byCount(12, WindowMode.ROLLING, 10, 3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("10 windows of 3x train need at least 13 bars; the range has 12");
    assertThatThrownBy(() -> WindowPlan.byCount(14, WindowMode.ROLLING, 10, 3, 2))
        .hasMessage(
            "10 windows of 3x train and a gap of 2 bars need at least 15 bars; the range has 14");
  }

  @Test
  void rejectsCountsRatiosAndGapsOutOfRange() {
    assertThatThrownBy(() -> WindowPlan.byCount(1000, WindowMode.ROLLING, 0, 3, 0))
        .hasMessage("the window count must be from 1 to 100, got 0");
    assertThatThrownBy(() -> WindowPlan.byCount(100_000, WindowMode.ROLLING, 101, 3, 0))
        .hasMessage("the window count must be from 1 to 100, got 101");
    assertThatThrownBy(() -> WindowPlan.byCount(1000, WindowMode.ROLLING, 5, 0, 0))
        .hasMessage("the train/test ratio must be above 0 and at most 20, got 0.0");
    assertThatThrownBy(() -> WindowPlan.byCount(1000, WindowMode.ROLLING, 5, Double.NaN, 0))
        .hasMessageStartingWith("the train/test ratio must be above 0");
    assertThatThrownBy(() -> WindowPlan.byCount(1000, WindowMode.ROLLING, 5, 3, -1))
        .hasMessage("the gap must be from 0 to 10000 bars, got -1");
  }

  @Test
  void byLengthsLeavesTheBarsThatFillNoTestPartOutAtTheStart() {
    // 100 - 30 = 70 bars after a train part: 3 test parts of 20, 10 bars left over.
    assertThat(WindowPlan.byLengths(100, WindowMode.ROLLING, 30, 20, 0))
        .containsExactly(w(1, 10, 40, 40, 60), w(2, 30, 60, 60, 80), w(3, 50, 80, 80, 100));
    assertThat(WindowPlan.byLengths(100, WindowMode.ANCHORED, 30, 20, 0))
        .containsExactly(w(1, 0, 40, 40, 60), w(2, 0, 60, 60, 80), w(3, 0, 80, 80, 100));
  }

  @Test
  void byLengthsRefusesTooManyWindowsAndTooFewBars() {
    assertThatThrownBy(() -> WindowPlan.byLengths(1000, WindowMode.ROLLING, 10, 5, 0))
        .hasMessage(
            "test parts of 5 bars make 198 windows over 1,000 bars; at most 100 are allowed:"
                + " lengthen the test part");
    assertThatThrownBy(() -> WindowPlan.byLengths(40, WindowMode.ROLLING, 30, 20, 0))
        .hasMessage(
            "a train part of 30 bars and a test part of 20 need at least 50 bars; the range has"
                + " 40");
    assertThatThrownBy(() -> WindowPlan.byLengths(40, WindowMode.ROLLING, 0, 20, 0))
        .hasMessage("train and test parts need at least one bar each, got 0 and 20");
  }

  /** Daily bars every day from 2020-01-01 to 2022-12-31: 1,096 of them (2020 is a leap year). */
  private static long[] days2020To2022() {
    long first = LocalDate.of(2020, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long[] times = new long[1096];
    for (int i = 0; i < times.length; i++) {
      times[i] = first + i * Walks.DAY;
    }
    return times;
  }

  @Test
  void byPeriodsCutsAtCalendarDates() {
    // Train 2020 (366 bars); tests from 2021-01-01 every six months: 2021-07-01 is bar 547,
    // 2022-01-01 bar 731, 2022-07-01 bar 912; the last part ends at the last bar. A rolling train
    // part holds the year before its end: 2020-07-01 is bar 182.
    List<WalkForwardWindow> plan =
        WindowPlan.byPeriods(
            days2020To2022(),
            ZoneOffset.UTC,
            WindowMode.ROLLING,
            Period.ofYears(1),
            Period.ofMonths(6),
            0);
    assertThat(plan)
        .containsExactly(
            w(1, 0, 366, 366, 547),
            w(2, 182, 547, 547, 731),
            w(3, 366, 731, 731, 912),
            w(4, 547, 912, 912, 1096));
  }

  @Test
  void byPeriodsCountsDatesInTheZone() {
    // Daily bars at 20:00 UTC from 2021-03-30. A month after the first bar is 2021-04-30T20:00Z in
    // UTC (bar 31), but in Seoul the first bar is 2021-03-31 05:00 and a month later is 2021-04-30
    // 05:00 there, 2021-04-29T20:00Z (bar 30).
    long first = LocalDate.of(2021, 3, 30).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long[] times = new long[100];
    for (int i = 0; i < times.length; i++) {
      times[i] = first + i * Walks.DAY + 20 * 3_600_000L;
    }
    Period month = Period.ofMonths(1);
    assertThat(
            WindowPlan.byPeriods(times, ZoneOffset.UTC, WindowMode.ANCHORED, month, month, 0)
                .get(0))
        .isEqualTo(w(1, 0, 31, 31, 61));
    assertThat(
            WindowPlan.byPeriods(
                    times, ZoneId.of("Asia/Seoul"), WindowMode.ANCHORED, month, month, 0)
                .get(0))
        .isEqualTo(w(1, 0, 30, 30, 60));
  }

  @Test
  void byPeriodsNamesARangeTooShortForItsTrainPart() {
    assertThatThrownBy(
            () ->
                WindowPlan.byPeriods(
                    days2020To2022(),
                    ZoneOffset.UTC,
                    WindowMode.ROLLING,
                    Period.ofYears(3),
                    Period.ofMonths(6),
                    0))
        .hasMessage(
            "a train part of P3Y leaves no bar to test: the range has 1,096 bars from"
                + " 2020-01-01T00:00:00Z to 2022-12-31T00:00:00Z");
    assertThatThrownBy(
            () ->
                WindowPlan.byPeriods(
                    days2020To2022(),
                    ZoneOffset.UTC,
                    WindowMode.ROLLING,
                    Period.ofMonths(1),
                    Period.ofDays(7),
                    0))
        .hasMessage(
            "test parts of P7D make more than 100 windows over 1,096 bars: lengthen the test part");
    assertThatThrownBy(
            () ->
                WindowPlan.byPeriods(
                    days2020To2022(),
                    ZoneOffset.UTC,
                    WindowMode.ROLLING,
                    Period.ZERO,
                    Period.ofDays(7),
                    0))
        .hasMessage("the train period must be positive, got P0D");
  }

  @Test
  void parsesModesByTheirJsonNames() {
    assertThat(WindowMode.parse(" Rolling ")).isEqualTo(WindowMode.ROLLING);
    assertThat(WindowMode.parse("anchored")).isEqualTo(WindowMode.ANCHORED);
    assertThatThrownBy(() -> WindowMode.parse("expanding"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown window mode 'expanding'; use one of rolling, anchored");
  }
}
