package com.tradingbacktest.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Byte layouts as PostgreSQL 16 sends them (captured from the embedded server). */
class PgBinaryTests {

  @Test
  void decodesDoublesFromTheirBigEndianBits() {
    // 553.82 = 0x40814E8F5C28F5C3, preceded by two bytes that are not part of it
    assertThat(PgBinary.float8(bytes(9, 9, 0x40, 0x81, 0x4E, 0x8F, 0x5C, 0x28, 0xF5, 0xC3), 2))
        .isEqualTo(553.82);
    assertThat(PgBinary.float8(bytes(0xBF, 0xF0, 0, 0, 0, 0, 0, 0), 0)).isEqualTo(-1.0);
  }

  @Test
  void decodesTimestampsFromThePostgresEpoch() {
    // 2013-01-02T05:00:00Z = 410418000 s after 2000-01-01 = 0x00017545E3197400 microseconds
    assertThat(
            Instant.ofEpochMilli(PgBinary.timestampMillis(bytes(0, 1, 117, 69, -29, 25, 116, 0))))
        .isEqualTo(Instant.parse("2013-01-02T05:00:00Z"));
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
