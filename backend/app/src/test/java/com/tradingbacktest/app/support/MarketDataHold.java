package com.tradingbacktest.app.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Holds every stored bar behind an exclusive lock until closed: a worker that claims a run then
 * waits in its loading step, so runs stay queued or running for as long as a test needs (jobs start
 * the moment they are queued, so nothing else keeps a quick run from finishing at once).
 */
public final class MarketDataHold implements AutoCloseable {

  private final Connection connection;

  private MarketDataHold(Connection connection) {
    this.connection = connection;
  }

  public static MarketDataHold on(DataSource dataSource) throws SQLException {
    Connection connection = dataSource.getConnection();
    try (Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      // Both stored forms: the rows, and the blocks loading tries first.
      statement.execute("lock table market_data, market_data_block_sets in access exclusive mode");
      return new MarketDataHold(connection);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Lets the bars go: waiting workers load them and go on. */
  @Override
  public void close() throws SQLException {
    try (connection) {
      connection.rollback();
    }
  }
}
