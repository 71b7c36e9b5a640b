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
 * with autocommit off and a fetch size), times as epoch milliseconds, so a million bars become columns
 * without a million objects.
 */
@Repository
class BarRepository {

  /** Receives bars in time order; return false to stop reading. */
  interface BarSink {
    boolean accept(long time, double open, double high, double low, double close, double volume);
  }

  /*
   * The columns travel as PostgreSQL stores them, in binary (timestamptz and numeric, see
   * DatabaseConfiguration's binaryTransferEnable and prepareThreshold below): the server converts
   * nothing (numeric to double would go through text there), and PgNumeric decodes in a few operations.
   */
  private static final String SELECT = """
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
      try (PreparedStatement ps = c.prepareStatement(SELECT, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        ps.setFetchSize(10_000);
        // Server-prepared from the first execution, so results come in PostgreSQL's binary format.
        ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
        ps.setString(1, symbol);
        ps.setString(2, interval);
        ps.setTimestamp(3, Timestamp.from(from));
        ps.setTimestamp(4, Timestamp.from(to));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (!sink.accept(PgBinary.timestampMillis(rs.getBytes(1)), PgBinary.numeric(rs.getBytes(2)),
                PgBinary.numeric(rs.getBytes(3)), PgBinary.numeric(rs.getBytes(4)), PgBinary.numeric(rs.getBytes(5)),
                PgBinary.numeric(rs.getBytes(6)))) {
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

  BarColumns load(String symbol, String interval, Instant from, Instant to, int expected) {
    BarColumns columns = new BarColumns(expected);
    stream(symbol, interval, from, to, (t, o, h, l, c, v) -> {
      columns.add(t, o, h, l, c, v);
      return true;
    });
    return columns.trimmed();
  }
}
