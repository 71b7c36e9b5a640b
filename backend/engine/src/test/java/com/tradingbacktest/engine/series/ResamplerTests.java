package com.tradingbacktest.engine.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ResamplerTests {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  @Test
  void aggregatesMinutesIntoSessionAlignedHoursForStocks() {
    // 09:30..10:44 New York in 15-minute bars: buckets start at the session open, 09:30 and 10:30.
    long start = Instant.parse("2024-03-04T14:30:00Z").toEpochMilli(); // 09:30 EST
    BarSeries m15 =
        series(
            Interval.M15,
            MarketCalendar.STOCK,
            NEW_YORK,
            start,
            15,
            5,
            new double[] {10, 11, 12, 13, 14});

    BarSeries h1 = m15.resample(Interval.H1);

    assertThat(h1.size()).isEqualTo(2);
    assertThat(h1.times()[0]).isEqualTo(start);
    assertThat(h1.times()[1]).isEqualTo(start + 3_600_000);
    // First hour: bars opening 10, 11, 12, 13 -> open 10, high max(o,c)+1, low min-1, close 13.5.
    assertThat(h1.open()[0]).isEqualTo(10);
    assertThat(h1.close()[0]).isEqualTo(13.5);
    assertThat(h1.high()[0]).isEqualTo(14.5);
    assertThat(h1.low()[0]).isEqualTo(9);
    assertThat(h1.volume()[0]).isEqualTo(400);
    assertThat(h1.open()[1]).isEqualTo(14);
  }

  @Test
  void aggregatesCryptoHoursIntoDaysAtLocalMidnight() {
    // 20:00 on Jan 1 UTC is 05:00 on Jan 2 in Seoul: 30 hourly bars span two Seoul dates.
    long start = Instant.parse("2024-01-01T20:00:00Z").toEpochMilli();
    double[] opens = new double[30];
    for (int i = 0; i < 30; i++) {
      opens[i] = 100 + i;
    }
    BarSeries h1 = series(Interval.H1, MarketCalendar.CRYPTO, SEOUL, start, 60, 30, opens);

    BarSeries d1 = h1.resample(Interval.D1);

    // Seoul Jan 2 runs 2024-01-01T15:00Z..2024-01-02T15:00Z: bars 0..18 (19 bars), Jan 3 has the
    // other 11.
    assertThat(d1.size()).isEqualTo(2);
    assertThat(d1.times()[0]).isEqualTo(Instant.parse("2024-01-01T15:00:00Z").toEpochMilli());
    assertThat(d1.volume()[0]).isEqualTo(1900);
    assertThat(d1.volume()[1]).isEqualTo(1100);
    assertThat(d1.open()[1]).isEqualTo(119);
  }

  @Test
  void weeksStartOnMonday() {
    long monday = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    double[] opens = {11, 12, 13, 14, 15, 16, 17, 18, 19};
    BarSeries d1 =
        series(Interval.D1, MarketCalendar.CRYPTO, ZoneId.of("UTC"), monday, 24 * 60, 9, opens);

    BarSeries w1 = d1.resample(Interval.W1);

    assertThat(w1.size()).isEqualTo(2);
    assertThat(w1.volume()).containsExactly(700, 200);
    assertThat(w1.times()[1]).isEqualTo(monday + 7 * 86_400_000L);
  }

  @Test
  void sumsCryptoVolumesToTheirEightDecimalsWithoutBinaryNoise() {
    // Upbit-like minute volumes; as doubles, 0.1 + 0.2 alone is 0.30000000000000004.
    BarSeries m1 =
        BarSeries.of(
            "X",
            Interval.M1,
            MarketCalendar.CRYPTO,
            ZoneId.of("UTC"),
            new long[] {0, 60_000, 120_000, 180_000, 240_000},
            new double[] {1, 1, 1, 1, 1},
            new double[] {1, 1, 1, 1, 1},
            new double[] {1, 1, 1, 1, 1},
            new double[] {1, 1, 1, 1, 1},
            new double[] {0.1, 0.2, 1.23456789, 0.00000001, 432.42924906});

    BarSeries m5 = m1.resample(Interval.M5);

    assertThat(Double.toString(m5.volume()[0])).isEqualTo("433.96381696");
  }

  @Test
  void refusesAFinerOrIncompatibleTarget() {
    BarSeries h1 =
        series(Interval.H1, MarketCalendar.CRYPTO, SEOUL, 0, 60, 2, new double[] {11, 12});

    assertThatThrownBy(() -> h1.resample(Interval.M15)).hasMessageContaining("coarser multiple");
  }

  /**
   * Bars every {@code minutes} from {@code start}; open as given, close = open + 0.5, range +-1.
   */
  private static BarSeries series(
      Interval interval,
      MarketCalendar calendar,
      ZoneId zone,
      long start,
      int minutes,
      int n,
      double[] opens) {
    BarColumns bars = new BarColumns(n);
    for (int i = 0; i < n; i++) {
      double close = opens[i] + 0.5;
      bars.bar(
          i, start + i * ((long) minutes) * 60_000L, opens[i], close + 1, opens[i] - 1, close, 100);
    }
    return bars.build("X", interval, calendar, zone);
  }

  @Test
  void sumsTheDividendsOfABucketAndHaltsItOnlyWhenEveryBarIs() {
    // Ten Seoul days from Monday 2024-03-04: two weeks of five trading days.
    BarColumns columns = new BarColumns(10);
    long monday = java.time.LocalDate.of(2024, 3, 4).atStartOfDay(SEOUL).toInstant().toEpochMilli();
    for (int i = 0; i < 10; i++) {
      long day = monday + (i < 5 ? i : i + 2) * 86_400_000L;
      columns.bar(i, day, 10, 10, 10, 10, 1);
    }
    double[] dividend = new double[10];
    dividend[1] = 0.5;
    dividend[3] = 0.25;
    boolean[] halted = new boolean[10];
    java.util.Arrays.fill(halted, 2, 10, true); // week 1 from Wednesday, all of week 2
    BarSeries days =
        columns
            .build("X", Interval.D1, MarketCalendar.STOCK, SEOUL)
            .withEvents(new BarEvents(dividend, halted));

    BarSeries weeks = days.resample(Interval.W1);

    assertThat(weeks.events().dividend()).containsExactly(0.75, 0);
    assertThat(weeks.events().halted()).containsExactly(false, true);
    // Without events the bars carry none.
    assertThat(
            columns
                .build("X", Interval.D1, MarketCalendar.STOCK, SEOUL)
                .resample(Interval.W1)
                .events())
        .isSameAs(BarEvents.NONE);
  }
}
