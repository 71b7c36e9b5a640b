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
   * date_part (double precision) rather than extract (numeric since PostgreSQL 14) keeps the time
   * arithmetic cheap; int8 and float8 results travel in binary (see prepareThreshold below), so the
   * driver parses no text at all.
   */
  private static final String SELECT = """
      select (date_part('epoch', "timestamp") * 1000)::int8, open::float8, high::float8, low::float8,
             close::float8, volume::float8
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
            if (!sink.accept(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
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

  BarColumns load(String symbol, String interval, Instant from, Instant to, int expected) {
    BarColumns columns = new BarColumns(expected);
    stream(symbol, interval, from, to, (t, o, h, l, c, v) -> {
      columns.add(t, o, h, l, c, v);
      return true;
    });
    return columns.trimmed();
  }
}
