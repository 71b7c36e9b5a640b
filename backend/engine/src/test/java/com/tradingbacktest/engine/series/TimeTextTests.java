package com.tradingbacktest.engine.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeTextTests {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final long JAN2_SEOUL_MIDNIGHT = Instant.parse("2024-01-01T15:00:00Z").toEpochMilli();

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
    assertThat(TimeText.parse("1704153600", SEOUL)).isEqualTo(expected);          // seconds
    assertThat(TimeText.parse("1704153600000", SEOUL)).isEqualTo(expected);       // milliseconds
    assertThat(TimeText.parse("1704153600000000", SEOUL)).isEqualTo(expected);    // microseconds
  }

  @Test
  void refusesAnythingElse() {
    assertThatThrownBy(() -> TimeText.parse("yesterday", SEOUL)).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> TimeText.parse("", SEOUL)).isInstanceOf(IllegalArgumentException.class);
  }
}
