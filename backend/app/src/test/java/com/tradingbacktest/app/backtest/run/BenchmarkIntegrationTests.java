package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A run measured against a benchmark symbol: its metrics beside the run's, its rebased equity on
 * the charts within the point budget, the same resolution and ownership rules as the run's symbol,
 * and its bars in the run's fingerprint (so a rerun shows whether either changed). Checked by hand
 * on daily bars of uploaded symbols (crypto calendar: 365 bars a year).
 */
class BenchmarkIntegrationTests extends IntegrationTest {

  /** The run's symbol: 40 days from 2024-01-01. */
  static final double[] RUN_CLOSES = new double[40];

  /** The benchmark: 40 days from 2024-01-01, alternately up 10% and down 5%. */
  static final double[] BENCHMARK_CLOSES = new double[40];

  static {
    BENCHMARK_CLOSES[0] = 100;
    for (int i = 0; i < 40; i++) {
      RUN_CLOSES[i] = 50 + i % 7;
      if (i > 0) {
        BENCHMARK_CLOSES[i] = BENCHMARK_CLOSES[i - 1] * (i % 2 == 1 ? 1.1 : 0.95);
      }
    }
  }

  /** Never trades: equity is flat at the capital. */
  static final String NEVER = "long_entry = close < 0\nlong_exit = close < 0\n";

  /** Buys at the first bar's close and holds: equity follows the symbol. */
  static final String HOLD = "long_entry = close > 0\n";

  RunClient client;
  String runSymbol;
  String benchmark;

  @BeforeEach
  void uploadTheSymbols() {
    client = new RunClient(api, port, json, "bench");
    runSymbol = client.uploadDaily(RunClient.dailyCsv(RUN_CLOSES));
    benchmark = client.uploadDaily(RunClient.dailyCsv(BENCHMARK_CLOSES));
  }

  private Map<String, Object> request(String code) {
    Map<String, Object> request =
        RunClient.request(
            client.strategy("Bench", code), runSymbol, "1d", "2024-01-01", "2024-03-31");
    request.put("benchmark", benchmark);
    return request;
  }

  private JsonNode completed(Map<String, Object> request) {
    String id = client.started(request);
    JsonNode status = client.awaitFinal(id);
    assertThat(status.path("status").asString()).as(status.toString()).isEqualTo("completed");
    Response run = client.get(id);
    assertThat(run.status()).as(run.toString()).isEqualTo(200);
    return run.json();
  }

  @Test
  void aRunThatNeverTradesHasNoBetaAndCapturesNothing() {
    JsonNode run = completed(request(NEVER));

    assertThat(run.path("benchmark").asString()).isEqualTo(benchmark);
    JsonNode result = run.path("result");
    assertThat(result.path("benchmark").path("symbol").asString()).isEqualTo(benchmark);
    assertThat(result.path("benchmark").path("returns").asInt()).isEqualTo(39);
    JsonNode metrics = result.path("metrics");
    // Flat equity: every run return is 0, so cov = 0 and beta = 0; alpha = 365 * (0 - 0) = 0; the
    // run moved by 0 whichever way the benchmark went; correlation is undefined (no variance).
    assertThat(metrics.path("beta").asDouble()).isZero();
    assertThat(metrics.path("alpha").asDouble()).isZero();
    assertThat(metrics.path("up_capture").asDouble()).isZero();
    assertThat(metrics.path("down_capture").asDouble()).isZero();
    assertThat(metrics.path("correlation").isNull()).isTrue();
    assertThat(metrics.path("benchmark_return").asDouble())
        .isCloseTo(BENCHMARK_CLOSES[39] / 100 - 1, within(1e-12));
    assertThat(metrics.path("tracking_error").asDouble()).isPositive();
    // The information ratio of doing nothing against a rising benchmark is negative.
    assertThat(metrics.path("information_ratio").asDouble()).isNegative();

    JsonNode equity = result.path("equity");
    JsonNode rebased = equity.path("benchmark_equity");
    assertThat(rebased).hasSize(40);
    assertThat(rebased.get(0).asDouble()).isEqualTo(10_000);
    assertThat(rebased.get(1).asDouble()).isCloseTo(11_000, within(1e-9));
    assertThat(rebased.get(39).asDouble())
        .isCloseTo(10_000 * BENCHMARK_CLOSES[39] / 100, within(1e-6));
  }

