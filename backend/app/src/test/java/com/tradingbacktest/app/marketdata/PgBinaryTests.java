package com.tradingbacktest.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Byte layouts as PostgreSQL 16 sends them (captured from the embedded server). */
class PgBinaryTests {

  @Test
  void decodesNumericsExactlyAsTheirDecimalText() {
    // 553.82: 2 digits, weight 0, positive, scale 2, digits 553 and 8200
    assertThat(PgBinary.numeric(bytes(0, 2, 0, 0, 0, 0, 0, 2, 2, 41, 32, 8))).isEqualTo(553.82);
    // 20018500: 2 digits, weight 1, scale 0, digits 2001 and 8500
    assertThat(PgBinary.numeric(bytes(0, 2, 0, 1, 0, 0, 0, 0, 7, -47, 33, 52))).isEqualTo(20_018_500.0);
    // 0.00000001: 1 digit (1) at weight -2, i.e. 1 x 10000^-2
    assertThat(PgBinary.numeric(bytes(0, 1, -1, -2, 0, 0, 0, 8, 0, 1))).isEqualTo(1e-8);
    // -12.5: 2 digits (12, 5000), weight 0, sign 0x4000
    assertThat(PgBinary.numeric(bytes(0, 2, 0, 0, 64, 0, 0, 1, 0, 12, 19, -120))).isEqualTo(-12.5);
    assertThat(PgBinary.numeric(bytes(0, 0, 0, 0, 0, 0, 0, 0))).isZero();
    assertThat(PgBinary.numeric(bytes(0, 0, 0, 0, -64, 0, 0, 0))).isNaN();
  }

  @Test
  void decodesTimestampsFromThePostgresEpoch() {
    // 2013-01-02T05:00:00Z = 410418000 s after 2000-01-01 = 0x00017545E3197400 microseconds
    assertThat(Instant.ofEpochMilli(PgBinary.timestampMillis(bytes(0, 1, 117, 69, -29, 25, 116, 0))))
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
