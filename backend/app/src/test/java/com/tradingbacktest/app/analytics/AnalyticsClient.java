package com.tradingbacktest.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.Api.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** One signed-in user with strategies and runs, reading analytics over real HTTP. */
final class AnalyticsClient {

  static final String PATH = "/api/v1/analytics";

  /**
   * A moving-average crossover that trades on AAPL 2013 and on a week of minute bars of bitcoin.
   */
  static final String SMA_CROSS =
      """
      param fast = 10 in 2..50 step 1
      param slow = 30 in 5..100 step 5
      long_entry = crossover(sma(close, fast), sma(close, slow))
      long_exit = crossunder(sma(close, fast), sma(close, slow))
      """;

  private final Api api;
  private final String[] auth;

  AnalyticsClient(Api api, String prefix) {
    this.api = api;
    this.auth = new String[] {"Authorization", Api.bearer(api.registerUser(prefix))};
  }

  String strategy(String name) {
    Response created =
        api.post("/api/v1/strategies", Map.of("name", name, "code", SMA_CROSS), auth);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
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
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("strategy_id", strategyId);
    body.put("symbol", symbol);
    body.put("interval", interval);
    body.put("start_date", startDate);
    body.put("end_date", endDate);
    body.put("initial_capital", 10000);
    body.put("parameters", Map.of("fast", fast, "slow", slow));
    Response response = api.post("/api/v1/backtests", body, auth);
    assertThat(response.status()).as(response.toString()).isEqualTo(202);
    return response.json().path("id").asString();
  }

  /** Waits until each run has finished and checks that it completed. */
  void awaitCompleted(String... ids) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    for (String id : ids) {
      JsonNode status = backtest(id + "/status");
      while (!List.of("completed", "failed", "cancelled")
          .contains(status.path("status").asString())) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("run " + id + " did not finish; last status " + status);
        }
        sleep(250);
        status = backtest(id + "/status");
      }
      assertThat(status.path("status").asString()).as(status.toString()).isEqualTo("completed");
    }
  }

  /** GET /api/v1/backtests/{path}, which must answer 200. */
  JsonNode backtest(String path) {
    Response response = api.get("/api/v1/backtests/" + path, auth);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  Response cancel(String id) {
    return api.delete("/api/v1/backtests/" + id, auth);
  }

  /** GET /api/v1/analytics/{pathAndQuery}. */
  Response get(String pathAndQuery) {
    return api.get(PATH + "/" + pathAndQuery, auth);
  }

  /** GET /api/v1/analytics/{pathAndQuery}, which must answer 200. */
  JsonNode ok(String pathAndQuery) {
    Response response = get(pathAndQuery);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
