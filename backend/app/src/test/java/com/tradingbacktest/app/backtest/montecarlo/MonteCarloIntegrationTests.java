package com.tradingbacktest.app.backtest.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.app.backtest.run.RunClient;
import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.app.support.MarketDataHold;
import com.tradingbacktest.app.support.Multipart;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Monte Carlo analyses of completed runs through the API (issue 20): the run executed again and
 * resampled on a worker, repeatable by its seed, only the owner's.
 */
class MonteCarloIntegrationTests extends IntegrationTest {

  @Autowired DataSource dataSource;

  RunClient client;
  String runId;
  JsonNode run;

  @BeforeEach
  void aCompletedRun() {
    client = new RunClient(api, port, json, "montecarlo");
    runId = client.started(RunClient.request(client.strategy("sma", RunClient.SMA_CROSS)));
    assertThat(client.awaitFinal(runId).path("status").asString()).isEqualTo("completed");
    run = client.get(runId).json();
  }

  @Test
  void shufflingTheTradesKeepsTheirCompoundedFinalEquityOnEveryPath() {
    int trades = run.path("result").path("round_trip_count").asInt();
    assertThat(trades).isPositive();

    Response accepted =
        client.api.post(path(), Map.of("method", "shuffle", "paths", 500), client.auth);

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String id = accepted.json().path("id").asString();
    assertThat(accepted.header("Location")).isEqualTo(path() + "/" + id);
    assertThat(accepted.json().path("status").asString()).isIn("queued", "running", "completed");
    JsonNode done = awaitCompleted(id);
    assertThat(done.path("backtest_id").asString()).isEqualTo(runId);
    assertThat(done.path("method").asString()).isEqualTo("shuffle");
    assertThat(done.path("paths").asInt()).isEqualTo(500);
    // A position still open at the end counts as one more trade, marked at the last close.
    boolean holdsAtTheEnd = !run.path("result").path("open_trade").isNull();
    assertThat(done.path("steps").asInt()).isEqualTo(trades + (holdsAtTheEnd ? 1 : 0));
    assertThat(done.path("step_unit").asString()).isEqualTo("trade");
    assertThat(done.path("block_length").isNull()).isTrue();
    // Half the capital by default.
    assertThat(done.path("ruin_equity").asDouble()).isEqualTo(5_000.0);
    // A product does not depend on the order of its factors: every path ends where the trades
    // compound to, the run's own final equity (the run is flat between its trades).
    double runFinal = run.path("result").path("metrics").path("final_equity").asDouble();
    assertThat(done.path("original").path("final_equity").asDouble())
        .isCloseTo(runFinal, within(1e-6));
    JsonNode finalEquity = done.path("final_equity");
    double compounded = finalEquity.path("p50").asDouble();
    for (String p : List.of("p5", "p25", "p75", "p95", "mean")) {
      assertThat(finalEquity.path(p).asDouble()).as(p).isCloseTo(compounded, within(1e-6));
    }
    assertThat(compounded).isCloseTo(runFinal, within(1e-6));
    assertThat(done.path("probability_of_ruin").asDouble()).isBetween(0.0, 1.0);
    assertThat(done.path("bands").path("step").get(0).asInt()).isZero();
    assertThat(done.path("bands").path("p50").get(0).asDouble()).isEqualTo(10_000.0);
    int binned = 0;
    for (JsonNode c : done.path("histograms").path("max_drawdown").path("counts")) {
      binned += c.asInt();
    }
    assertThat(binned).isEqualTo(500);
  }