  @Test
  void aRunThatHoldsItsOwnBenchmarkHasABetaOfOne() {
    Map<String, Object> request = request(HOLD);
    request.put("benchmark", runSymbol);
    request.put("fill", "close");

    JsonNode metrics = completed(request).path("result").path("metrics");

    assertThat(metrics.path("beta").asDouble()).isCloseTo(1, within(1e-6));
    assertThat(metrics.path("correlation").asDouble()).isCloseTo(1, within(1e-9));
    assertThat(metrics.path("alpha").asDouble()).isCloseTo(0, within(1e-6));
    assertThat(metrics.path("up_capture").asDouble()).isCloseTo(1, within(1e-6));
    assertThat(metrics.path("down_capture").asDouble()).isCloseTo(1, within(1e-6));
  }

  @Test
  void theChartServesTheRebasedBenchmarkWithinThePointBudget() {
    String id = completed(request(NEVER)).path("id").asString();

    Response chart = client.get("/api/v1/analytics/chart?backtest_id=" + id + "&points=16");

    assertThat(chart.status()).as(chart.toString()).isEqualTo(200);
    JsonNode equity = chart.json().path("equity");
    assertThat(equity.path("total_points").asInt()).isEqualTo(40);
    assertThat(equity.path("benchmark_equity").size())
        .isEqualTo(equity.path("time").size())
        .isLessThanOrEqualTo(16);
    // The benchmark's peak survives the downsampling.
    double peak = 0;
    for (double close : BENCHMARK_CLOSES) {
      peak = Math.max(peak, 10_000 * close / 100);
    }
    double drawnPeak = 0;
    for (JsonNode v : equity.path("benchmark_equity")) {
      drawnPeak = Math.max(drawnPeak, v.asDouble());
    }
    assertThat(drawnPeak).isCloseTo(peak, within(1e-6));
  }

  @Test
  void aRunWithoutABenchmarkHasNoneOfItsParts() {
    Map<String, Object> request = request(NEVER);
    request.remove("benchmark");

    JsonNode run = completed(request);

    assertThat(run.path("benchmark").isNull()).isTrue();
    assertThat(run.path("result").path("benchmark").isNull()).isTrue();
    assertThat(run.path("result").path("metrics").has("beta")).isFalse();
    assertThat(run.path("result").path("equity").path("benchmark_equity").isNull()).isTrue();
  }

  @Test
  void theBenchmarkIsPartOfTheFingerprintAndARerunKeepsIt() {
    Map<String, Object> without = request(NEVER);
    without.remove("benchmark");
    JsonNode plain = completed(without);
    JsonNode measured = completed(request(NEVER));

    assertThat(measured.path("data_fingerprint").asString())
        .hasSize(64)
        .isNotEqualTo(plain.path("data_fingerprint").asString());
    assertThat(measured.path("data_changed").asBoolean()).isFalse();

    Response rerun =
        client.api.post(
            RunClient.PATH + "/" + measured.path("id").asString() + "/rerun",
            Map.of(),
            client.auth);
    assertThat(rerun.status()).as(rerun.toString()).isEqualTo(202);
    String rerunId = rerun.json().path("id").asString();
    assertThat(client.awaitFinal(rerunId).path("status").asString()).isEqualTo("completed");
    JsonNode again = client.get(rerunId).json();
    assertThat(again.path("benchmark").asString()).isEqualTo(benchmark);
    assertThat(again.path("same_data_as_original").asBoolean()).isTrue();
    assertThat(again.path("result").path("metrics").path("benchmark_return").asDouble())
        .isEqualTo(measured.path("result").path("metrics").path("benchmark_return").asDouble());
  }

