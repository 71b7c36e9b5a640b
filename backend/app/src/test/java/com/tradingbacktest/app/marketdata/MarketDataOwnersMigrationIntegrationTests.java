package com.tradingbacktest.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.app.support.MigrationSchema;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V7 on a database that has data: every series stored before it becomes shared, and every run and
 * optimisation reads the series it read before. Migrated in a schema of its own, from V6 with data.
 */
class MarketDataOwnersMigrationIntegrationTests extends IntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcTemplate template;

  private MigrationSchema schema;

  @BeforeEach
  void createSchema() {
    schema = new MigrationSchema(dataSource, jdbc, template, transaction);
  }

  @AfterEach
  void dropSchema() {
    schema.drop();
  }

  @Test
  void everySeriesStoredBeforeBecomesSharedAndRunsKeepReadingIt() {
    schema.migrate("6");
    UUID user = UUID.randomUUID();
    UUID run = UUID.randomUUID();
    schema.execute(
        "insert into users (id, email, username, password_hash) values ('%s', 'a@example.com', 'a', 'x')"
            .formatted(user),
        "insert into symbols (symbol, name, market, asset_class, currency, time_zone, tick_size,"
            + " lot_size, source) values ('AAPL', 'Apple', 'NASDAQ', 'stock', 'USD',"
            + " 'America/New_York', 0.01, 1, 'csv')",
        "select market_data_add_series('AAPL', '1d')",
        "insert into market_data values ('AAPL', '1d', '2013-01-02T14:30:00Z', 553.82, 555, 541.63,"
            + " 549.03, 1)",
        "insert into market_data_ranges (symbol, interval, first_bar, last_bar, bar_count) values"
            + " ('AAPL', '1d', '2013-01-02T14:30:00Z', '2013-01-02T14:30:00Z', 1)",
        "insert into data_imports (id, user_id, kind, source, symbol, interval, status) values"
            + " ('%s', '%s', 'csv', 'csv', 'AAPL', '1d', 'completed')".formatted(run, user),
        "insert into backtests (id, user_id, symbol, start_date, end_date, initial_capital) values"
            + " ('%s', '%s', 'AAPL', '2013-01-01', '2013-12-31', 10000)".formatted(run, user));

    schema.migrate(null);

    assertThat(
            schema.single(
                "select concat_ws('|', symbol, ticker, coalesce(owner_id::text, 'shared')) from symbols"))
        .isEqualTo("AAPL|AAPL|shared");
    assertThat(
            schema.single(
                "select concat_ws('|', series_key, dataset, coalesce(data_fingerprint, 'none')) from backtests"))
        .isEqualTo("AAPL|shared|none");
    assertThat(schema.single("select dataset from data_imports")).isEqualTo("shared");
    assertThat(schema.single("select close::text from market_data where symbol = 'AAPL'"))
        .isEqualTo("549.03");
  }
}