  @Test
  void theSameSeedGivesTheSameResultAndNoSeedDrawsOne() {
    Map<String, Object> request = Map.of("method", "bootstrap", "paths", 300, "seed", 42);
    JsonNode first = awaitCompleted(started(request));
    JsonNode second = awaitCompleted(started(request));

    assertThat(first.path("seed").asLong()).isEqualTo(42);
    assertThat(results(second)).isEqualTo(results(first));

    JsonNode drawn = awaitCompleted(started(Map.of("method", "bootstrap", "paths", 300)));
    // A browser reads the drawn seed exactly: a JSON number within 2^53.
    assertThat(Math.abs(drawn.path("seed").asLong())).isLessThan(1L << 53);
    JsonNode repeated =
        awaitCompleted(
            started(
                Map.of("method", "bootstrap", "paths", 300, "seed", drawn.path("seed").asLong())));
    assertThat(results(repeated)).isEqualTo(results(drawn));

    // The list: newest first, without bands and histograms.
    JsonNode list = client.get(path()).json();
    assertThat(list).hasSize(4);
    assertThat(list.get(0).path("id").asString()).isEqualTo(repeated.path("id").asString());
    assertThat(list.get(3).path("id").asString()).isEqualTo(first.path("id").asString());
    assertThat(list.get(0).has("bands")).isFalse();
    assertThat(list.get(0).path("final_equity").path("p50").asDouble())
        .isEqualTo(repeated.path("final_equity").path("p50").asDouble());
  }

  @Test
  void theBlockBootstrapResamplesBarReturnsInBlocks() {
    int bars = run.path("result").path("bar_count").asInt();

    JsonNode picked = awaitCompleted(started(Map.of("method", "block_bootstrap", "paths", 200)));
    JsonNode given =
        awaitCompleted(
            started(Map.of("method", "block_bootstrap", "paths", 200, "block_length", 5)));

    assertThat(picked.path("step_unit").asString()).isEqualTo("bar");
    assertThat(picked.path("steps").asInt()).isEqualTo(bars - 1);
    assertThat(picked.path("block_length").asInt()).isEqualTo((int) Math.ceil(Math.sqrt(bars - 1)));
    assertThat(given.path("block_length").asInt()).isEqualTo(5);
  }

  @Test
  void completesForAPortfolioRun() {
    List<String> universe = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      double[] closes = new double[160];
      for (int i = 0; i < closes.length; i++) {
        closes[i] = 100 + 10 * Math.sin((i + 5 * s) / (3.0 + s)) + 0.1 * i;
      }
      universe.add(client.uploadFractionalDaily("USD", closes));
    }
    Map<String, Object> request =
        RunClient.request(
            client.strategy(
                "portfolio sma",
                """
                long_entry = close > sma(close, 5)
                long_exit = close < sma(close, 5)
                """),
            null,
            "1d",
            "2024-01-01",
            "2024-12-31");
    request.remove("symbol");
    request.put("symbols", universe);
    String portfolioRun = client.started(request);
    assertThat(client.awaitFinal(portfolioRun).path("status").asString()).isEqualTo("completed");
    JsonNode stored = client.get(portfolioRun).json();

    Response accepted =
        client.api.post(
            "/api/v1/backtests/" + portfolioRun + "/monte-carlo",
            Map.of("method", "shuffle", "paths", 100, "seed", 7),
            client.auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    JsonNode done =
        await(
            "/api/v1/backtests/"
                + portfolioRun
                + "/monte-carlo/"
                + accepted.json().path("id").asString());

    assertThat(done.path("steps").asInt())
        .isEqualTo(stored.path("result").path("round_trip_count").asInt());
    assertThat(done.path("original").path("final_equity").asDouble())
        .isCloseTo(
            stored.path("result").path("metrics").path("final_equity").asDouble(), within(1e-6));
  }

