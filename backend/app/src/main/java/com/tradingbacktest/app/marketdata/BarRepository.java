package com.tradingbacktest.app.marketdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Repository;

/**
 * Reads bars with one streaming query: a cursor fetching 10,000 rows at a time (PgJDBC streams only
 * with autocommit off and a fetch size), times as epoch milliseconds, so a million bars become
 * columns without a million objects.
 */
@Repository
class BarRepository {

  /** Receives bars in time order; return false to stop reading. */
  interface BarSink {
    boolean accept(long time, double open, double high, double low, double close, double volume);
  }

  /*
   * The columns travel as PostgreSQL stores them, in binary (timestamptz and float8, see
   * DatabaseConfiguration's binaryTransferEnable and prepareThreshold below): neither side converts
   * through text.
   */
  private static final String SELECT =
      """
      select "timestamp", open, high, low, close, volume
      from market_data
      where symbol = ? and interval = ? and "timestamp" >= ? and "timestamp" < ?
      order by "timestamp"
      """;

  private final DataSource dataSource;

  BarRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Bars with open time in [from, to), oldest first. */
  void stream(String symbol, String interval, Instant from, Instant to, BarSink sink) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(SELECT, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        ps.setFetchSize(10_000);
        // Server-prepared from the first execution, so results come in PostgreSQL's binary format.
        ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
        ps.setString(1, symbol);
        ps.setString(2, interval);
        ps.setTimestamp(3, Timestamp.from(from));
        ps.setTimestamp(4, Timestamp.from(to));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            // Binary as a rule (8 bytes); the driver falls back to text now and then (a statement
            // not yet described on this connection), whose bytes must not be read as an int64.
            byte[] time = rs.getBytes(1);
            if (!sink.accept(
                time.length == 8 ? PgBinary.timestampMillis(time) : rs.getTimestamp(1).getTime(),
                rs.getDouble(2),
                rs.getDouble(3),
                rs.getDouble(4),
                rs.getDouble(5),
                rs.getDouble(6))) {
              break;
            }
          }
        }
      } finally {
        c.commit();
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Could not read bars of " + symbol, e);
    }
  }

  /**
   * Appends all bars with open time in [from, to) to {@code out}, oldest first, for the engine: one
   * {@code COPY (SELECT ...) TO STDOUT} in PostgreSQL's binary format, decoded straight from the
   * wire, one buffer per row and no other object per bar. Always read to the end: cancelling a COPY
   * OUT sends an asynchronous cancel request that could hit the connection's next statement, so
   * reads that stop early use {@link #stream} instead. (COPY takes no bind parameters: the literals
   * are built from a validated symbol, an interval code and two instants, with quotes doubled.)
   */
  void load(String symbol, String interval, Instant from, Instant to, BarColumns out) {
    try (Connection c = dataSource.getConnection()) {
      copyRows(
          c,
          selectRows(
              symbol,
              interval,
              "\"timestamp\" >= "
                  + literal(from.toString())
                  + " and \"timestamp\" < "
                  + literal(to.toString()),
              0),
          out);
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Could not read bars of " + symbol, e);
    }
  }

  /**
   * The COPY of a series' bars matching {@code condition} (SQL over "timestamp"), oldest first, at
   * most {@code limit} when positive.
   */
  static String selectRows(String symbol, String interval, String condition, int limit) {
    return "copy (select \"timestamp\", open, high, low, close, volume from market_data where symbol = "
        + literal(symbol)
        + " and interval = "
        + literal(interval)
        + " and "
        + condition
        + " order by \"timestamp\""
        + (limit > 0 ? " limit " + limit : "")
        + ") to stdout (format binary)";
  }

  /** Runs a COPY of {@link #selectRows} on {@code c}, appending every bar to {@code out}. */
  static void copyRows(Connection c, String copySql, BarColumns out) throws SQLException {
    // Six fields, each a 4-byte length then the value: timestamptz and five float8, 8 bytes each.
    BinaryCopyOut.forEachRow(
        c,
        copySql,
        (row, at) ->
            out.add(
                PgBinary.timestampMillis(row, at + 4),
                PgBinary.float8(row, at + 16),
                PgBinary.float8(row, at + 28),
                PgBinary.float8(row, at + 40),
                PgBinary.float8(row, at + 52),
                PgBinary.float8(row, at + 64)));
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
