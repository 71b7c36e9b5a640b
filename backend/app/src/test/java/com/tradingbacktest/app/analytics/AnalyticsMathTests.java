package com.tradingbacktest.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.metrics.Metrics;
import com.tradingbacktest.engine.metrics.MetricsInput;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every computation of {@link AnalyticsMath} on cases small enough to work out by hand. */
class AnalyticsMathTests {

  private static final double EPS = 1e-12;
  private static final double NaN = Double.NaN;

  @Test
  void lastBarOfEachDayCountsDaysInTheGivenZone() {
    long[] times = {
      at("2013-01-02T14:30:00Z"),
      at("2013-01-02T20:30:00Z"), // Jan 2 in New York and in UTC
      at("2013-01-03T04:00:00Z"), // 23:00 on Jan 2 in New York, Jan 3 in UTC
      at("2013-01-03T15:30:00Z"),
      at("2013-01-07T15:30:00Z")
    };

    assertThat(AnalyticsMath.lastBarOfEachDay(times, ZoneId.of("America/New_York")))
        .containsExactly(2, 3, 4);
    assertThat(AnalyticsMath.lastBarOfEachDay(times, ZoneOffset.UTC)).containsExactly(1, 3, 4);
    assertThat(AnalyticsMath.lastBarOfEachDay(new long[0], ZoneOffset.UTC)).isEmpty();
    assertThat(AnalyticsMath.epochDay(times[2], ZoneId.of("America/New_York")))
        .isEqualTo(LocalDate.of(2013, 1, 2).toEpochDay());
  }

  @Test
  void simpleReturnsAreUndefinedOnEquityAtOrBelowZero() {
    assertThat(AnalyticsMath.simpleReturns(new double[] {100, 110, 99, 0, 5}))
        .containsExactly(new double[] {0.1, -0.1, -1, NaN}, within(EPS));
    assertThat(AnalyticsMath.simpleReturns(new double[] {100})).isEmpty();
  }

  @Test
  void rollingSharpeOfWindowsWorkedOutByHand() {
    // Window 2, 4 periods a year (sqrt = 2):
    // [0.01, 0.03]: mean 0.02, sd sqrt(0.0002)   -> 0.02 / 0.014142 * 2 = 2 sqrt(2)
    // [0.03, -0.01]: mean 0.01, sd sqrt(0.0008)  -> 0.01 / 0.028284 * 2 = 1 / sqrt(2)
    // [-0.01, 0.02]: mean 0.005, sd sqrt(0.00045) -> 0.005 / 0.021213 * 2 = sqrt(2) / 3
    double[] sharpe = AnalyticsMath.rollingSharpe(new double[] {0.01, 0.03, -0.01, 0.02}, 2, 4, 0);

    assertThat(sharpe)
        .containsExactly(
            new double[] {2 * Math.sqrt(2), 1 / Math.sqrt(2), Math.sqrt(2) / 3}, within(1e-9));
  }

  @Test
  void rollingSharpeSubtractsTheRiskFreeRateCompoundedDownToOnePeriod() {
    // 1.01^4 - 1 a year is 1% a period: [0.01, 0.03] -> (0.02 - 0.01) / sqrt(0.0002) * 2 = sqrt(2).
    double[] sharpe =
        AnalyticsMath.rollingSharpe(new double[] {0.01, 0.03}, 2, 4, Math.pow(1.01, 4) - 1);

    assertThat(sharpe).containsExactly(new double[] {Math.sqrt(2)}, within(1e-9));
  }