  @Test
  void refusesBadFieldsByNameAndARunWithoutTrades() {
    assertThat(errorFields(Map.of("method", "lucky"))).containsExactly("method");
    assertThat(errorFields(Map.of("paths", 0))).containsExactly("paths");
    assertThat(errorFields(Map.of("paths", 100_001))).containsExactly("paths");
    assertThat(errorFields(Map.of("method", "shuffle", "block_length", 5)))
        .containsExactly("block_length");
    assertThat(errorFields(Map.of("method", "block_bootstrap", "block_length", 100_000)))
        .containsExactly("block_length");
    assertThat(errorFields(Map.of("ruin_equity", -1))).containsExactly("ruin_equity");

    String flat =
        client.started(RunClient.request(client.strategy("never", "long_entry = close < 0\n")));
    assertThat(client.awaitFinal(flat).path("status").asString()).isEqualTo("completed");
    Response nothing =
        client.api.post("/api/v1/backtests/" + flat + "/monte-carlo", Map.of(), client.auth);
    assertThat(nothing.status()).isEqualTo(422);
    assertThat(nothing.errorFields()).containsExactly("method");
    assertThat(nothing.body()).contains("the run closed no trade");
  }

  @Test
  void refusesPathsTimesStepsOverTheBudgetNamingTheNumbers() {
    String strategy = client.strategy("minutes", RunClient.SMA_CROSS);
    String minutes = client.uploadMinutes(20_000);
    String longRun = client.started(RunClient.minutesRequest(strategy, minutes));
    assertThat(client.awaitFinal(longRun).path("status").asString()).isEqualTo("completed");
    int bars = client.get(longRun).json().path("result").path("bar_count").asInt();
    assertThat(bars).isGreaterThan(10_001);

    Response refused =
        client.api.post(
            "/api/v1/backtests/" + longRun + "/monte-carlo",
            Map.of("method", "block_bootstrap", "paths", 100_000),
            client.auth);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorFields()).containsExactly("paths");
    assertThat(refused.body())
        .contains("100000 paths x " + (bars - 1) + " bar returns")
        .contains("more than the budget of 1000000000");
  }

  @Test
  void failsWhenTheRunNoLongerEndsWhereItEndedBecauseItsBarsChanged() {
    // In after day 2, out after day 4, in again after day 6 and held to the last close (day 7).
    String symbol = client.uploadDaily(RunClient.dailyCsv(10, 11, 12, 11, 10, 12, 14));
    String strategy =
        client.strategy(
            "above sma",
            """
            long_entry = close > sma(close, 2)
            long_exit = close < sma(close, 2)
            """);
    String changing =
        client.started(RunClient.request(strategy, symbol, "1d", "2024-01-01", "2024-01-07"));
    assertThat(client.awaitFinal(changing).path("status").asString()).isEqualTo("completed");
    String location = "/api/v1/backtests/" + changing + "/monte-carlo";
    Response before = client.api.post(location, Map.of("paths", 10), client.auth);
    // One round trip, and the position held at the end as one more trade.
    assertThat(await(location + "/" + before.json().path("id").asString()).path("steps").asInt())
        .isEqualTo(2);

    // The last close changes: the position held into it is worth another amount.
    Response changed =
        Multipart.upload(
            port,
            json,
            client.auth[1],
            "changed.csv",
            "date,open,high,low,close,volume\n2024-01-07,12,21,11,20,1000\n",
            Map.of("symbol", symbol, "interval", "1d"));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(201);
    Response after = client.api.post(location, Map.of("paths", 10), client.auth);
    assertThat(after.status()).isEqualTo(202);

    JsonNode failed = await(location + "/" + after.json().path("id").asString(), "failed");
    assertThat(failed.path("error").asString())
        .isEqualTo("The analysis could not run: the data changed since this run: rerun it first");
    assertThat(failed.path("final_equity").isNull()).isTrue();
  }

  @Test
  void anAccountHasAtMostThreeAnalysesQueuedOrRunning() throws Exception {
    List<String> active = new ArrayList<>();
    Response fourth;
    // Held bars keep the analyses in their replay, so none finishes while they are counted.
    try (MarketDataHold ignored = MarketDataHold.on(dataSource)) {
      for (int i = 0; i < 3; i++) {
        active.add(started(Map.of("paths", 10)));
      }
      fourth = client.api.post(path(), Map.of("paths", 10), client.auth);
    }
    assertThat(fourth.status()).as(fourth.toString()).isEqualTo(429);
    assertThat(fourth.problemType()).endsWith("/too-many-runs");
    active.forEach(this::awaitCompleted);
    assertThat(client.api.post(path(), Map.of("paths", 10), client.auth).status()).isEqualTo(202);
  }

  @Test
  void aRunThatIsNotCompletedIsAConflict() throws Exception {
    String pending;
    Response refused;
    try (MarketDataHold ignored = MarketDataHold.on(dataSource)) {
      pending = client.started(RunClient.request(client.strategy("held", RunClient.SMA_CROSS)));
      refused =
          client.api.post("/api/v1/backtests/" + pending + "/monte-carlo", Map.of(), client.auth);
    }
    client.delete(pending);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.problemType()).endsWith("/run-not-completed");
    assertThat(refused.body()).contains("only a completed run can be resampled");
  }

  @Test
  void anotherAccountsRunAndAnalysisAreNotFound() {
    String id = started(Map.of("paths", 50));
    RunClient other = new RunClient(api, port, json, "montecarlo-peeker");

    assertThat(other.api.post(path(), Map.of(), other.auth).status()).isEqualTo(404);
    assertThat(other.get(path()).status()).isEqualTo(404);
    assertThat(other.get(path() + "/" + id).status()).isEqualTo(404);
    assertThat(other.api.delete(path() + "/" + id, other.auth).status()).isEqualTo(404);
    // Under someone's own run, another run's analysis is not found either.
    String otherRun = other.started(RunClient.request(other.strategy("sma", RunClient.SMA_CROSS)));
    assertThat(other.get("/api/v1/backtests/" + otherRun + "/monte-carlo/" + id).status())
        .isEqualTo(404);

    awaitCompleted(id);
    assertThat(client.api.delete(path() + "/" + id, client.auth).status()).isEqualTo(204);
    assertThat(client.get(path() + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void deletingTheRunDeletesItsAnalysesAndOnlyTwentyAreKept() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      String id = started(Map.of("paths", 10, "seed", i));
      ids.add(id);
      awaitCompleted(id); // three at a time at most: finish each before the next
    }
    assertThat(client.get(path()).json()).hasSize(20);
    assertThat(client.get(path() + "/" + ids.get(0)).status()).isEqualTo(404);

    assertThat(client.delete(runId).status()).isEqualTo(204);
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForObject(
                    "select count(*) from monte_carlo_analyses where backtest_id = ?",
                    Integer.class,
                    UUID.fromString(runId)))
        .isZero();
  }

  /** The result fields of an analysis: everything but its identity and times. */
  private static JsonNode results(JsonNode analysis) {
    ObjectNode copy = (ObjectNode) analysis.deepCopy();
    for (String field : List.of("id", "created_at", "completed_at", "duration_ms")) {
      copy.remove(field);
    }
    return copy;
  }

  private List<String> errorFields(Map<String, Object> request) {
    Response response = client.api.post(path(), new HashMap<>(request), client.auth);
    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    return response.errorFields();
  }

  private String path() {
    return "/api/v1/backtests/" + runId + "/monte-carlo";
  }

  private String started(Map<String, Object> request) {
    Response accepted = client.api.post(path(), request, client.auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    return accepted.json().path("id").asString();
  }

  private JsonNode awaitCompleted(String id) {
    return await(path() + "/" + id);
  }

  private JsonNode await(String location) {
    return await(location, "completed");
  }

  /** Polls an analysis until its status is {@code wanted}; fails on another final one. */
  private JsonNode await(String location, String wanted) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      JsonNode state = client.get(location).json();
      String status = state.path("status").asString();
      if (status.equals(wanted)) {
        return state;
      }
      assertThat(status).as(state.toString()).isIn("queued", "running");
      assertThat(Instant.now()).as("analysis still " + status).isBefore(deadline);
      RunClient.sleep(100);
    }
  }
}
