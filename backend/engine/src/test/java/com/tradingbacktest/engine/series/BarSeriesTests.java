package com.tradingbacktest.engine.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BarSeriesTests {

  private static final long DAY = 86_400_000L;

  @Test
  void acceptsValidBars() {
    BarSeries bars =
        series(
            new long[] {0, DAY},
            new double[] {10, 11},
            new double[] {12, 12},
            new double[] {9, 10},
            new double[] {11, 11.5});

    assertThat(bars.size()).isEqualTo(2);
    assertThat(bars.close()).containsExactly(11, 11.5);
  }

  @Test
  void reportsEveryBadBarWithItsIndexAndReason() {
    InvalidBarSeriesException e =
        catchThrowableOfType(
            InvalidBarSeriesException.class,
            () ->
                series(
                    new long[] {0, DAY, DAY, 3 * DAY, 2 * DAY},
                    new double[] {10, 10, 10, 10, 10},
                    new double[] {12, 9, 12, 12, 12}, // bar 1: high below open
                    new double[] {9, 9, 11, 9, 9}, // bar 2: low above open
                    new double[] {11, 9.5, 11.5, 11, 11}));

    assertThat(e.problems()).extracting(BarSeries.BarProblem::index).containsExactly(1, 2, 4);
    assertThat(e.problems().get(0).message()).isEqualTo("high 9.0 is below max(open, close) 10.0");
    assertThat(e.problems().get(1).message()).startsWith("low 11.0 is above min(open, close) 10.0");
    assertThat(e.problems().get(2).message()).contains("is before the previous bar's");
    assertThat(e.getMessage()).startsWith("3 invalid bar(s) in T: bar 1 (1970-01-02T00:00:00Z)");
  }

  @Test
  void rejectsDuplicateTimesAndNonFinitePrices() {
    InvalidBarSeriesException e =
        catchThrowableOfType(
            InvalidBarSeriesException.class,
            () ->
                series(
                    new long[] {0, 0, DAY},
                    new double[] {10, 10, Double.NaN},
                    new double[] {12, 12, 12},
                    new double[] {9, 9, 9},
                    new double[] {11, 11, 11}));

    assertThat(e.problems())
        .extracting(BarSeries.BarProblem::message)
        .containsExactly(
            "duplicate time 1970-01-01T00:00:00Z",
            "open, high, low and close must be finite numbers");
  }

  @Test
  void rejectsColumnsOfDifferentLengths() {
    assertThatThrownBy(
            () ->
                series(
                    new long[] {0},
                    new double[] {1, 2},
                    new double[] {1},
                    new double[] {1},
                    new double[] {1}))
        .hasMessageContaining("same length");
  }

  @Test
  void annualisesByCalendarAndInterval() {
    assertThat(MarketCalendar.STOCK.barsPerYear(Interval.D1)).isEqualTo(252);
    assertThat(MarketCalendar.CRYPTO.barsPerYear(Interval.D1)).isEqualTo(365);
    assertThat(MarketCalendar.CRYPTO.barsPerYear(Interval.H1)).isEqualTo(365 * 24);
    assertThat(MarketCalendar.STOCK.barsPerYear(Interval.M5))
        .isEqualTo(252 * 78); // 390 minutes / 5
    assertThat(MarketCalendar.STOCK.barsPerYear(Interval.W1)).isEqualTo(52);
    assertThat(MarketCalendar.STOCK.barsPerYear(Interval.H1))
        .isEqualTo(252 * 7); // 09:30 .. 15:30 starts
    assertThat(MarketCalendar.STOCK.barsPerYear(Interval.H4)).isEqualTo(252 * 2);
  }

  @Test
  void knowsItsIntervalCodes() {
    assertThat(Interval.fromCode("15m")).isEqualTo(Interval.M15);
    assertThat(Interval.H4.isMultipleOf(Interval.H1)).isTrue();
    assertThat(Interval.H1.isMultipleOf(Interval.H4)).isFalse();
    assertThatThrownBy(() -> Interval.fromCode("2h")).hasMessageContaining("use one of 1m, 5m");
  }

  private static BarSeries series(long[] t, double[] o, double[] h, double[] l, double[] c) {
    return BarSeries.of(
        "T",
        Interval.D1,
        MarketCalendar.STOCK,
        ZoneOffset.UTC,
        t,
        o,
        h,
        l,
        c,
        new double[t.length]);
  }

  @Test
  void theBuyAndHoldReceivesTheDividendsAsCashFromTheSecondBar() {
    BarSeries bars =
        series(
                new long[] {0, DAY, 2 * DAY, 3 * DAY},
                new double[] {100, 100, 110, 105},
                new double[] {100, 100, 110, 105},
                new double[] {100, 100, 110, 105},
                new double[] {100, 100, 110, 105})
            .withEvents(new BarEvents(new double[] {3, 5, 0, 2}, null));

    double[] equity = bars.buyAndHoldEquity(1000);

    // 10 shares bought at the first close: its own ex-date's dividend is not theirs.
    assertThat(equity).containsExactly(1000, 1050, 1150, 1120);
    assertThat(bars.buyAndHoldEquity(1000)).isSameAs(equity);
    assertThat(bars.withEvents(BarEvents.NONE).buyAndHoldEquity(1000))
        .containsExactly(1000, 1000, 1100, 1050);
    assertThatThrownBy(() -> BarSeries.buyAndHoldEquity(new double[] {1}, new double[2], 1))
        .hasMessage("2 dividends for 1 closes");
  }
}
