package com.tradingbacktest.engine.metrics;

import static com.tradingbacktest.engine.metrics.Inputs.SEOUL;
import static com.tradingbacktest.engine.metrics.Inputs.UTC;
import static com.tradingbacktest.engine.metrics.Inputs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Monthly and yearly returns: month-end equity, counted in the run's zone. */
class PeriodReturnsTests {

  private static final double EPS = 1e-12;

  @Test
  void aMonthBoundaryFallsOnADifferentBarInSeoulThanInUtc() {
    // 2024-01-30T16:00Z is Jan 30 in UTC and Jan 31 01:00 in Seoul;
    // 2024-01-31T16:00Z is Jan 31 in UTC and Feb 1 01:00 in Seoul;
    // 2024-02-01T16:00Z is Feb 1 in UTC and Feb 2 01:00 in Seoul. Equity 100, 110, 121 on capital
    // 100.
    Inputs in =
        Inputs.equity(100, 110, 121)
            .times(
                at("2024-01-30T16:00:00Z"), at("2024-01-31T16:00:00Z"), at("2024-02-01T16:00:00Z"));

    // UTC: January ends at 110 (+10%), February 121 / 110 - 1 = +10%
    List<MonthlyReturn> utc = in.zone(UTC).compute().monthlyReturns();
    assertThat(utc)
        .extracting(MonthlyReturn::year, MonthlyReturn::month)
        .containsExactly(tuple(2024, 1), tuple(2024, 2));
    assertThat(utc.get(0).value()).isCloseTo(0.1, within(EPS));
    assertThat(utc.get(1).value()).isCloseTo(0.1, within(EPS));

    // Seoul: January ends at 100 (0%), February 121 / 100 - 1 = +21%
    List<MonthlyReturn> seoul = in.zone(SEOUL).compute().monthlyReturns();
    assertThat(seoul)
        .extracting(MonthlyReturn::year, MonthlyReturn::month)
        .containsExactly(tuple(2024, 1), tuple(2024, 2));
    assertThat(seoul.get(0).value()).isCloseTo(0.0, within(EPS));
    assertThat(seoul.get(1).value()).isCloseTo(0.21, within(EPS));
  }

  @Test
  void aYearBoundaryFallsOnADifferentBarInSeoulThanInUtc() {
    // 2023-12-30T15:30Z = Dec 30 UTC = Dec 31 00:30 Seoul
    // 2023-12-31T15:30Z = Dec 31 UTC = Jan 1 00:30 Seoul
    // 2024-01-01T15:30Z = Jan 1 UTC  = Jan 2 00:30 Seoul. Equity 100, 90, 99 on capital 100.
    Inputs in =
        Inputs.equity(100, 90, 99)
            .times(
                at("2023-12-30T15:30:00Z"), at("2023-12-31T15:30:00Z"), at("2024-01-01T15:30:00Z"));

    // UTC: 2023 ends at 90 (-10%); 2024: 99 / 90 - 1 = +10%
    PerformanceMetrics utc = in.zone(UTC).compute();
    assertThat(utc.yearlyReturns()).extracting(YearlyReturn::year).containsExactly(2023, 2024);
    assertThat(utc.yearlyReturns().get(0).value()).isCloseTo(-0.1, within(EPS));
    assertThat(utc.yearlyReturns().get(1).value()).isCloseTo(0.1, within(EPS));
    assertThat(utc.monthlyReturns()).extracting(MonthlyReturn::month).containsExactly(12, 1);

    // Seoul: 2023 ends at 100 (0%); 2024: 99 / 100 - 1 = -1%
    PerformanceMetrics seoul = in.zone(SEOUL).compute();
    assertThat(seoul.yearlyReturns()).extracting(YearlyReturn::year).containsExactly(2023, 2024);
    assertThat(seoul.yearlyReturns().get(0).value()).isCloseTo(0.0, within(EPS));
    assertThat(seoul.yearlyReturns().get(1).value()).isCloseTo(-0.01, within(EPS));
  }

  @Test
  void monthsAndYearsFromMonthEndEquityWithAMissingMonth() {
    // capital 100; bars on 2023-11-30 (105), 2023-12-15 (95), 2023-12-31 (110), 2024-01-31 (99),
    // 2024-03-01 (121): no bar in February 2024.
    PerformanceMetrics m =
        Inputs.equity(105, 95, 110, 99, 121)
            .capital(100)
            .times(
                at("2023-11-30T00:00:00Z"),
                at("2023-12-15T00:00:00Z"),
                at("2023-12-31T00:00:00Z"),
                at("2024-01-31T00:00:00Z"),
                at("2024-03-01T00:00:00Z"))
            .compute();

    assertThat(m.monthlyReturns())
        .extracting(MonthlyReturn::year, MonthlyReturn::month)
        .containsExactly(tuple(2023, 11), tuple(2023, 12), tuple(2024, 1), tuple(2024, 3));
    double[] monthly = m.monthlyReturns().stream().mapToDouble(MonthlyReturn::value).toArray();
    assertThat(monthly)
        .containsExactly(
            new double[] {
              0.05, // 105 / 100 - 1 (the first month is measured from the initial capital)
              110.0 / 105
                  - 1, // 0.0476190: the month's last bar, not its first, sets its end equity
              99.0 / 110 - 1, // -0.1
              121.0 / 99 - 1 // 0.2222222: March is measured from January's end
            },
            within(EPS));
    assertThat(m.yearlyReturns())
        .containsExactly(
            new YearlyReturn(2023, 110.0 / 100 - 1), // 0.1
            new YearlyReturn(2024, 121.0 / 110 - 1)); // 0.1
    // compounding the months gives the total: 1.05 x 1.047619 x 0.9 x 1.222222 = 1.21
    assertThat(m.totalReturn()).isCloseTo(0.21, within(EPS));
  }

  @Test
  void usStocksCountMonthsInNewYork() {
    // 2024-04-01T03:00Z is already April in UTC but still 2024-03-31 23:00 in New York (EDT,
    // UTC-4).
    ZoneId ny = ZoneId.of("America/New_York");
    PerformanceMetrics m =
        Inputs.equity(100, 104, 100)
            .times(
                at("2024-03-29T19:00:00Z"), at("2024-04-01T03:00:00Z"), at("2024-04-01T13:30:00Z"))
            .market(MarketCalendar.STOCK, Interval.H1)
            .zone(ny)
            .compute();

    // March ends at 104 (+4%); April: 100 / 104 - 1 = -3.85%
    assertThat(m.monthlyReturns())
        .containsExactly(
            new MonthlyReturn(2024, 3, 104.0 / 100 - 1),
            new MonthlyReturn(2024, 4, 100.0 / 104 - 1));
  }
}
