package com.tradingbacktest.engine.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeTextTests {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final long JAN2_SEOUL_MIDNIGHT =
      Instant.parse("2024-01-01T15:00:00Z").toEpochMilli();

  @Test
  void readsDatesInTheGivenZone() {
    assertThat(TimeText.parse("2024-01-02", SEOUL)).isEqualTo(JAN2_SEOUL_MIDNIGHT);
    assertThat(TimeText.parse("2024.01.02", SEOUL)).isEqualTo(JAN2_SEOUL_MIDNIGHT);
    assertThat(TimeText.parse("2024/01/02", SEOUL)).isEqualTo(JAN2_SEOUL_MIDNIGHT);
    assertThat(TimeText.parse("20240102", SEOUL)).isEqualTo(JAN2_SEOUL_MIDNIGHT);
  }

  @Test
  void readsDateTimesWithAndWithoutOffsets() {
    long expected = Instant.parse("2024-01-02T00:30:00Z").toEpochMilli();
    assertThat(TimeText.parse("2024-01-02 09:30:00", SEOUL)).isEqualTo(expected);
    assertThat(TimeText.parse("2024-01-02T09:30", SEOUL)).isEqualTo(expected);
    assertThat(TimeText.parse("2024-01-02T09:30:00+09:00", ZoneId.of("UTC"))).isEqualTo(expected);
    assertThat(TimeText.parse("2024-01-02T09:30:00+0900", ZoneId.of("UTC"))).isEqualTo(expected);
    assertThat(TimeText.parse("2024-01-02T00:30:00Z", SEOUL)).isEqualTo(expected);
  }

  @Test
  void tellsEpochUnitsByTheirDigits() {
    long expected = Instant.parse("2024-01-02T00:00:00Z").toEpochMilli();
    assertThat(TimeText.parse("1704153600", SEOUL)).isEqualTo(expected); // seconds
    assertThat(TimeText.parse("1704153600000", SEOUL)).isEqualTo(expected); // milliseconds
    assertThat(TimeText.parse("1704153600000000", SEOUL)).isEqualTo(expected); // microseconds
  }

  @Test
  void readsCommonLayoutsAsJavaTimeDoesIncludingDaylightSavingGapsAndOverlaps() {
    java.util.Random random = new java.util.Random(7);
    List<ZoneId> zones =
        List.of(
            ZoneId.of("UTC"),
            SEOUL,
            ZoneId.of("America/New_York"),
            ZoneId.of("Europe/London"),
            ZoneId.of("Australia/Lord_Howe"));
    for (int i = 0; i < 20_000; i++) {
      ZoneId zone = zones.get(random.nextInt(zones.size()));
      java.time.LocalDateTime local =
          java.time.LocalDateTime.of(
              1990 + random.nextInt(45),
              1 + random.nextInt(12),
              1 + random.nextInt(28),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60));
      String text = local.toString().length() == 16 ? local + ":00" : local.toString();
      assertThat(TimeText.parse(text, zone))
          .as(text + " " + zone)
          .isEqualTo(local.atZone(zone).toInstant().toEpochMilli());
      assertThat(TimeText.parse(text.replace('T', ' ').substring(0, 16), zone))
          .as(text + " " + zone)
          .isEqualTo(local.withSecond(0).atZone(zone).toInstant().toEpochMilli());
      assertThat(TimeText.parse(text.substring(0, 10), zone))
          .isEqualTo(local.toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli());
      assertThat(TimeText.parse(text + "Z", zone))
          .isEqualTo(local.toInstant(java.time.ZoneOffset.UTC).toEpochMilli());
    }
    ZoneId newYork = ZoneId.of("America/New_York");
    // 02:30 on 2024-03-10 does not exist in New York (clocks jump 02:00 -> 03:00): read as 03:30
    // EDT.
    assertThat(TimeText.parse("2024-03-10 02:30:00", newYork))
        .isEqualTo(Instant.parse("2024-03-10T07:30:00Z").toEpochMilli());
    // 01:30 on 2024-11-03 happens twice: the first (EDT) is taken.
    assertThat(TimeText.parse("2024-11-03T01:30", newYork))
        .isEqualTo(Instant.parse("2024-11-03T05:30:00Z").toEpochMilli());
    assertThat(TimeText.parse("2024-02-29", ZoneId.of("UTC")))
        .isEqualTo(Instant.parse("2024-02-29T00:00:00Z").toEpochMilli());
  }

  @Test
  void refusesAnythingElse() {
    assertThatThrownBy(() -> TimeText.parse("2023-02-29", SEOUL))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> TimeText.parse("2024-01-02T24:00:00", SEOUL))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> TimeText.parse("yesterday", SEOUL))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> TimeText.parse("", SEOUL))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
