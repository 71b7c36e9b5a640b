package com.tradingbacktest.app.strategy;

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
 * V24 on a database with strategies and runs: every strategy gets its content as version 1, and a
 * run links to version 1 only when the code it stored is still the strategy's code. Migrated in a
 * schema of its own, from V22 with data.
 */
class StrategyVersionsMigrationIntegrationTests extends IntegrationTest {

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
  void backfillsVersionOneAndLinksTheRunsThatRanItsCode() {
    schema.migrate("22");
    UUID user = UUID.randomUUID();
    UUID strategy = UUID.randomUUID();
    UUID sameCode = UUID.randomUUID();
    UUID olderCode = UUID.randomUUID();
    UUID optimisation = UUID.randomUUID();
    schema.execute(
        "insert into users (id, email, username, password_hash) values ('%s', 'v@example.com', 'v', 'x')"
            .formatted(user),
        ("insert into strategies (id, user_id, name, code, parameters, updated_at) values"
                + " ('%s', '%s', 'Trend', 'long_entry = close > open', '[]'::jsonb,"
                + " '2025-03-04T05:06:07Z')")
            .formatted(strategy, user),
        run(sameCode, user, strategy, "long_entry = close > open"),
        run(olderCode, user, strategy, "long_entry = close < open"),
        ("insert into optimizations (id, user_id, strategy_id, strategy_code, symbol, interval,"
                + " start_date, end_date, initial_capital, settings, ranges, objective,"
                + " combinations, slice_count, series_key) values ('%s', '%s', '%s',"
                + " 'long_entry = close > open', 'AAPL', '1d', '2013-01-01', '2013-12-31', 10000,"
                + " '{}'::jsonb, '{}'::jsonb, 'sharpe_ratio', 1, 1, 'AAPL')")
            .formatted(optimisation, user, strategy));

    schema.migrate(null);

    assertThat(
            schema.rows(
                "select concat_ws('|', number, name, code, parameters::text, created_at)"
                    + " from strategy_versions where strategy_id = '"
                    + strategy
                    + "'"))
        .containsExactly("1|Trend|long_entry = close > open|[]|2025-03-04 05:06:07+00");
    assertThat(schema.rows("select version::text from strategies")).containsExactly("1");
    assertThat(
            schema.rows(
                "select coalesce(strategy_version::text, 'none') from backtests where id = '"
                    + sameCode
                    + "'"))
        .containsExactly("1");
    assertThat(
            schema.rows(
                "select coalesce(strategy_version::text, 'none') from backtests where id = '"
                    + olderCode
                    + "'"))
        .containsExactly("none");
    assertThat(schema.rows("select strategy_version::text from optimizations"))
        .containsExactly("1");
  }

  private static String run(UUID id, UUID user, UUID strategy, String code) {
    return ("insert into backtests (id, user_id, strategy_id, strategy_code, symbol, start_date,"
            + " end_date, initial_capital, status, series_key) values ('%s', '%s', '%s', '%s',"
            + " 'AAPL', '2013-01-01', '2013-12-31', 10000, 'completed', 'AAPL')")
        .formatted(id, user, strategy, code);
  }
}
