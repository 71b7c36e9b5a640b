package com.tradingbacktest.app.marketdata;

/**
 * Decodes PostgreSQL's binary wire formats of the two column types bars are read from, without going
 * through text or BigDecimal.
 */
final class PgBinary {

  /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix milliseconds. */
  private static final long PG_EPOCH_MILLIS = 946_684_800_000L;
  private static final double[] POW10000 = {1, 1e4, 1e8, 1e12, 1e16, 1e20};

  private PgBinary() {}

  /** timestamptz: a big-endian int64 of microseconds since 2000-01-01 UTC. */
  static long timestampMillis(byte[] b) {
    return timestampMillis(b, 0);
  }

  static long timestampMillis(byte[] b, int at) {
    long micros = 0;
    for (int i = 0; i < 8; i++) {
      micros = (micros << 8) | (b[at + i] & 0xff);
    }
    return Math.floorDiv(micros, 1000) + PG_EPOCH_MILLIS;
  }

  /**
   * numeric: int16 digit count, int16 weight (of the first digit, in powers of 10,000), int16 sign
   * (0x0000 +, 0x4000 -, 0xC000 NaN), int16 display scale, then base-10,000 digits. The digits are summed
   * as an integer (exact below 2^53) and scaled by one multiplication or division by a power of ten, so
   * the result is the double nearest the decimal, as Double.parseDouble would give.
   */
  static double numeric(byte[] b) {
    return numeric(b, 0);
  }

  static double numeric(byte[] b, int at) {
    int ndigits = short16(b, at);
    int weight = (short) short16(b, at + 2);
    int sign = short16(b, at + 4);
    if (sign == 0xC000) {
      return Double.NaN;
    }
    if (ndigits == 0) {
      return 0;
    }
    double value = 0;
    for (int i = 0; i < ndigits; i++) {
      value = value * 10_000 + short16(b, at + 8 + 2 * i);
    }
    int exponent = weight - ndigits + 1; // in powers of 10,000
    if (exponent > 0) {
      value *= exponent < POW10000.length ? POW10000[exponent] : Math.pow(10_000, exponent);
    } else if (exponent < 0) {
      value /= -exponent < POW10000.length ? POW10000[-exponent] : Math.pow(10_000, -exponent);
    }
    return sign == 0x4000 ? -value : value;
  }

  private static int short16(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }
}
