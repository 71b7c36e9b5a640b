package com.tradingbacktest.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.backtest.run.RunClient;
import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.Api.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One signed-in user with strategies and runs, reading analytics over real HTTP; the runs are made
 * and awaited through the backtest tests' {@link RunClient}.
 */
final class AnalyticsClient {

  static final String PATH = "/api/v1/analytics";

  private final RunClient runs;

  AnalyticsClient(Api api, int port, JsonMapper json, String prefix) {
    this.runs = new RunClient(api, port, json, prefix);
  }

  /**
   * Saves {@link RunClient#SMA_CROSS}, which trades on AAPL 2013 and on a week of minute bars of
   * bitcoin; returns its id.
   */
  String strategy(String name) {
    return runs.strategy(name, RunClient.SMA_CROSS);
  }

  /**
   * Starts a run of the strategy with these parameters on AAPL's daily bars of 2013; returns its
   * id.
   */
  String startAapl(String strategyId, int fast, int slow) {
    return start(strategyId, "AAPL", "1d", "2013-01-01", "2013-12-31", fast, slow);
  }

  String start(
      String strategyId,
      String symbol,
      String interval,
      String startDate,
      String endDate,
      int fast,
      int slow) {
    Map<String, Object> body = RunClient.request(strategyId);
    body.put("symbol", symbol);
    body.put("interval", interval);
    body.put("start_date", startDate);
    body.put("end_date", endDate);
    body.put("parameters", Map.of("fast", fast, "slow", slow));
    return runs.started(body);
  }

  /** Waits until each run has finished, two minutes for them all, and checks that it completed. */
  void awaitCompleted(String... ids) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    for (String id : ids) {
      JsonNode status =
          runs.awaitStatus(
              id,
              s ->
                  List.of("completed", "failed", "cancelled").contains(s.path("status").asString()),
              Duration.between(Instant.now(), deadline));
      assertThat(status.path("status").asString()).as(status.toString()).isEqualTo("completed");
    }
  }

  /** GET /api/v1/backtests/{path}, which must answer 200. */
  JsonNode backtest(String path) {
    Response response = runs.get(path);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  Response cancel(String id) {
    return runs.delete(id);
  }

  /** GET /api/v1/analytics/{pathAndQuery}. */
  Response get(String pathAndQuery) {
    return runs.api.get(PATH + "/" + pathAndQuery, runs.auth);
  }

  /** GET /api/v1/analytics/{pathAndQuery}, which must answer 200. */
  JsonNode ok(String pathAndQuery) {
    Response response = get(pathAndQuery);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }
}
