package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Previews through the real API on the real embedded PostgreSQL: resolved and computed as a stored
 * run is (same numbers, to the bit), nothing stored, the newest preview of an account wins.
 */
class PreviewIntegrationTests extends IntegrationTest {

  /** The bars of {@link #slowUser}'s upload: enough that a slow strategy takes seconds. */
  private static final int MINUTE_BARS = 100_000;

  /** A strategy that trades on nearly every other bar of a random walk. */
  private static final String FLIP =
      """
      long_entry = close > open
      long_exit = close < open
      """;

  private static RunClient slowUser;
  private static String minutes;

  @Autowired JdbcClient jdbc;

  @Autowired PreviewGate gate;

  RunClient client;
  String strategyId;

  @BeforeEach
  void signIn() {
    client = new RunClient(api, port, json, "previewer");
    strategyId = client.strategy("SMA cross", RunClient.SMA_CROSS);
    if (slowUser == null || slowUser.port != port) {
      slowUser = new RunClient(api, port, json, "slow");
      minutes = slowUser.uploadMinutes(MINUTE_BARS);
    }
  }

  @Test
  void aPreviewShowsWhatTheStoredRunOfTheSameRequestShowsToTheBit() {
    Map<String, Object> request = RunClient.request(strategyId);
    request.put("parameters", Map.of("fast", 5, "slow", 20));
    request.put("costs", Map.of("preset", "us", "slippage_rate", 0.0005));
    Map<String, Object> previewRequest = new LinkedHashMap<>(request);
    previewRequest.put("points", 2000); // the stored result's equity overview has 2000

    Response preview = client.preview(previewRequest);
    String id = client.started(request); // "Keep": the same request, to the runs
    JsonNode done = client.awaitFinal(id);

    assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
    JsonNode run = client.get(id).json();
    JsonNode previewed = preview.json();
    // Everything but the metrics as JSON; the metrics to the bit (a stored integral double may read
    // back as an integer).
    assertThat(withoutMetrics(previewed.path("result")))
        .isEqualTo(withoutMetrics(run.path("result")));
    JsonNode metrics = previewed.path("result").path("metrics");
    assertThat(metrics.propertyNames()).contains("total_return", "sharpe_ratio", "max_drawdown");
    for (String name : metrics.propertyNames()) {
      JsonNode stored = run.path("result").path("metrics").path(name);
      if (!metrics.path(name).isNull()) {
        assertThat(Double.doubleToLongBits(metrics.path(name).asDouble()))
            .as(name)
            .isEqualTo(Double.doubleToLongBits(stored.asDouble()));
      }
    }
    assertThat(previewed.path("parameters")).isEqualTo(run.path("parameters"));
    assertThat(previewed.path("settings")).isEqualTo(run.path("settings"));
    assertThat(previewed.path("data_fingerprint")).isEqualTo(run.path("data_fingerprint"));
    JsonNode fills = client.get(id + "/trades?size=1000").json().path("items");
    assertThat(previewed.path("fills").size()).isEqualTo(fills.size()).isPositive();
    for (int i = 0; i < fills.size(); i++) {
      JsonNode mine = previewed.path("fills").path(i);
      JsonNode theirs = fills.path(i);
      assertThat(mine.path("timestamp")).isEqualTo(theirs.path("timestamp"));
      assertThat(mine.path("type")).isEqualTo(theirs.path("type"));
      assertThat(mine.path("bar_index")).isEqualTo(theirs.path("bar_index"));
      assertThat(mine.path("quantity").asDouble()).isEqualTo(theirs.path("quantity").asDouble());
    }
    assertThat(previewed.path("fills_truncated").asBoolean()).isFalse();
    assertThat(previewed.path("engine_ms").asDouble()).isPositive();
    assertThat(previewed.path("plots").path("series").isArray()).isTrue();
  }

  @Test
  void previewsStoreNothingAndLeaveTheRunQuotaAlone() {
    Map<String, Long> before = rowCounts();

    // More previews than MAX_CONCURRENT_RUNS (3): none of them is a run.
    for (int i = 0; i < 4; i++) {
      Map<String, Object> saved = RunClient.request(strategyId);
      saved.put("parameters", Map.of("fast", 5 + i));
      assertThat(client.preview(saved).status()).isEqualTo(200);
      assertThat(client.preview(RunClient.previewOf(FLIP)).status()).isEqualTo(200);
    }

    assertThat(rowCounts()).isEqualTo(before);
    assertThat(client.get(RunClient.PATH).json().path("total_items").asLong()).isZero();
  }

  @Test
  void inlineCodeRunsAsASavedStrategyWithTheSameSourceWould() {
    Response saved = client.preview(RunClient.request(strategyId));
    Response inline = client.preview(RunClient.previewOf(RunClient.SMA_CROSS));

    assertThat(inline.status()).as(inline.toString()).isEqualTo(200);
    assertThat(inline.json().path("result")).isEqualTo(saved.json().path("result"));
    assertThat(inline.json().path("parameters"))
        .isEqualTo(json.readTree("{\"fast\": 10.0, \"slow\": 30.0}"));
  }

  @Test
  void exactlyOneOfStrategyIdAndCodeIsRequired() {
    Map<String, Object> neither = RunClient.previewOf(RunClient.SMA_CROSS);
    neither.remove("code");
    Map<String, Object> both = RunClient.previewOf(RunClient.SMA_CROSS);
    both.put("strategy_id", strategyId);

    Response none = client.preview(neither);
    Response two = client.preview(both);

    assertThat(none.status()).isEqualTo(422);
    assertThat(none.problemType()).isEqualTo("/problems/validation-failed");
    assertThat(none.errorFields()).containsExactly("strategy_id");
    assertThat(two.status()).isEqualTo(422);
    assertThat(two.errorFields()).containsExactly("code");
  }

