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
 * V9 on a database with stored runs: each run's round trips move out of its result into rows, in
 * their order and with their values, the result keeps everything else plus their count, and a run
 * without trades is left as it was. Migrated in a schema of its own, from V7 with data.
 */
class RoundTripsMigrationIntegrationTests extends IntegrationTest {

  private static final String TRIP =
      """
      {"side": "%s", "quantity": %s, "entry_time": "%s", "entry_price": %s, "exit_time": "%s",
       "exit_price": %s, "pnl": %s, "return_pct": %s, "costs": %s, "mae": %s, "mfe": %s,
       "bars_held": %s, "exit_reason": "%s"}
      """;

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
  void storedRunsTradesBecomeRowsAndTheirResultsKeepTheRest() {
    schema.migrate("7");
    UUID user = UUID.randomUUID();
    UUID withTrades = UUID.randomUUID();
    UUID withoutTrades = UUID.randomUUID();
    String first =
        TRIP.formatted(
            "long",
            10,
            "2013-01-02T14:30:00Z",
            100.5,
            "2013-01-10T14:30:00Z",
            110.25,
            96.5,
            0.097,
            1.0,
            -0.02,
            0.11,
            6,
            "signal");
    String second =
        TRIP.formatted(
            "short",
            2.5,
            "2013-01-10T14:30:00Z",
            110.25,
            "2013-01-15T14:30:00Z",
            112,
            -5.375,
            -0.0159,
            0.25,
            -0.03,
            0.01,
            3,
            "stop_loss");
    schema.execute(
        "insert into users (id, email, username, password_hash) values ('%s', 'a@example.com', 'a', 'x')"
            .formatted(user),
        run(
            withTrades,
            user,
            "{\"metrics\": {\"total_return\": 0.0091}, \"trades\": [%s, %s]}"
                .formatted(first, second)),
        run(withoutTrades, user, "{\"metrics\": {\"total_return\": 0}}"));

    schema.migrate(null);

    assertThat(
            schema.rows(
                "select concat_ws('|', seq, side, quantity, entry_time, entry_price, exit_time,"
                    + " exit_price, pnl, return_pct, costs, mae, mfe, bars_held, exit_reason)"
                    + " from backtest_round_trips where backtest_id = '"
                    + withTrades
                    + "' order by seq"))
        .containsExactly(
            "0|long|10|2013-01-02 14:30:00+00|100.5|2013-01-10 14:30:00+00|110.25|96.5|0.097|1.0|-0.02|0.11|6|signal",
            "1|short|2.5|2013-01-10 14:30:00+00|110.25|2013-01-15 14:30:00+00|112|-5.375|-0.0159|0.25|-0.03|0.01|3|stop_loss");
    assertThat(schema.rows("select result::text from backtests where id = '" + withTrades + "'"))
        .containsExactly("{\"metrics\": {\"total_return\": 0.0091}, \"round_trip_count\": 2}");
    assertThat(schema.rows("select result::text from backtests where id = '" + withoutTrades + "'"))
        .containsExactly("{\"metrics\": {\"total_return\": 0}}");
    assertThat(schema.rows("select count(*)::text from backtest_round_trips")).containsExactly("2");
  }

  private static String run(UUID id, UUID user, String resultJson) {
    return ("insert into backtests (id, user_id, symbol, start_date, end_date, initial_capital,"
            + " status, result) values ('%s', '%s', 'AAPL', '2013-01-01', '2013-12-31', 10000,"
            + " 'completed', '%s'::jsonb)")
        .formatted(id, user, resultJson);
  }
}
