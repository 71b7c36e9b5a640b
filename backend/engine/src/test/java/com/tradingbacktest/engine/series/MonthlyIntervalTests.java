package com.tradingbacktest.engine.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code 1M} interval: its code, calendar arithmetic, resampling and monthly files. */
class MonthlyIntervalTests {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  private static long midnight(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toInstant().toEpochMilli();
  }

  @Test
  void codesAreCaseSensitive() {
    assertThat(Interval.fromCode("1M")).isEqualTo(Interval.MN1);
    assertThat(Interval.fromCode("1m")).isEqualTo(Interval.M1);
    assertThat(Interval.MN1.code()).isEqualTo("1M");
    assertThat(Interval.MN1.isIntraday()).isFalse();
  }

  @Test
  void aMonthIsMadeOfDaysAndWhatDividesThemNeverOfWeeks() {
    assertThat(Interval.MN1.isMultipleOf(Interval.D1)).isTrue();
    assertThat(Interval.MN1.isMultipleOf(Interval.H4)).isTrue();
    assertThat(Interval.MN1.isMultipleOf(Interval.M1)).isTrue();
    assertThat(Interval.MN1.isMultipleOf(Interval.MN1)).isTrue();
    assertThat(Interval.MN1.isMultipleOf(Interval.W1)).isFalse();
    assertThat(Interval.W1.isMultipleOf(Interval.MN1)).isFalse();
    assertThat(Interval.D1.isMultipleOf(Interval.MN1)).isFalse();
  }

  @Test
  void endsByTheCalendarOfTheZone() {
    long jan = midnight(LocalDate.of(2024, 1, 1), SEOUL);
    assertThat(Interval.MN1.end(jan, SEOUL)).isEqualTo(midnight(LocalDate.of(2024, 2, 1), SEOUL));
    long feb = midnight(LocalDate.of(2024, 2, 1), SEOUL);
    assertThat(Interval.MN1.end(feb, SEOUL)).isEqualTo(midnight(LocalDate.of(2024, 3, 1), SEOUL));
    // A 23-hour day in New York when the clocks go forward.
    ZoneId ny = ZoneId.of("America/New_York");
    long spring = midnight(LocalDate.of(2024, 3, 10), ny);
    assertThat(Interval.D1.end(spring, ny) - spring).isEqualTo(23 * 3_600_000L);
    assertThat(Interval.H1.end(spring, ny) - spring).isEqualTo(3_600_000L);
  }

  @Test
  void annualisesWithTwelveMonthsAYear() {
    assertThat(MarketCalendar.STOCK.barsPerYear(Interval.MN1)).isEqualTo(12);
    assertThat(MarketCalendar.CRYPTO.barsPerYear(Interval.MN1)).isEqualTo(12);
  }

  @Test
  void resamplesDaysIntoMonthsLabelledAtTheFirstsLocalMidnight() {
    // Daily crypto bars in Seoul from 2024-01-30 to 2024-03-02: Jan (2 days), Feb (29), Mar (2).
    List<Long> times = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2024, 1, 30); !d.isAfter(LocalDate.of(2024, 3, 2)); ) {
      times.add(midnight(d, SEOUL));
      d = d.plusDays(1);
    }
    int n = times.size();
    BarColumns bars = new BarColumns(n);
    for (int i = 0; i < n; i++) {
      bars.bar(i, times.get(i), 100 + i, 101 + i, 99 + i, 100.5 + i, 10);
    }
    BarSeries days = bars.build("X", Interval.D1, MarketCalendar.CRYPTO, SEOUL);

    BarSeries months = days.resample(Interval.MN1);

    assertThat(months.size()).isEqualTo(3);
    assertThat(months.interval()).isEqualTo(Interval.MN1);
    assertThat(months.times())
        .containsExactly(
            midnight(LocalDate.of(2024, 1, 1), SEOUL),
            midnight(LocalDate.of(2024, 2, 1), SEOUL),
            midnight(LocalDate.of(2024, 3, 1), SEOUL));
    assertThat(months.open()[1]).isEqualTo(102); // Feb 1 is the third day
    assertThat(months.close()[1]).isEqualTo(100.5 + 30); // Feb 29 is day 31
    assertThat(months.high()[1]).isEqualTo(101 + 30);
    assertThat(months.low()[1]).isEqualTo(99 + 2);
    assertThat(months.volume()[1]).isEqualTo(290);
    assertThatThrownBy(() -> days.resample(Interval.W1).resample(Interval.MN1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot resample 1w bars to 1M");
  }

  @Test
  void monthlyRowsAreRelabelledAtTheMonthsOpenAndOnePerMonth() throws IOException {
    List<BarCsv.Row> rows = new ArrayList<>();
    List<BarCsv.Problem> problems = new ArrayList<>();
    BarCsv.Handler collect =
        new BarCsv.Handler() {
          @Override
          public void row(BarCsv.Row row) {
            rows.add(row);
          }

          @Override
          public void problem(BarCsv.Problem problem) {
            problems.add(problem);
          }
        };
    String csv =
        """
        date,open,high,low,close,volume
        2024-01-31,10,12,9,11,100
        2024-02-15,11,13,10,12,100
        2024-02-29,12,14,11,13,100
        2024-03-01,13,15,12,14,100
        """;

    BarCsv.parse(new BufferedReader(new StringReader(csv)), SEOUL, new MonthlyRows(SEOUL, collect));

    assertThat(rows)
        .extracting(BarCsv.Row::time)
        .containsExactly(
            midnight(LocalDate.of(2024, 1, 1), SEOUL),
            midnight(LocalDate.of(2024, 2, 1), SEOUL),
            midnight(LocalDate.of(2024, 3, 1), SEOUL));
    assertThat(rows).extracting(BarCsv.Row::close).containsExactly(11.0, 12.0, 14.0);
    assertThat(problems)
        .containsExactly(
            new BarCsv.Problem(
                4,
                "a second row for 2024-02 (the first is on line 3): monthly bars have one row per"
                    + " month"));
    assertThat(
            Instant.ofEpochMilli(
                MonthlyRows.monthOpen(Instant.parse("2024-05-31T20:00:00Z").toEpochMilli(), SEOUL)))
        .isEqualTo(Instant.parse("2024-05-31T15:00:00Z")); // June 1st in Seoul
  }
}