  @Test
  void codeThatDoesNotCompileIsAProblemWithLineAndColumn() {
    Response response =
        client.preview(RunClient.previewOf("long_entry = close > smaa(close, 20)\n"));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.problemType()).isEqualTo("/problems/invalid-strategy");
    JsonNode error = response.json().path("errors").path(0);
    assertThat(error.path("field").asString()).isEqualTo("code");
    assertThat(error.path("line").asInt()).isEqualTo(1);
    assertThat(error.path("column").asInt()).isEqualTo(22);
  }

  @Test
  void theRunChecksApplyAllAtOnceAndThePointBudgetIsBounded() {
    Map<String, Object> request = RunClient.previewOf(RunClient.SMA_CROSS);
    request.put("parameters", Map.of("fast", 500));
    request.put("initial_capital", -1);
    Map<String, Object> tooFewPoints = RunClient.previewOf(RunClient.SMA_CROSS);
    tooFewPoints.put("points", 15);
    Map<String, Object> tooLong = RunClient.previewOf("x".repeat(64 * 1024 + 1));

    Response invalid = client.preview(request);

    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.errorFields())
        .containsExactlyInAnyOrder("parameters.fast", "initial_capital");
    assertThat(client.preview(tooFewPoints).errorFields()).containsExactly("points");
    assertThat(client.preview(tooLong).errorFields()).containsExactly("code");
  }

  @Test
  void thePointBudgetShapesTheEquityChart() {
    Map<String, Object> request = RunClient.previewOf(RunClient.SMA_CROSS);
    request.put("points", 16);

    JsonNode equity = client.preview(request).json().path("result").path("equity");

    assertThat(equity.path("total_points").asInt()).isGreaterThan(200);
    assertThat(equity.path("time").size()).isLessThanOrEqualTo(16);
  }

  @Test
  void anotherAccountsPrivateStrategyIsRefusedAsForARun() {
    RunClient other = new RunClient(api, port, json, "other");

    Response response = other.preview(RunClient.request(strategyId));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.errorFields()).containsExactly("strategy_id");
    assertThat(response.body()).doesNotContain("SMA cross");
  }

  @Test
  void theLatestFillsAreAnsweredWhenThereAreTooMany() {
    Map<String, Object> request =
        RunClient.request(null, minutes, "1m", "2020-01-01", "2025-12-31");
    request.remove("strategy_id");
    request.put("code", FLIP);
    request.put("initial_capital", 1_000_000); // a unit costs about 10,000

    Response response = slowUser.preview(request);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode result = response.json();
    JsonNode fills = result.path("fills");
    assertThat(result.path("result").path("fill_count").asInt())
        .as(result.path("result").path("metrics").toString())
        .isGreaterThan(2000);
    assertThat(result.path("fills_truncated").asBoolean()).isTrue();
    assertThat(fills.size()).isEqualTo(2000);
    int last = fills.path(1999).path("bar_index").asInt();
    assertThat(last).isGreaterThan(MINUTE_BARS - 100); // the latest, not the first
    for (int i = 1; i < fills.size(); i++) {
      assertThat(fills.path(i).path("bar_index").asInt())
          .isGreaterThanOrEqualTo(fills.path(i - 1).path("bar_index").asInt());
    }
  }

  @Test
  void aNewerPreviewOfTheSameAccountCancelsTheOneInProgress() throws Exception {
    // Thirty slow columns compute far longer than PREVIEW_TIME_LIMIT (10 s): unless cancelled,
    // this preview would answer preview-time-limit.
    CompletableFuture<Response> first = previewInBackground(slowUser, RunClient.slowStrategy(30));
    awaitComputing(1);

    Response second = slowUser.preview(RunClient.previewOf(RunClient.SMA_CROSS));

    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    Response superseded = first.get(60, TimeUnit.SECONDS);
    assertThat(superseded.status()).as(superseded.toString()).isEqualTo(409);
    assertThat(superseded.problemType()).isEqualTo("/problems/preview-superseded");
    awaitComputing(0);
  }

  @Test
  void oneAccountsPreviewDoesNotCancelAnothers() throws Exception {
    CompletableFuture<Response> slow = previewInBackground(slowUser, RunClient.slowStrategy(2));
    awaitComputing(1);

    Response other = client.preview(RunClient.previewOf(RunClient.SMA_CROSS));

    assertThat(other.status()).as(other.toString()).isEqualTo(200);
    Response finished = slow.get(60, TimeUnit.SECONDS);
    assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
    assertThat(finished.json().path("result").path("bar_count").asInt()).isEqualTo(MINUTE_BARS);
  }

  /** Starts a preview of {@code code} over {@link #minutes} on another thread. */
  static CompletableFuture<Response> previewInBackground(RunClient user, String code) {
    Map<String, Object> request =
        RunClient.request(null, minutes, "1m", "2020-01-01", "2025-12-31");
    request.remove("strategy_id");
    request.put("code", code);
    return CompletableFuture.supplyAsync(() -> user.preview(request));
  }

  /** Waits until exactly {@code count} previews compute in the app. */
  void awaitComputing(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (gate.running() != count) {
      assertThat(System.nanoTime()).as("%d previews computing", count).isLessThan(deadline);
      RunClient.sleep(20);
    }
  }

  private static JsonNode withoutMetrics(JsonNode result) {
    ObjectNode copy = (ObjectNode) result.deepCopy();
    copy.remove("metrics");
    return copy;
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table :
        List.of(
            "backtests",
            "backtest_trades",
            "backtest_series",
            "backtest_round_trips",
            "jobrunr_jobs")) {
      counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }
    return counts;
  }
}