  @Test
  void anOptimisationKeepsItsBenchmarkForTheCombinationsItRunsAsBacktests() {
    Map<String, Object> backtest =
        request("param n = 2 in 1..3\nlong_entry = close > sma(close, n)\n");
    Map<String, Object> optimise = new java.util.LinkedHashMap<>();
    optimise.put("backtest", backtest);
    optimise.put("objective", "total_return");
    Response accepted = client.api.post(RunClient.OPTIMIZE, optimise, client.auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String id = accepted.json().path("id").asString();

    JsonNode done = client.awaitOptimisation(id);
    assertThat(done.path("benchmark").asString()).isEqualTo(benchmark);
    long best = done.path("results").get(0).path("combination").asLong();
    Response run =
        client.api.post(
            RunClient.OPTIMIZE + "/" + id + "/results/" + best + "/backtest",
            Map.of(),
            client.auth);
    assertThat(run.status()).as(run.toString()).isEqualTo(202);
    String runId = run.json().path("id").asString();
    assertThat(client.awaitFinal(runId).path("status").asString()).isEqualTo("completed");

    JsonNode measured = client.get(runId).json();
    assertThat(measured.path("benchmark").asString()).isEqualTo(benchmark);
    assertThat(measured.path("result").path("metrics").path("beta").isNumber()).isTrue();
  }

  @Test
  void comparisonsListTheBenchmarkMetrics() {
    String first = completed(request(NEVER)).path("id").asString();
    Map<String, Object> other = request(HOLD);
    String second = completed(other).path("id").asString();

    Response compared = client.get("/api/v1/analytics/compare?ids=" + first + "&ids=" + second);

    assertThat(compared.status()).as(compared.toString()).isEqualTo(200);
    assertThat(compared.json().path("metric_names").toString())
        .contains("\"alpha\"", "\"beta\"", "\"down_capture\"");
    assertThat(compared.json().path("runs").get(0).path("metrics").path("beta").asDouble())
        .isZero();
  }

  @Test
  void refusesAnUnknownBenchmarkAndAnotherAccountsUpload() {
    Map<String, Object> unknown = request(NEVER);
    unknown.put("benchmark", "NOPE-NOT-STORED");
    Response response = client.start(unknown);
    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.problemType()).isEqualTo("/problems/validation-failed");
    assertThat(response.errorMessages("benchmark"))
        .singleElement()
        .asString()
        .contains("unknown symbol 'NOPE-NOT-STORED'");

    // Another account's upload is invisible: the same answer as a symbol that does not exist.
    RunClient other = new RunClient(api, port, json, "bench-other");
    Map<String, Object> theirs =
        RunClient.request(
            other.strategy("Theirs", NEVER), "AAPL", "1d", "2013-01-01", "2013-12-31");
    theirs.put("benchmark", benchmark);
    Response refused = other.start(theirs);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.errorMessages("benchmark"))
        .singleElement()
        .asString()
        .contains("unknown symbol '" + benchmark + "'");

    Map<String, Object> ownOnly = request(NEVER);
    ownOnly.put("benchmark", "AAPL");
    ownOnly.put("benchmark_dataset", "own");
    Response noUpload = client.start(ownOnly);
    assertThat(noUpload.status()).as(noUpload.toString()).isEqualTo(422);
    assertThat(noUpload.errorMessages("benchmark"))
        .singleElement()
        .asString()
        .contains("you have no upload of 'AAPL'");
  }

  @Test
  void refusesABenchmarkWithoutBarsInTheRunsDays() {
    // AAPL's shared sample data is of 2013: none of it falls in the run's days of 2024.
    Map<String, Object> request = request(NEVER);
    request.put("benchmark", "AAPL");

    Response response = client.start(request);

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.errorMessages("benchmark"))
        .singleElement()
        .asString()
        .contains("no 1d bars of AAPL between 2024-01-01 and 2024-03-31; its data covers");

    request.put("interval", "1h");
    request.put("benchmark", benchmark);
    Response noInterval = client.start(request);
    assertThat(noInterval.status()).as(noInterval.toString()).isEqualTo(422);
    assertThat(noInterval.errorMessages("benchmark"))
        .singleElement()
        .asString()
        .contains("no 1h bars are stored for " + benchmark);
  }
}
