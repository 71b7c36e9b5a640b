package com.tradingbacktest.app.marketdata;

/**
 * Decodes PostgreSQL's binary wire formats of the column types bars are read from, without text.
 */
final class PgBinary {

  /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix milliseconds. */
  static final long PG_EPOCH_MILLIS = 946_684_800_000L;

  private PgBinary() {}

  /** timestamptz: a big-endian int64 of microseconds since 2000-01-01 UTC. */
  static long timestampMillis(byte[] b) {
    return timestampMillis(b, 0);
  }

  static long timestampMillis(byte[] b, int at) {
    return Math.floorDiv(int64(b, at), 1000) + PG_EPOCH_MILLIS;
  }

  /** float8: the big-endian IEEE 754 bits. */
  static double float8(byte[] b, int at) {
    return Double.longBitsToDouble(int64(b, at));
  }

  private static long int64(byte[] b, int at) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[at + i] & 0xff);
    }
    return v;
  }
}
