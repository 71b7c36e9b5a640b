package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.lang.StrategyCompiler;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.Fill;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A run from request to result against the real embedded PostgreSQL and the real JobRunr worker of
 * the started app: queued, picked up, run, stored; then read, streamed, paged, exported, deleted.
 */
class BacktestLifecycleIntegrationTests extends IntegrationTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Autowired MarketDataService marketData;

  @Autowired JdbcClient jdbc;

  @Autowired DataSource dataSource;

  @Autowired BackgroundJobServer jobServer;

  RunClient client;
  String strategyId;

  @BeforeEach
  void signIn() {
    client = new RunClient(api, port, json, "runner");
    strategyId = client.strategy("SMA cross", RunClient.SMA_CROSS);
  }

  @Test
  void storedResultEqualsTheEngineCalledDirectlyOnTheSameData() {
    Map<String, Object> request = RunClient.request(strategyId);
    request.put("parameters", Map.of("fast", 5, "slow", 20));
    Response accepted = client.start(request);
    assertThat(accepted.status()).isEqualTo(202);
    String id = accepted.json().path("id").asString();
    assertThat(accepted.header("Location")).isEqualTo("/api/v1/backtests/" + id);
    assertThat(accepted.json().path("status").asString()).isEqualTo("pending");

    JsonNode status = client.awaitFinal(id);
    assertThat(status.path("status").asString()).as(status.toString()).isEqualTo("completed");
    assertThat(status.path("progress").asInt()).isEqualTo(100);
    assertThat(status.path("attempts").asInt()).isEqualTo(1);
    assertThat(status.path("duration_ms").asLong()).isGreaterThanOrEqualTo(0);

    BacktestResult direct = runDirectly(Map.of("fast", 5.0, "slow", 20.0));
    JsonNode run = client.get(id).json();
    assertThat(run.path("parameters").path("fast").asDouble()).isEqualTo(5.0);
    assertThat(run.path("settings").path("costs").path("preset").asString()).isEqualTo("us");
    assertThat(run.path("settings").path("currency").asString()).isEqualTo("USD");
    assertThat(run.path("strategy_code").asString()).isEqualTo(RunClient.SMA_CROSS);
    JsonNode result = run.path("result");
    direct
        .metrics()
        .toMap()
        .forEach(
            (name, value) -> {
              JsonNode stored = result.path("metrics").path(name);
              if (value == null) {
                assertThat(stored.isNull()).as(name).isTrue();
              } else {
                assertThat(stored.asDouble()).as(name).isEqualTo(((Number) value).doubleValue());
              }
            });
    assertThat(result.has("trades")).isFalse();
    assertThat(result.path("round_trip_count").asInt())
        .isEqualTo(direct.simulation().trades().size());
    JsonNode roundTrips = client.get(id + "/round-trips").json().path("items");
    assertThat(roundTrips).hasSize(direct.simulation().trades().size());
    assertThat(roundTrips.size()).isGreaterThan(2);
    JsonNode firstTrade = roundTrips.get(0);
    // The round-trip table keeps prices as decimals: with the US preset's spread the entry price
    // has
    // more digits than the decimal keeps, so it reads back within a part in 10^12.
    assertThat(firstTrade.path("entry_price").asDouble())
        .isCloseTo(
            direct.simulation().trades().get(0).entryPrice(),
            org.assertj.core.api.Assertions.withinPercentage(1e-10));
    assertThat(firstTrade.path("side").asString()).isEqualTo("long");
    assertThat(result.path("bar_count").asInt()).isEqualTo(direct.simulation().equity().length);
    assertThat(result.path("monthly_returns")).hasSize(direct.metrics().monthlyReturns().size());
    assertThat(result.path("monthly_returns").get(0).path("return").asDouble())
        .isEqualTo(direct.metrics().monthlyReturns().get(0).value());
    assertThat(result.path("yearly_returns").get(0).path("year").asInt()).isEqualTo(2013);

    // The overview keeps every bar of a short run, first and last included.
    JsonNode equity = result.path("equity");
    double[] directEquity = direct.simulation().equity();
    assertThat(equity.path("time")).hasSize(directEquity.length);
    assertThat(equity.path("equity").get(directEquity.length - 1).asDouble())
        .isEqualTo(directEquity[directEquity.length - 1]);
    assertThat(equity.path("buy_and_hold").get(0).asDouble()).isEqualTo(10000.0);

    // Fills: in backtest_trades, paged, and as CSV.
    List<Fill> fills = direct.simulation().fills();
    JsonNode page = client.get(id + "/trades?size=2&page=1").json();
    assertThat(page.path("total_items").asLong()).isEqualTo(fills.size());
    assertThat(page.path("items")).hasSize(2);
    JsonNode third = page.path("items").get(0);
    assertThat(third.path("type").asString()).isEqualTo(fills.get(2).buy() ? "buy" : "sell");
    assertThat(third.path("price").asDouble()).isCloseTo(fills.get(2).price(), within(1e-9));
    assertThat(third.path("quantity").asDouble()).isEqualTo(fills.get(2).quantity());
    assertThat(third.path("bar_index").asInt()).isEqualTo(fills.get(2).barIndex());

    Response csv = client.get(id + "/trades?format=csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition")).contains("attachment").contains("AAPL-");
    String[] lines = csv.body().split("\n");
    assertThat(lines[0]).isEqualTo("timestamp,type,price,quantity,commission,tax,bar_index,note");
    assertThat(lines).hasSize(fills.size() + 1);

    // Listed with headline metrics; filters narrow the list.
    JsonNode list = client.get(RunClient.PATH + "?status=completed&symbol=AAPL").json();
    JsonNode listed = find(list.path("items"), id);
    assertThat(listed.path("key_metrics").path("total_return").asDouble())
        .isEqualTo(direct.metrics().totalReturn());
    assertThat(listed.path("strategy_name").asString()).isEqualTo("SMA cross");
    assertThat(client.get(RunClient.PATH + "?status=failed").json().path("items").toString())
        .doesNotContain(id);

    // Deleting a finished run removes it with its fills, round trips and series.
    assertThat(rowsOfRun("backtest_round_trips", id))
        .isEqualTo(direct.simulation().trades().size());
    assertThat(client.delete(id).status()).isEqualTo(204);
    assertThat(client.get(id).status()).isEqualTo(404);
    assertThat(rowsOfRun("backtest_trades", id)).isZero();
    assertThat(rowsOfRun("backtest_round_trips", id)).isZero();
    assertThat(rowsOfRun("backtest_series", id)).isZero();
  }

  @Test
  void eventsStreamProgressAndTheFinalState() {
    // Jobs start the moment they are queued: with JobRunr paused, the stream is open before the
    // run starts, so it sees the run go by.
    String id;
    CompletableFuture<List<JsonNode>> stream;
    jobServer.pauseProcessing();
    try {
      id = client.started(RunClient.request(strategyId));
      stream = CompletableFuture.supplyAsync(() -> client.events(id, Duration.ofSeconds(60)));
      RunClient.sleep(1_000);
    } finally {
      jobServer.resumeProcessing();
    }
    List<JsonNode> events = stream.join();

    assertThat(events).isNotEmpty();
    assertThat(events).allSatisfy(e -> assertThat(e.path("id").asString()).isEqualTo(id));
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.path("status").asString()).isEqualTo("completed");
    assertThat(last.path("progress").asInt()).isEqualTo(100);
    List<String> statuses = events.stream().map(e -> e.path("status").asString()).toList();
    assertThat(statuses).contains("running");
    List<Integer> progress =
        events.stream()
            .filter(e -> e.path("status").asString().equals("running"))
            .map(e -> e.path("progress").asInt())
            .toList();
    assertThat(progress).isSorted();
    assertThat(progress.stream().anyMatch(p -> p > 0 && p < 100))
        .as("intermediate progress in " + events)
        .isTrue();

    // A finished run's stream holds just its final state, then ends.
    List<JsonNode> again = client.events(id, Duration.ofSeconds(10));
    assertThat(again).hasSize(1);
    assertThat(again.get(0).path("status").asString()).isEqualTo("completed");
  }

  @Test
  void cancellingAQueuedRunKeepsItFromRunning() {
    String id;
    Response cancelled;
    // Jobs start the moment they are queued: with JobRunr paused, the run stays queued until it
    // is cancelled, and its job then finds nothing to do.
    jobServer.pauseProcessing();
    try {
      id = client.started(RunClient.request(strategyId));
      cancelled = client.delete(id);
    } finally {
      jobServer.resumeProcessing();
    }

    assertThat(cancelled.status()).isEqualTo(202);
    assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");
    RunClient.sleep(6_000); // longer than the worker's poll interval
    JsonNode status = client.status(id);
    assertThat(status.path("status").asString()).isEqualTo("cancelled");
    assertThat(status.path("attempts").asInt()).isZero();
    assertThat(client.get(id).json().path("result").isNull()).isTrue();
    // A second DELETE removes the cancelled run.
    assertThat(client.delete(id).status()).isEqualTo(204);
    assertThat(client.get(id + "/status").status()).isEqualTo(404);
  }

  @Test
  void cancellingARunningRunStopsItAndStoresNothing() throws Exception {
    // Hold the market data (the rows, and the blocks loadSeries tries first) so the run stays in
    // its loading step after the worker claimed it.
    try (var connection = jdbcConnection()) {
      connection.setAutoCommit(false);
      connection
          .createStatement()
          .execute("lock table market_data, market_data_block_sets in access exclusive mode");
      String id = client.started(RunClient.request(strategyId));
      client.awaitStatus(
          id, s -> s.path("status").asString().equals("running"), Duration.ofSeconds(30));

      Response cancelled = client.delete(id);
      assertThat(cancelled.status()).isEqualTo(202);
      connection.rollback();

      RunClient.sleep(2_000);
      JsonNode status = client.status(id);
      assertThat(status.path("status").asString()).isEqualTo("cancelled");
      assertThat(status.path("error").asString()).isEqualTo("Cancelled by the user");
      assertThat(rowsOfRun("backtest_trades", id)).isZero();
      assertThat(
              jdbc.sql("select result is null from backtests where id = ?::uuid")
                  .param(id)
                  .query(Boolean.class)
                  .single())
          .isTrue();
    }
  }

  @Test
  void anotherUsersRunIsNotFoundEverywhere() {
    String id = client.started(RunClient.request(strategyId));
    RunClient other = new RunClient(api, port, json, "other");

    assertThat(other.get(id).status()).isEqualTo(404);
    assertThat(other.get(id + "/status").status()).isEqualTo(404);
    assertThat(other.get(id + "/events").status()).isEqualTo(404);
    assertThat(other.get(id + "/trades").status()).isEqualTo(404);
    assertThat(other.get(id + "/trades?format=csv").status()).isEqualTo(404);
    assertThat(other.delete(id).status()).isEqualTo(404);
    assertThat(other.get(RunClient.PATH).json().path("total_items").asLong()).isZero();
    assertThat(other.get(id).problemType()).endsWith("/problems/not-found");
    // Still there for its owner.
    assertThat(client.awaitFinal(id).path("status").asString()).isEqualTo("completed");
  }

  @Test
  void operationsMetricsCountRunsByOutcome() {
    String id = client.started(RunClient.request(strategyId));
    client.awaitFinal(id);

    String metrics = management().get("/actuator/prometheus").body();

    assertThat(metrics).containsPattern("(?m)^backtest_queue_length \\d+\\.0$");
    assertThat(metrics).containsPattern("(?m)^backtest_running \\d+\\.0$");
    assertThat(metrics).containsPattern("(?m)^backtest_runs_total\\{outcome=\"completed\"} [1-9]");
    assertThat(metrics).contains("backtest_run_duration_seconds_count{outcome=\"completed\"}");
  }

  @Test
  void withoutSignInNothingIsServed() {
    assertThat(api.get(RunClient.PATH).status()).isEqualTo(401);
    assertThat(api.post(RunClient.PATH, RunClient.request(strategyId)).status()).isEqualTo(401);
  }

  private BacktestResult runDirectly(Map<String, Double> parameters) {
    BarSeries bars =
        marketData.loadSeries(
            "AAPL",
            Interval.D1,
            LocalDate.of(2013, 1, 1).atStartOfDay(NEW_YORK).toInstant(),
            LocalDate.of(2014, 1, 1).atStartOfDay(NEW_YORK).toInstant());
    var strategy = StrategyCompiler.compile(RunClient.SMA_CROSS).strategy();
    BacktestConfig config =
        BacktestConfig.builder()
            .initialCapital(10_000)
            .costs(CostModel.usStock())
            .quantityStep(1)
            .build();
    return Backtest.run(bars, strategy.signals(bars, parameters), config);
  }

  /** How many rows of a run's table (backtest_trades, backtest_series) belong to run {@code id}. */
  private long rowsOfRun(String table, String id) {
    return jdbc.sql("select count(*) from " + table + " where backtest_id = ?::uuid")
        .param(id)
        .query(Long.class)
        .single();
  }

  private java.sql.Connection jdbcConnection() throws java.sql.SQLException {
    return dataSource.getConnection();
  }

  private static JsonNode find(JsonNode items, String id) {
    for (JsonNode item : items) {
      if (item.path("id").asString().equals(id)) {
        return item;
      }
    }
    throw new AssertionError(id + " not in " + items);
  }
}
