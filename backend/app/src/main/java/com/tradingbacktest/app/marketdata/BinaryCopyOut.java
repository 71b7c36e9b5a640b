package com.tradingbacktest.app.marketdata;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Reads a {@code COPY (SELECT ...) TO STDOUT (FORMAT binary)}: PgJDBC hands over one buffer per
 * row, and the row's fields are decoded straight from it, with no other object per row. The
 * counterpart of {@link BinaryCopyIn}.
 */
final class BinaryCopyOut {

  /**
   * Receives each row's buffer; its fields start at {@code at}, each a 4-byte length (-1: null)
   * then the value.
   */
  interface RowReader {
    void read(byte[] row, int at);
  }

  private BinaryCopyOut() {}

  /**
   * Runs the COPY on {@code c} and passes every row to {@code reader}. Always read to the end:
   * cancelling a COPY OUT sends an asynchronous cancel request that could hit the connection's next
   * statement.
   */
  static void forEachRow(Connection c, String copySql, RowReader reader) throws SQLException {
    CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut(copySql);
    try {
      byte[] row;
      boolean header = true;
      while ((row = copy.readFromCopy()) != null) {
        int at = 0;
        if (header) {
          at = 19 + int32(row, 15); // signature (11), flags (4), extension length (4) and extension
          header = false;
          if (at >= row.length) {
            continue;
          }
        }
        if ((short) (((row[at] & 0xff) << 8) | (row[at + 1] & 0xff)) == -1) {
          continue; // the trailer
        }
        reader.read(row, at + 2); // past the field count
      }
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  static int int32(byte[] b, int at) {
    return ((b[at] & 0xff) << 24)
        | ((b[at + 1] & 0xff) << 16)
        | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }
}
