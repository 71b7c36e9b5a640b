package com.tradingbacktest.app.backtest.run;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The compact form of a run's per-bar series in {@code backtest_series}. Times are delta-encoded as
 * zigzag varints (regular bars become one byte each) and doubles are stored as their IEEE bits,
 * both deflated: a million daily-equity points take a few megabytes instead of the ~40 MB of JSON
 * text.
 */
final class SeriesCodec {

  private SeriesCodec() {}

  static byte[] encodeTimes(long[] times) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(times.length + 16);
    writeVarint(out, times.length);
    long previous = 0;
    for (long t : times) {
      long delta = t - previous;
      writeVarint(out, (delta << 1) ^ (delta >> 63));
      previous = t;
    }
    return deflate(out.toByteArray());
  }

  static long[] decodeTimes(byte[] encoded) {
    ByteBuffer in = ByteBuffer.wrap(inflate(encoded));
    int n = (int) readVarint(in);
    long[] times = new long[n];
    long previous = 0;
    for (int i = 0; i < n; i++) {
      long zigzag = readVarint(in);
      previous += (zigzag >>> 1) ^ -(zigzag & 1);
      times[i] = previous;
    }
    return times;
  }

  static byte[] encodeDoubles(double[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(values.length);
    for (double v : values) {
      buffer.putDouble(v);
    }
    return deflate(buffer.array());
  }

  static double[] decodeDoubles(byte[] encoded) {
    ByteBuffer in = ByteBuffer.wrap(inflate(encoded)).order(ByteOrder.LITTLE_ENDIAN);
    double[] values = new double[in.getInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.getDouble();
    }
    return values;
  }

  private static void writeVarint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static long readVarint(ByteBuffer in) {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in.get();
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new IllegalStateException("corrupt varint in a stored series");
  }

  private static byte[] deflate(byte[] raw) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(raw);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 2));
      byte[] chunk = new byte[64 * 1024];
      while (!deflater.finished()) {
        out.write(chunk, 0, deflater.deflate(chunk));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] inflate(byte[] compressed) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(compressed);
      ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 3);
      byte[] chunk = new byte[64 * 1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(chunk);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalStateException("truncated series in backtest_series");
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalStateException("corrupt series in backtest_series", e);
    } finally {
      inflater.end();
    }
  }
}
