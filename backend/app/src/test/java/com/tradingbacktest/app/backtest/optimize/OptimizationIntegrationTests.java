package com.tradingbacktest.app.backtest.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.app.backtest.run.RunClient;
import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.app.support.MarketDataHold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Grid search through the API, fanned out over JobRunr jobs, on bars whose outcome is worked out by
 * hand.
 */
class OptimizationIntegrationTests extends IntegrationTest {

  @Autowired DataSource dataSource;

  static final String PATH = "/api/v1/backtests/optimize";

  /** Long above the n-bar average of the close, out below it. */
  static final String ABOVE_SMA =
      """
      param n = 2 in 1..3
      long_entry = close > sma(close, n)
      long_exit = close < sma(close, n)
      """;

  RunClient client;
  String symbol;

  @BeforeEach
  void setUp() {
    client = new RunClient(api, port, json, "optimizer");
    symbol = client.uploadDaily(RunClient.dailyCsv(10, 11, 12, 11, 10, 12, 14));
  }

  @Test
  void ranksTheGridAsWorkedOutByHandAndRerunsTheWinner() {
    // 10,000 cash, whole units, fills at the next open, no costs (a custom symbol's preset is
    //   none):
    // n = 1: close > close never holds: no trade, total return 0.
    // n = 2: enter after day 2 (11 > 10.5) at 11: 909 units, cash 1; out after day 4 (11 < 11.5) at
    //   11: 10,000; enter after day 6 (12 > 11) at 12: 833 units, cash 4; day 7 closes at 14: 4 +
    //   833 x 14 = 11,666: +16.66%.
    // n = 3: enter after day 3 (12 > 11) at 12: 833 units, cash 4; out after day 4 (11 < 11.33) at
    //   11: 9,167; enter after day 6 (12 > 11) at 12: 763 units, cash 11; 11 + 763 x 14 = 10,693:
    //   +6.93%.
    Map<String, Object> request = optimize(Map.of(), "total_return");
    Response accepted = client.api.post(PATH, request, client.auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String id = accepted.json().path("id").asString();
    assertThat(accepted.header("Location")).isEqualTo(PATH + "/" + id);
    assertThat(accepted.json().path("combinations").asInt()).isEqualTo(3);

    JsonNode done = client.awaitOptimisation(id);
    assertThat(done.path("evaluated").asInt()).isEqualTo(3);
    assertThat(done.path("progress").asInt()).isEqualTo(100);
    JsonNode results = done.path("results");
    assertThat(results).hasSize(3);
    assertThat(results.get(0).path("parameters").path("n").asDouble()).isEqualTo(2.0);
    assertThat(results.get(0).path("score").asDouble()).isCloseTo(0.1666, within(1e-12));
    assertThat(results.get(0).path("rank").asInt()).isEqualTo(1);
    assertThat(results.get(1).path("parameters").path("n").asDouble()).isEqualTo(3.0);
    assertThat(results.get(1).path("score").asDouble()).isCloseTo(0.0693, within(1e-12));
    assertThat(results.get(2).path("parameters").path("n").asDouble()).isEqualTo(1.0);
    assertThat(results.get(2).path("score").asDouble()).isEqualTo(0.0);
    assertThat(results.get(2).path("metrics").path("trade_count").asInt()).isZero();
    assertThat(done.path("heatmap").isNull()).isTrue(); // one varying parameter

    // Re-running the winner as a full backtest gives the same return.
    long winner = results.get(0).path("combination").asLong();
    Response rerun =
        client.api.post(
            PATH + "/" + id + "/results/" + winner + "/backtest", Map.of(), client.auth);
    assertThat(rerun.status()).as(rerun.toString()).isEqualTo(202);
    String runId = rerun.json().path("id").asString();
    assertThat(client.awaitFinal(runId).path("status").asString()).isEqualTo("completed");
    JsonNode run = client.get(runId).json();
    assertThat(run.path("parameters").path("n").asDouble()).isEqualTo(2.0);
    assertThat(run.path("result").path("metrics").path("total_return").asDouble())
        .isCloseTo(0.1666, within(1e-12));
  }

  @Test
  void constraintsDecideWhichCombinationsAreFeasible() {
    Map<String, Object> request = optimize(Map.of(), "total_return");
    request.put(
        "constraints", List.of(Map.of("metric", "max_drawdown", "op", ">=", "value", -0.05)));
    String id = started(request);

    JsonNode results = client.awaitOptimisation(id).path("results");

    // n = 2 and n = 3 draw down more than 5% on the way; n = 1 never trades.
    assertThat(results.get(0).path("parameters").path("n").asDouble()).isEqualTo(1.0);
    assertThat(results.get(0).path("feasible").asBoolean()).isTrue();
    assertThat(results.get(1).path("feasible").asBoolean()).isFalse();
    assertThat(results.get(2).path("feasible").asBoolean()).isFalse();
  }

  @Test
  void aGridLargerThanOneSliceIsSharedOutAndGivesHeatmapData() {
    String strategy =
        client.strategy(
            "two params",
            """
        param n = 2 in 1..3
        param k = 0 in 0..24 step 1
        long_entry = close > sma(close, n) * (1 + k / 1000)
        long_exit = close < sma(close, n)
        """);
    Map<String, Object> request = optimize(strategy, Map.of(), "sharpe_ratio");
    String id = started(request);

    JsonNode done = client.awaitOptimisation(id);

    assertThat(done.path("combinations").asInt()).isEqualTo(75);
    assertThat(done.path("evaluated").asInt()).isEqualTo(75);
    JsonNode heatmap = done.path("heatmap");
    assertThat(heatmap.path("x").asString()).isEqualTo("n");
    assertThat(heatmap.path("y").asString()).isEqualTo("k");
    assertThat(heatmap.path("x_values")).hasSize(3);
    assertThat(heatmap.path("y_values")).hasSize(25);
    assertThat(heatmap.path("scores")).hasSize(25);
    assertThat(heatmap.path("scores").get(0)).hasSize(3);
    // The best cell is the best-ranked result's score.
    double best = done.path("results").get(0).path("score").asDouble();
    double maxCell = Double.NEGATIVE_INFINITY;
    for (JsonNode row : heatmap.path("scores")) {
      for (JsonNode cell : row) {
        if (!cell.isNull()) {
          maxCell = Math.max(maxCell, cell.asDouble());
        }
      }
    }
    assertThat(maxCell).isEqualTo(best);
    assertThat(client.get(PATH).json().path("items").toString()).contains(id);
    assertThat(client.api.delete(PATH + "/" + id, client.auth).status()).isEqualTo(204);
    assertThat(client.get(PATH + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void skipsCombinationsThatBreakAParameterConstraintBeforeRunningAndCountsThem() {
    String strategy =
        client.strategy(
            "constrained",
            """
        param n = 2 in 1..3
        param k = 3 in 0..24 step 1
        constraint k >= n
        long_entry = close > sma(close, n) * (1 + k / 1000)
        long_exit = close < sma(close, n)
        """);
    Map<String, Object> request = optimize(strategy, Map.of(), "total_return");
    request.put("param_constraints", List.of("k != 5"));

    Response accepted = client.api.post(PATH, request, client.auth);

    // 75 combinations; k >= n leaves 24 + 23 + 22 = 69, k != 5 another 3 out: 66 run in two
    // slices (50 per slice), 9 are skipped.
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    assertThat(accepted.json().path("combinations").asInt()).isEqualTo(66);
    JsonNode done = client.awaitOptimisation(accepted.json().path("id").asString());
    assertThat(done.path("status").asString()).isEqualTo("completed");
    assertThat(done.path("evaluated").asInt()).isEqualTo(66);
    assertThat(done.path("skipped_combinations").asInt()).isEqualTo(9);
    assertThat(done.path("param_constraints").toString()).isEqualTo("[\"k != 5\"]");
    JsonNode all =
        client.get(PATH + "/" + done.path("id").asString() + "?limit=100").json().path("results");
    assertThat(all).hasSize(66);
    for (JsonNode r : all) {
      double n = r.path("parameters").path("n").asDouble();
      double k = r.path("parameters").path("k").asDouble();
      assertThat(k).isGreaterThanOrEqualTo(n).isNotEqualTo(5.0);
    }
  }

  @Test
  void theGridLimitCountsOnlyTheCombinationsThatMeetTheConstraints() {
    String strategy =
        client.strategy(
            "wide and constrained",
            """
        param a = 1 in 1..1000
        param b = 1 in 1..1000
        long_entry = close > sma(close, a) and close > sma(close, b)
        """);
    Map<String, Object> request = optimize(strategy, Map.of(), "total_return");
    request.put("param_constraints", List.of("a == 1", "b <= 3"));

    // A million combinations, three of which meet the constraints: under the limit of 10,000.
    Response accepted = client.api.post(PATH, request, client.auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    assertThat(accepted.json().path("combinations").asInt()).isEqualTo(3);
    JsonNode done = client.awaitOptimisation(accepted.json().path("id").asString());
    assertThat(done.path("skipped_combinations").asLong()).isEqualTo(999_997);
    assertThat(done.path("evaluated").asInt()).isEqualTo(3);

    request.put("param_constraints", List.of("a < b"));
    Response tooMany = client.api.post(PATH, request, client.auth);
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.body())
        .contains("the grid has 499500 combinations that meet its parameter constraints");
  }

  @Test
  void refusesBadParameterConstraintsWithTheirPositions() {
    String above = client.strategy("above for constraints", ABOVE_SMA);
    Map<String, Object> request = optimize(above, Map.of(), "total_return");
    request.put("param_constraints", List.of("m < 3", "n <", "n < 2 * 3"));

    Response response = client.api.post(PATH, request, client.auth);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.errorFields())
        .contains("param_constraints[0]", "param_constraints[1]", "param_constraints[2]");
    assertThat(response.body())
        .contains("unknown param 'm' in the constraint m < 3; did you mean 'n'?")
        .contains("column 4: expected a param or a number after the comparison")
        .contains("column 7: expected the end of the constraint, found '*'");

    request.put("param_constraints", List.of("n > 5"));
    Response nothing = client.api.post(PATH, request, client.auth);
    assertThat(nothing.status()).isEqualTo(422);
    assertThat(nothing.errorFields()).contains("param_constraints");
    assertThat(nothing.body()).contains("every one of the grid's 3 combinations breaks");

    // A run whose parameters break the strategy's own constraint is refused too.
    String constrained =
        client.strategy(
            "run constrained",
            """
        param n = 2 in 1..3
        constraint n <= 2
        long_entry = close > sma(close, n)
        long_exit = close < sma(close, n)
        """);
    Map<String, Object> run =
        RunClient.request(constrained, symbol, "1d", "2024-01-01", "2024-01-07");
    run.put("parameters", Map.of("n", 3));
    Response refused = client.start(run);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("n = 3 breaks the constraint n <= 2 (line 2 of the strategy)");
  }

  @Test
  void refusesGridsOverTheLimitAndBadRanges() {
    String strategy =
        client.strategy(
            "wide",
            """
        param a = 1 in 1..1000
        param b = 1 in 1..1000
        long_entry = close > sma(close, a) and close > sma(close, b)
        """);
    Response huge =
        client.api.post(PATH, optimize(strategy, Map.of(), "sharpe_ratio"), client.auth);
    assertThat(huge.status()).isEqualTo(422);
    assertThat(huge.body()).contains("1000000 combinations").contains("limit of 10000");

    String above = client.strategy("above", ABOVE_SMA);
    Map<String, Object> bad =
        optimize(
            above,
            Map.of(
                "n",
                Map.of("from", 0, "to", 9, "step", 1),
                "x",
                Map.of("from", 1, "to", 2, "step", 1)),
            "best");
    bad.put("constraints", List.of(Map.of("metric", "luck", "op", ">=", "value", 1)));
    Response response = client.api.post(PATH, bad, client.auth);
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.errorFields())
        .contains("objective", "constraints[0]", "ranges.x", "ranges.n");

    Response anotherUser =
        new RunClient(api, port, json, "peeker")
            .get(PATH + "/" + started(optimize(Map.of(), "total_return")));
    assertThat(anotherUser.status()).isEqualTo(404);
  }

  @Test
  void oneQuotaCoversRunsAndOptimisationsTogether() throws Exception {
    List<String> runs = new ArrayList<>();
    String optimisation;
    Response run;
    Response another;
    // Hold the market data so that nothing finishes while the quota is counted.
    try (MarketDataHold ignored = MarketDataHold.on(dataSource)) {
      optimisation = started(optimize(Map.of(), "total_return"));
      String strategy = client.strategy("sma", RunClient.SMA_CROSS);
      runs.add(client.started(RunClient.request(strategy)));
      runs.add(client.started(RunClient.request(strategy))); // MAX_CONCURRENT_RUNS (3) reached

      run = client.start(RunClient.request(strategy));
      another = client.api.post(PATH, optimize(Map.of(), "total_return"), client.auth);
    }
    runs.forEach(client::delete);
    client.api.delete(PATH + "/" + optimisation, client.auth);
    assertThat(run.status()).as(run.toString()).isEqualTo(429);
    assertThat(run.problemType()).endsWith("/too-many-runs");
    assertThat(another.status()).as(another.toString()).isEqualTo(429);
  }

  private Map<String, Object> optimize(Map<String, Object> ranges, String objective) {
    return optimize(client.strategy("above sma", ABOVE_SMA), ranges, objective);
  }

  private Map<String, Object> optimize(
      String strategyId, Map<String, Object> ranges, String objective) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put(
        "backtest", RunClient.request(strategyId, symbol, "1d", "2024-01-01", "2024-01-07"));
    if (!ranges.isEmpty()) {
      request.put("ranges", ranges);
    }
    request.put("objective", objective);
    return request;
  }

  private String started(Map<String, Object> request) {
    Response accepted = client.api.post(PATH, request, client.auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    return accepted.json().path("id").asString();
  }
}
