package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.engine.series.BarCsv;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows into a {@code COPY ... FROM STDIN (FORMAT binary)}: the server stores the values as
 * they come (no text parsing of timestamps and floats, which costs more than the insert itself),
 * and it works on each buffer while the caller parses the next, so parsing and loading overlap on
 * two cores.
 *
 * <p>Usage: {@link #row} with the field count, then one call per field, then {@link #finish};
 * {@link #close} cancels a COPY that was not finished, so nothing half-written is ever committed.
 */
final class BinaryCopyIn implements AutoCloseable {

  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0
  };

  private final CopyIn copy;
  private final byte[] buffer = new byte[1 << 16];
  private int filled;

  BinaryCopyIn(Connection connection, String copySql) throws SQLException {
    this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    System.arraycopy(SIGNATURE, 0, buffer, 0, SIGNATURE.length);
    filled = SIGNATURE.length;
    int32(0); // flags
    int32(0); // header extension length
  }

  /** Starts a row of {@code fields} values. */
  void row(int fields) throws IOException {
    room(2);
    int16(fields);
  }

  void int4(int value) throws IOException {
    room(8);
    int32(4);
    int32(value);
  }

  void float8(double value) throws IOException {
    room(12);
    int32(8);
    int64(Double.doubleToRawLongBits(value));
  }

  /** A timestamptz from epoch milliseconds: microseconds since PostgreSQL's epoch. */
  void timestamp(long epochMillis) throws IOException {
    room(12);
    int32(8);
    int64((epochMillis - PgBinary.PG_EPOCH_MILLIS) * 1000);
  }

  /**
   * A bar's open time (timestamptz) and its five values (float8), the fields every bar row ends
   * with.
   */
  void bar(BarCsv.Row r) throws IOException {
    timestamp(r.time());
    float8(r.open());
    float8(r.high());
    float8(r.low());
    float8(r.close());
    float8(r.volume());
  }

  /** A text (or varchar, or a domain over it) already encoded as UTF-8. */
  void text(byte[] utf8) throws IOException {
    room(4 + utf8.length);
    int32(utf8.length);
    System.arraycopy(utf8, 0, buffer, filled, utf8.length);
    filled += utf8.length;
  }

  /** Writes the trailer and ends the COPY; returns the rows the server stored. */
  long finish() throws IOException {
    room(2);
    int16(-1);
    flush();
    try {
      return copy.endCopy();
    } catch (SQLException e) {
      throw new IOException("COPY failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws SQLException {
    if (copy.isActive()) {
      copy.cancelCopy();
    }
  }

  private void room(int bytes) throws IOException {
    if (filled + bytes > buffer.length) {
      flush();
    }
  }

  private void flush() throws IOException {
    if (filled == 0) {
      return;
    }
    try {
      copy.writeToCopy(buffer, 0, filled);
    } catch (SQLException e) {
      throw new IOException("COPY failed: " + e.getMessage(), e);
    }
    filled = 0;
  }

  private void int16(int v) {
    buffer[filled++] = (byte) (v >>> 8);
    buffer[filled++] = (byte) v;
  }

  private void int32(int v) {
    buffer[filled++] = (byte) (v >>> 24);
    buffer[filled++] = (byte) (v >>> 16);
    buffer[filled++] = (byte) (v >>> 8);
    buffer[filled++] = (byte) v;
  }

  private void int64(long v) {
    int32((int) (v >>> 32));
    int32((int) v);
  }
}