  @Test
  void rollingSharpeIsUndefinedForAFlatWindowOrOneWithAnUndefinedReturn() {
    double[] sharpe =
        AnalyticsMath.rollingSharpe(new double[] {0.01, 0.01, 0.01, 0.02, NaN, 0.01}, 3, 252, 0);

    assertThat(sharpe).hasSize(4);
    assertThat(sharpe[0]).isNaN(); // 0.01 0.01 0.01
    assertThat(sharpe[1]).isFinite(); // 0.01 0.01 0.02
    assertThat(sharpe[2]).isNaN();
    assertThat(sharpe[3]).isNaN();
    assertThat(AnalyticsMath.rollingSharpe(new double[] {0.01, 0.02}, 3, 252, 0)).isEmpty();
    assertThatThrownBy(() -> AnalyticsMath.rollingSharpe(new double[] {0.01}, 1, 252, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rollingSharpeOverTheWholeRunIsTheEnginesSharpeRatio() {
    double[] equity = {10_000, 10_100, 10_050, 10_300, 10_250, 10_400, 10_200, 10_500};
    long[] times = new long[equity.length];
    for (int i = 0; i < times.length; i++) {
      times[i] = at("2013-01-02T14:30:00Z") + i * 86_400_000L;
    }
    var metrics =
        Metrics.compute(
            new MetricsInput(
                times,
                equity,
                equity,
                new boolean[equity.length],
                List.of(),
                0,
                10_000,
                MarketCalendar.STOCK,
                Interval.D1,
                ZoneId.of("America/New_York"),
                0.02));

    double[] sharpe =
        AnalyticsMath.rollingSharpe(
            AnalyticsMath.simpleReturns(equity), equity.length - 1, 252, 0.02);

    assertThat(sharpe).hasSize(1);
    assertThat(sharpe[0]).isCloseTo(metrics.sharpeRatio(), within(1e-9));
  }

  @Test
  void histogramSplitsTheRangeIntoEqualBinsWithTheTopEdgeInTheLastBin() {
    // Bins of 0.02 from -0.02 to 0.04: [-0.02, 0) [0, 0.02) [0.02, 0.04].
    AnalyticsMath.Histogram h =
        AnalyticsMath.histogram(new double[] {0.01, -0.02, 0.04, 0, NaN, -0.01, 0.02}, 3);

    assertThat(h.edges()).containsExactly(new double[] {-0.02, 0, 0.02, 0.04}, within(EPS));
    assertThat(h.counts()).containsExactly(2, 2, 2);
    assertThat(h.total()).isEqualTo(6);
  }

  @Test
  void histogramOfEqualValuesCentresThemAndOfNothingHasNoBins() {
    AnalyticsMath.Histogram flat = AnalyticsMath.histogram(new double[] {0.01, 0.01, 0.01}, 2);
    assertThat(flat.edges()).containsExactly(new double[] {0.0095, 0.01, 0.0105}, within(EPS));
    assertThat(flat.counts()).containsExactly(0, 3);

    AnalyticsMath.Histogram empty = AnalyticsMath.histogram(new double[] {NaN}, 30);
    assertThat(empty.edges()).isEmpty();
    assertThat(empty.counts()).isEmpty();
    assertThat(empty.total()).isZero();
  }

  @Test
  void correlationIsOneForProportionalSeriesMinusOneForOpposedOnesAndWorkedOutOtherwise() {
    assertThat(AnalyticsMath.correlation(new double[] {1, 2, 3, 4}, new double[] {2, 4, 6, 8}))
        .isCloseTo(1, within(EPS));
    assertThat(AnalyticsMath.correlation(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1}))
        .isCloseTo(-1, within(EPS));
    // Means 2 and 2; products (-1)(-1) + 0 + (1)(0) = 1; squares 2 and 2: 1 / sqrt(4) = 0.5.
    assertThat(AnalyticsMath.correlation(new double[] {1, 2, 3}, new double[] {1, 3, 2}))
        .isCloseTo(0.5, within(EPS));
  }

  @Test
  void correlationIsUndefinedWithoutTwoPairsOrWithoutVariation() {
    assertThat(AnalyticsMath.correlation(new double[] {1}, new double[] {2})).isNaN();
    assertThat(AnalyticsMath.correlation(new double[] {1, 2, 3}, new double[] {5, 5, 5})).isNaN();
    assertThatThrownBy(() -> AnalyticsMath.correlation(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void returnsOnCommonDaysAreMeasuredBetweenTheDaysBothCurvesHave() {
    // Common days 2, 3 and 5: A goes 110 -> 121 -> 133.1 over them (day 4 skipped), B 50 -> 40 ->
    // 60.
    double[][] pairs =
        AnalyticsMath.returnsOnCommonDays(
            new long[] {1, 2, 3, 4, 5}, new double[] {100, 110, 121, 999, 133.1},
            new long[] {2, 3, 5, 6}, new double[] {50, 40, 60, 70});

    assertThat(pairs[0]).containsExactly(new double[] {0.1, 0.1}, within(1e-9));
    assertThat(pairs[1]).containsExactly(new double[] {-0.2, 0.5}, within(1e-9));
  }

  @Test
  void correlationMatrixOfDailyReturns() {
    long[] days = {10, 11, 12, 13};
    double[] a = {100, 110, 99, 108.9}; // +10%, -10%, +10%
    double[] doubled = {200, 220, 198, 217.8}; // the same returns
    double[] opposite = {100, 90, 99, 89.1}; // -10%, +10%, -10%
    double[] flat = {100, 100, 100, 100};

    AnalyticsMath.Correlations c =
        AnalyticsMath.correlations(
            new long[][] {days, days, days, days, {12, 20}},
            new double[][] {a, doubled, opposite, flat, {100, 120}});

    assertThat(c.values()[0][0]).isCloseTo(1, within(EPS));
    assertThat(c.values()[0][1]).isCloseTo(1, within(EPS));
    assertThat(c.values()[1][0]).isCloseTo(1, within(EPS));
    assertThat(c.values()[0][2]).isCloseTo(-1, within(EPS));
    assertThat(c.values()[1][2]).isCloseTo(-1, within(EPS));
    assertThat(c.values()[0][3]).isNaN();
    assertThat(c.values()[3][3]).isNaN();
    assertThat(c.overlaps()[0][1]).isEqualTo(3);
    assertThat(c.values()[0][4]).isNaN(); // one common day: no return at all
    assertThat(c.overlaps()[0][4]).isZero();
    assertThat(c.overlaps()[4][4]).isEqualTo(1);
  }

  @Test
  void rebasingPutsCurvesOnTheUnionOfDaysCarryingValuesOnlyInsideEachSpan() {
    AnalyticsMath.Rebased rebased =
        AnalyticsMath.rebase(
            new long[][] {{10, 11, 13}, {11, 12, 13, 14}},
            new double[][] {{200, 210, 190}, {50, 55, 45, 60}});

    assertThat(rebased.days()).containsExactly(10, 11, 12, 13, 14);
    assertThat(rebased.values()[0])
        .containsExactly(new double[] {100, 105, 105, 95, NaN}, within(EPS));
    assertThat(rebased.values()[1])
        .containsExactly(new double[] {NaN, 100, 110, 90, 120}, within(EPS));
  }

  @Test
  void aCurveStartingAtOrBelowZeroCannotBeRebased() {
    AnalyticsMath.Rebased rebased =
        AnalyticsMath.rebase(new long[][] {{1, 2}}, new double[][] {{0, 10}});

    assertThat(rebased.values()[0]).containsExactly(NaN, NaN);
  }

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }
}
