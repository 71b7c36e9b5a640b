package com.tradingbacktest.app.backtest.run;

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
 * V18 on a database with stored runs and optimisations: each records the basis its series' bars are
 * stored in as its price adjustment (Yahoo's split-adjusted, the rest raw, a deleted series raw),
 * no dividends and no price limits, in its columns and in its settings marked as read as stored, so
 * a rerun reads the same bars; round trips stored before received no dividends. Migrated in a
 * schema of its own, from the version before.
 */
class PriceAdjustmentMigrationIntegrationTests extends IntegrationTest {

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
  void storedRunsKeepTheBasisTheyReadWithoutDividendsOrLimits() {
    schema.migrate("16");
    UUID user = UUID.randomUUID();
    UUID onYahoo = UUID.randomUUID();
    UUID onCsv = UUID.randomUUID();
    UUID onDeleted = UUID.randomUUID();
    UUID optimisation = UUID.randomUUID();
    schema.execute(
        "insert into users (id, email, username, password_hash) values ('%s', 'a@example.com', 'a', 'x')"
            .formatted(user),
        symbol("AAPL", "yahoo"),
        symbol("005930", "csv"),
        run(onYahoo, user, "AAPL"),
        run(onCsv, user, "005930"),
        run(onDeleted, user, "GONE"),
        ("insert into optimizations (id, user_id, strategy_code, symbol, interval, start_date,"
                + " end_date, initial_capital, settings, ranges, objective, combinations,"
                + " slice_count) values ('%s', '%s', 'x', 'AAPL', '1d', '2013-01-01', '2013-12-31', 10000,"
                + " '{\"fill\": \"next_open\"}'::jsonb, '[]'::jsonb, 'sharpe_ratio', 1, 1)")
            .formatted(optimisation, user),
        ("insert into backtest_round_trips (backtest_id, seq, side, quantity, entry_time,"
                + " entry_price, exit_time, exit_price, pnl, return_pct, costs, mae, mfe, bars_held,"
                + " exit_reason) values ('%s', 0, 'long', 1, now(), 1, now(), 2, 1, 1, 0, 0, 0, 1,"
                + " 'signal')")
            .formatted(onCsv));

    schema.migrate(null);

    assertThat(
            schema.rows(
                "select concat_ws('|', symbol, price_adjustment, dividends, price_limits::text,"
                    + " (price_inputs_fingerprint is null)::text) from backtests order by symbol"))
        .containsExactly(
            "005930|raw|none|false|true",
            "AAPL|split_adjusted|none|false|true",
            "GONE|raw|none|false|true");
    assertThat(
            schema.rows(
                "select concat_ws('|', price_adjustment, dividends, price_limits::text) from optimizations"))
        .containsExactly("split_adjusted|none|false");
    assertThat(schema.rows("select settings->'prices' from backtests where symbol = 'AAPL'"))
        .singleElement()
        .satisfies(
            prices ->
                assertThat(prices)
                    .contains("\"as_stored\": true")
                    .contains("\"dividends\": \"none\"")
                    .contains("\"price_basis\": \"split_adjusted\"")
                    .contains("\"price_limits\": false")
                    .contains("\"price_adjustment\": \"split_adjusted\""));
    assertThat(schema.rows("select settings->>'fill' from backtests where symbol = 'AAPL'"))
        .as("the rest of the settings stays")
        .containsExactly("next_open");
    assertThat(schema.rows("select settings->'prices'->>'as_stored' from optimizations"))
        .containsExactly("true");
    assertThat(schema.rows("select dividends::text from backtest_round_trips"))
        .containsExactly("0");
  }

  private static String symbol(String ticker, String source) {
    return ("insert into symbols (symbol, ticker, name, market, asset_class, currency, time_zone,"
            + " tick_size, lot_size, source) values ('%s', '%s', '%s', 'NASDAQ', 'stock', 'USD',"
            + " 'America/New_York', 0.01, 1, '%s')")
        .formatted(ticker, ticker, ticker, source);
  }

  private static String run(UUID id, UUID user, String ticker) {
    return ("insert into backtests (id, user_id, symbol, start_date, end_date, initial_capital,"
            + " status, settings) values ('%s', '%s', '%s', '2013-01-01', '2013-12-31', 10000,"
            + " 'completed', '{\"fill\": \"next_open\"}'::jsonb)")
        .formatted(id, user, ticker);
  }
}
