package com.tradingbacktest.app.common.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.app.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The migrations, applied by Flyway to the empty embedded database of this test run. */
class SchemaMigrationIntegrationTests extends IntegrationTest {

  @Autowired JdbcClient jdbc;

  @Test
  void createsEveryTableOfTheSchema() {
    List<String> tables =
        jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
            .query(String.class)
            .list();

    assertThat(tables)
        .contains(
            "users",
            "strategies",
            "strategy_versions",
            "backtests",
            "market_data",
            "market_data_blocks",
            "market_data_block_sets",
            "backtest_trades",
            "refresh_tokens",
            "api_keys",
            "symbols",
            "flyway_schema_history");
    assertThat(
            jdbc.sql("select count(*) from flyway_schema_history where success")
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void usesNumericForMoneyDoublesForBarsAndTimestamptzForTimes() {
    Map<String, String> marketData = columnTypes("market_data");
    assertThat(marketData)
        .containsEntry("open", "double precision")
        .containsEntry("volume", "double precision")
        .containsEntry("timestamp", "timestamp with time zone")
        .containsEntry("interval", "character varying");
    Map<String, String> backtests = columnTypes("backtests");
    assertThat(backtests)
        .containsEntry("initial_capital", "numeric")
        .containsEntry("start_date", "date")
        .containsEntry("status", "USER-DEFINED")
        .containsEntry("result", "jsonb")
        .containsEntry("settings", "jsonb")
        .containsEntry("parameters", "jsonb")
        .containsKeys("progress", "error", "interval", "completed_at");
    assertThat(columnTypes("backtest_trades"))
        .containsEntry("type", "USER-DEFINED")
        .containsEntry("price", "numeric")
        .containsEntry("commission", "numeric");
    assertThat(columnTypes("strategies"))
        .containsEntry("parameters", "jsonb")
        .containsEntry("is_public", "boolean");
    assertThat(columnTypes("symbols"))
        .containsKeys(
            "symbol",
            "name",
            "market",
            "asset_class",
            "currency",
            "time_zone",
            "tick_size",
            "lot_size",
            "source");
    assertThat(columnTypes("users"))
        .containsEntry("id", "uuid")
        .containsKeys("email", "username", "password_hash");
  }

  @Test
  void keepsOneBarPerSymbolIntervalAndTimeEachSeriesInItsOwnPartition() {
    String symbol = "T" + UUID.randomUUID().toString().substring(0, 6) + ".KS";
    insertSymbol(symbol);
    String insert =
        "insert into market_data (symbol, interval, \"timestamp\", open, high, low, close, volume) "
            + "values (?, ?, '2024-01-02T00:00:00Z', 10, 12, 9, 11, 100)";
    assertThatThrownBy(() -> jdbc.sql(insert).params(symbol, "1d").update())
        .as("a series nobody created has no partition")
        .isInstanceOf(DataIntegrityViolationException.class);

    String daily =
        jdbc.sql("select market_data_add_series(?, '1d')")
            .param(symbol)
            .query(String.class)
            .single();
    String hourly =
        jdbc.sql("select market_data_add_series(?, '1h')")
            .param(symbol)
            .query(String.class)
            .single();
    assertThat(
            jdbc.sql("select market_data_add_series(?, '1d')")
                .param(symbol)
                .query(String.class)
                .single())
        .as("adding it again is a no-op")
        .isEqualTo(daily);
    jdbc.sql(insert).params(symbol, "1d").update();
    jdbc.sql(insert).params(symbol, "1h").update();

    assertThatThrownBy(() -> jdbc.sql(insert).params(symbol, "1d").update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(daily)
        .as("readable, unique and within 63 characters")
        .matches("md_t[0-9a-f]{6}_ks_[0-9a-f]{8}_1d");
    assertThat(jdbc.sql("select count(*) from " + daily).query(Long.class).single()).isOne();
    assertThat(jdbc.sql("select count(*) from " + hourly).query(Long.class).single()).isOne();
    assertThat(
            jdbc.sql("select count(*) from market_data where symbol = ?")
                .param(symbol)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void rejectsAnUnknownIntervalAndAnImpossibleBar() {
    String symbol = "U" + UUID.randomUUID().toString().substring(0, 6);
    insertSymbol(symbol);

    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "insert into market_data (symbol, interval, \"timestamp\", open, high, low, close) "
                            + "values (?, '2m', now(), 1, 1, 1, 1)")
                    .param(symbol)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
    jdbc.sql("select market_data_add_series(?, '1d')").param(symbol).query(String.class).single();
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "insert into market_data (symbol, interval, \"timestamp\", open, high, low, close) "
                            + "values (?, '1d', now(), 10, 9, 11, 10)")
                    .param(symbol)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void keepsABlockOfBarsOnlyWhenItsBytesMatchItsCount() {
    String insert =
        "insert into market_data_blocks (symbol, interval, first_bar, last_bar, bar_count, bars)"
            + " values (?, '1m', ?::timestamptz, ?::timestamptz, ?, decode(repeat('00', ?), 'hex'))";
    String symbol = "K" + UUID.randomUUID().toString().substring(0, 6);

    jdbc.sql(insert).params(symbol, "2024-01-01T00:00:00Z", "2024-01-01T00:01:00Z", 2, 96).update();
    assertThatThrownBy(
            () ->
                jdbc.sql(insert)
                    .params(symbol, "2024-01-02T00:00:00Z", "2024-01-02T00:01:00Z", 2, 95)
                    .update())
        .as("48 bytes a bar")
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(
            () ->
                jdbc.sql(insert)
                    .params(symbol, "2024-01-03T00:00:00Z", "2024-01-03T00:00:00Z", 0, 0)
                    .update())
        .as("no empty block")
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(
            jdbc.sql(
                    "select attstorage from pg_attribute where attrelid = 'market_data_blocks'::regclass"
                        + " and attname = 'bars'")
                .query(String.class)
                .single())
        .as("out of line, uncompressed")
        .isEqualTo("e");
  }

  @Test
  void removesTradesWithTheirBacktest() {
    UUID user = UUID.randomUUID();
    jdbc.sql("insert into users (id, email, username, password_hash) values (?, ?, ?, 'x')")
        .params(user, user + "@example.com", user.toString().substring(0, 30))
        .update();
    UUID backtest = UUID.randomUUID();
    jdbc.sql(
            "insert into backtests (id, user_id, symbol, start_date, end_date, initial_capital) "
                + "values (?, ?, 'AAPL', '2020-01-01', '2021-01-01', 10000)")
        .params(backtest, user)
        .update();
    jdbc.sql(
            "insert into backtest_trades (backtest_id, \"timestamp\", type, price, quantity, commission) "
                + "values (?, now(), 'buy', 100.5, 3, 0.15)")
        .param(backtest)
        .update();

    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "insert into backtests (id, user_id, symbol, start_date, end_date, "
                            + "initial_capital) values (?, ?, 'AAPL', '2021-01-01', '2020-01-01', 10000)")
                    .params(UUID.randomUUID(), user)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);

    jdbc.sql("delete from backtests where id = ?").param(backtest).update();
    assertThat(
            jdbc.sql("select count(*) from backtest_trades where backtest_id = ?")
                .param(backtest)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void namesABenchmarkByItsTickerAndSeriesKeyTogetherOrNotAtAll() {
    UUID user = UUID.randomUUID();
    jdbc.sql("insert into users (id, email, username, password_hash) values (?, ?, ?, 'x')")
        .params(user, user + "@example.com", user.toString().substring(0, 30))
        .update();
    String insert =
        "insert into backtests (id, user_id, symbol, start_date, end_date, initial_capital,"
            + " benchmark_symbol, benchmark_series_key)"
            + " values (?, ?, 'AAPL', '2020-01-01', '2021-01-01', 10000, ?, ?)";
    jdbc.sql(insert).params(UUID.randomUUID(), user, "SPY", "SPY").update();
    jdbc.sql(insert).params(UUID.randomUUID(), user, null, null).update();

    assertThatThrownBy(() -> jdbc.sql(insert).params(UUID.randomUUID(), user, "SPY", null).update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(columnTypes("backtest_series")).containsEntry("benchmark_equity", "bytea");
  }

  @Test
  void keepsAPortfolioRunsSetupItsSymbolsFillsAndHoldings() {
    assertThat(columnTypes("backtests")).containsEntry("portfolio", "jsonb");
    assertThat(columnTypes("optimizations")).containsEntry("portfolio", "jsonb");
    assertThat(columnTypes("backtest_trades")).containsEntry("symbol", "character varying");
    assertThat(columnTypes("backtest_round_trips")).containsEntry("symbol", "character varying");
    assertThat(columnTypes("backtest_holdings"))
        .containsEntry("quantity", "bytea")
        .containsEntry("weight", "bytea");
    UUID user = UUID.randomUUID();
    jdbc.sql("insert into users (id, email, username, password_hash) values (?, ?, ?, 'x')")
        .params(user, user + "@example.com", user.toString().substring(0, 30))
        .update();
    UUID backtest = UUID.randomUUID();
    jdbc.sql(
            "insert into backtests (id, user_id, symbol, start_date, end_date, initial_capital)"
                + " values (?, ?, 'AAPL', '2020-01-01', '2021-01-01', 10000)")
        .params(backtest, user)
        .update();
    String holding =
        "insert into backtest_holdings (backtest_id, leg, symbol, quantity, weight)"
            + " values (?, ?, ?, '\\x00', '\\x00')";
    jdbc.sql(holding).params(backtest, 0, "AAPL").update();
    // A symbol is held once per run.
    assertThatThrownBy(() -> jdbc.sql(holding).params(backtest, 1, "AAPL").update())
        .isInstanceOf(DataIntegrityViolationException.class);

    jdbc.sql("delete from backtests where id = ?").param(backtest).update();
    assertThat(
            jdbc.sql("select count(*) from backtest_holdings where backtest_id = ?")
                .param(backtest)
                .query(Long.class)
                .single())
        .isZero();
  }

  private void insertSymbol(String symbol) {
    jdbc.sql(
            "insert into symbols (symbol, name, market, asset_class, currency, time_zone, tick_size, lot_size, source) "
                + "values (?, 'Test', 'CUSTOM', 'stock', 'USD', 'America/New_York', 0.01, 1, 'test')")
        .param(symbol)
        .update();
  }

  @Test
  void keepsReturnBlocksAndMonteCarloAnalysesThatGoWithTheirRun() {
    assertThat(columnTypes("optimization_results")).containsEntry("return_blocks", "ARRAY");
    assertThat(columnTypes("optimizations"))
        .containsEntry("out_of_sample", "jsonb")
        .containsEntry("cscv_partitions", "integer")
        .containsEntry("robustness", "jsonb");
    UUID user = UUID.randomUUID();
    jdbc.sql("insert into users (id, email, username, password_hash) values (?, ?, ?, 'x')")
        .params(user, user + "@example.com", user.toString().substring(0, 30))
        .update();
    UUID backtest = UUID.randomUUID();
    jdbc.sql(
            "insert into backtests (id, user_id, symbol, start_date, end_date, initial_capital)"
                + " values (?, ?, 'AAPL', '2020-01-01', '2021-01-01', 10000)")
        .params(backtest, user)
        .update();
    String analysis =
        "insert into monte_carlo_analyses (id, backtest_id, user_id, method, paths, seed,"
            + " ruin_equity) values (?, ?, ?, 'shuffle', ?, 1, ?)";
    jdbc.sql(analysis).params(UUID.randomUUID(), backtest, user, 1000, 5000.0).update();
    // Paths and the ruin level are bounded by the table as well as by the API.
    assertThatThrownBy(
            () ->
                jdbc.sql(analysis).params(UUID.randomUUID(), backtest, user, 100_001, 1.0).update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(
            () -> jdbc.sql(analysis).params(UUID.randomUUID(), backtest, user, 10, 0.0).update())
        .isInstanceOf(DataIntegrityViolationException.class);

    jdbc.sql("delete from backtests where id = ?").param(backtest).update();
    assertThat(
            jdbc.sql("select count(*) from monte_carlo_analyses where backtest_id = ?")
                .param(backtest)
                .query(Long.class)
                .single())
        .isZero();
  }

  private Map<String, String> columnTypes(String table) {
    Map<String, String> types = new java.util.HashMap<>();
    jdbc.sql("select column_name, data_type from information_schema.columns where table_name = ?")
        .param(table)
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .forEach(e -> types.put(e.getKey(), e.getValue()));
    return types;
  }

  @Test
  void keepsUniversesOfOneToFiveHundredSymbolsAndDeletesThemWithTheirOwner() {
    String insert =
        "insert into universes (id, owner_id, name, symbols) values (?, ?, 'u', ?::varchar[])";
    assertThatThrownBy(() -> jdbc.sql(insert).params(UUID.randomUUID(), null, "{}").update())
        .isInstanceOf(DataIntegrityViolationException.class);
    String tooMany = "{" + String.join(",", java.util.Collections.nCopies(501, "SPY")) + "}";
    assertThatThrownBy(() -> jdbc.sql(insert).params(UUID.randomUUID(), null, tooMany).update())
        .isInstanceOf(DataIntegrityViolationException.class);

    UUID owner = UUID.fromString(api.registerUser("universes").path("user").path("id").asString());
    jdbc.sql(insert).params(UUID.randomUUID(), owner, "{SPY,QQQ}").update();
    assertThat(
            jdbc.sql("select symbols[2] from universes where owner_id = ?")
                .param(owner)
                .query(String.class)
                .single())
        .isEqualTo("QQQ");
    jdbc.sql("delete from users where id = ?").param(owner).update();
    assertThat(
            jdbc.sql("select count(*) from universes where owner_id = ?")
                .param(owner)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from universes where owner_id is null")
                .query(Long.class)
                .single())
        .as("the shared universes V12 starts with")
        .isGreaterThanOrEqualTo(3);
  }
}
