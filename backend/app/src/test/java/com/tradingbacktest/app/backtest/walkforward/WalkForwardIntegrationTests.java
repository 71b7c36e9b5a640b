package com.tradingbacktest.app.backtest.walkforward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.app.backtest.run.RunClient;
import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.app.support.MarketDataHold;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Walk-forwards through the API, fanned out over JobRunr jobs, on 360 daily bars of a wave whose
 * period lengthens, so different windows favour different averages.
 */
class WalkForwardIntegrationTests extends IntegrationTest {

  static final String PATH = "/api/v1/backtests/walk-forward";

  static final int DAYS = 360;

  static final String CROSS =
      """
      param fast = 4 in 2..20 step 1
      param slow = 20 in 10..60 step 5
      long_entry = crossover(sma(close, fast), sma(close, slow))
      long_exit = crossunder(sma(close, fast), sma(close, slow))
      """;

  static final Map<String, Object> RANGES =
      Map.of(
          "fast", Map.of("from", 2, "to", 10, "step", 2),
          "slow", Map.of("from", 10, "to", 40, "step", 10));

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Autowired DataSource dataSource;

  RunClient client;
  String symbol;
  String strategy;

  @BeforeEach
  void setUp() {
    client = new RunClient(api, port, json, "walker");
    symbol = client.uploadDaily(RunClient.dailyCsv(closes(0)));
    strategy = client.strategy("cross", CROSS);
  }

  /** A wave around a slow trend whose period grows from about 20 to about 60 days. */
  static double[] closes(double shift) {
    double[] closes = new double[DAYS];
    double phase = shift;
    for (int i = 0; i < DAYS; i++) {
      phase += 2 * Math.PI / (20 + i / 9.0);
      closes[i] = Math.round((100 + i * 0.05 + 8 * Math.sin(phase)) * 100) / 100.0;
    }
    return closes;
  }

  @Test
  void eachWindowChoosesWhatAnOptimisationOverItsTrainDaysChoosesAndTheTestsCarryTheCapital() {
    Map<String, Object> request = walkForward(3, 2.0);
    Response accepted = client.api.post(PATH, request, client.auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String id = accepted.json().path("id").asString();
    assertThat(accepted.header("Location")).isEqualTo(PATH + "/" + id);
    // fast < slow leaves every pair of 2..10 step 2 with 10..40 step 10 but (10, 10): 19.
    assertThat(accepted.json().path("combinations").asInt()).isEqualTo(19);
    assertThat(accepted.json().path("window_count").asInt()).isEqualTo(3);
    assertThat(accepted.json().path("windows_spec").path("mode").asString()).isEqualTo("rolling");
    assertThat(accepted.json().path("windows_spec").path("gap_bars").asInt()).isZero();
    CompletableFuture<List<JsonNode>> stream =
        CompletableFuture.supplyAsync(() -> events(id, Duration.ofMinutes(2)));

    JsonNode done = await(id);

    List<JsonNode> events = stream.join();
    assertThat(events).isNotEmpty();
    assertThat(events.get(events.size() - 1).path("status").asString()).isEqualTo("completed");
    assertThat(events.get(events.size() - 1).path("progress").asInt()).isEqualTo(100);
    assertThat(done.path("progress").asInt()).isEqualTo(100);
    JsonNode windows = done.path("windows");
    assertThat(windows).hasSize(3);

    // The test parts tile the bars after the first train part, in order, without overlap.
    int tested = 0;
    for (int i = 0; i < windows.size(); i++) {
      JsonNode w = windows.get(i);
      assertThat(w.path("status").asString()).isEqualTo("completed");
      assertThat(Instant.parse(w.path("train_end").asString()))
          .isBefore(Instant.parse(w.path("test_start").asString()));
      if (i > 0) {
        Instant previousEnd = Instant.parse(windows.get(i - 1).path("test_end").asString());
        assertThat(Instant.parse(w.path("test_start").asString()))
            .isEqualTo(previousEnd.plus(Duration.ofDays(1)));
      }
      tested += w.path("test_bars").asInt();
    }
    assertThat(tested).isEqualTo(DAYS - windows.get(0).path("train_bars").asInt());
    assertThat(Instant.parse(windows.get(2).path("test_end").asString()))
        .isEqualTo(day(DAYS - 1).atStartOfDay().toInstant(ZoneOffset.UTC));

    // Capital carries: each test part starts with what the one before ended with.
    assertThat(windows.get(0).path("start_equity").asDouble()).isEqualTo(10_000.0);
    for (int i = 1; i < windows.size(); i++) {
      assertThat(windows.get(i).path("start_equity").asDouble())
          .isCloseTo(windows.get(i - 1).path("end_equity").asDouble(), within(1e-6));
    }
    JsonNode outOfSample = done.path("out_of_sample");
    assertThat(outOfSample.path("metrics").path("final_equity").asDouble())
        .isCloseTo(windows.get(2).path("end_equity").asDouble(), within(1e-6));
    assertThat(outOfSample.path("equity").size()).isBetween(2, 1_000);
    int trades = 0;
    for (JsonNode w : windows) {
      trades += w.path("trade_count").asInt();
    }
    assertThat(outOfSample.path("trade_count").asInt()).isEqualTo(trades);
    assertThat(done.path("parameter_drift")).hasSize(2);
    assertThat(done.path("parameter_drift").get(0).path("values")).hasSize(3);

    // Each window's choice is the best of an optimisation over the days of its train part.
    for (JsonNode w : windows) {
      Map<String, Object> optimisation = new LinkedHashMap<>();
      optimisation.put(
          "backtest",
          RunClient.request(
              strategy,
              symbol,
              "1d",
              date(w.path("train_start")).toString(),
              date(w.path("train_end")).toString()));
      optimisation.put("ranges", RANGES);
      optimisation.put("objective", "total_return");
      optimisation.put("param_constraints", List.of("fast < slow"));
      Response started = client.api.post(RunClient.OPTIMIZE, optimisation, client.auth);
      assertThat(started.status()).as(started.toString()).isEqualTo(202);
      JsonNode best =
          client.awaitOptimisation(started.json().path("id").asString()).path("results").get(0);
      assertThat(best.path("feasible").asBoolean()).isTrue();
      assertThat(w.path("parameters"))
          .as("window %s", w.path("number"))
          .isEqualTo(best.path("parameters"));
      assertThat(w.path("combination").asLong()).isEqualTo(best.path("combination").asLong());
      assertThat(w.path("in_sample_score").asDouble())
          .isCloseTo(best.path("score").asDouble(), within(1e-12));
      assertThat(w.path("in_sample_metrics").path("total_return").asDouble())
          .isCloseTo(best.path("metrics").path("total_return").asDouble(), within(1e-12));
    }

    JsonNode list = client.get(PATH + "?size=5").json();
    assertThat(list.path("items").get(0).path("id").asString()).isEqualTo(id);
    assertThat(list.path("items").get(0).path("window_count").asInt()).isEqualTo(3);
    assertThat(list.path("items").get(0).path("status").asString()).isEqualTo("completed");

    // A final walk-forward is deleted with its windows.
    assertThat(client.api.delete(PATH + "/" + id, client.auth).status()).isEqualTo(204);
    assertThat(client.get(PATH + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void anchoredWindowsByLengthsWithAGapStartAtTheFirstBar() {
    Map<String, Object> request = walkForward(5, 3.0);
    request.put(
        "windows", Map.of("mode", "anchored", "train_bars", 120, "test_bars", 60, "gap_bars", 5));

    JsonNode done = await(started(request));

    JsonNode windows = done.path("windows");
    // 360 bars hold three whole test parts of 60 after 120 train bars and a gap of 5; the test
    // parts end at the last bar, and the 55 bars left over join the first train part: train parts
    // [0, 175), [0, 235), [0, 295), tests [180, 240), [240, 300), [300, 360).
    assertThat(windows).hasSize(3);
    int[] trainBars = {175, 235, 295};
    for (int i = 0; i < 3; i++) {
      JsonNode w = windows.get(i);
      assertThat(w.path("train_start").asString()).isEqualTo("2024-01-01T00:00:00Z");
      assertThat(w.path("train_bars").asInt()).isEqualTo(trainBars[i]);
      assertThat(w.path("test_bars").asInt()).isEqualTo(60);
      assertThat(
              Duration.between(
                      Instant.parse(w.path("train_end").asString()),
                      Instant.parse(w.path("test_start").asString()))
                  .toDays())
          .isEqualTo(6);
    }
    assertThat(Instant.parse(windows.get(2).path("test_end").asString()))
        .isEqualTo(day(DAYS - 1).atStartOfDay().toInstant(ZoneOffset.UTC));
    assertThat(done.path("windows_spec").path("mode").asString()).isEqualTo("anchored");
  }

  @Test
  void aWindowWithoutAFeasibleCombinationStaysInCash() {
    Map<String, Object> request = walkForward(2, 2.0);
    request.put("constraints", List.of(Map.of("metric", "trade_count", "op", ">=", "value", 1000)));

    JsonNode done = await(started(request));

    for (JsonNode w : done.path("windows")) {
      assertThat(w.path("status").asString()).isEqualTo("completed");
      assertThat(w.path("parameters").isNull()).isTrue();
      assertThat(w.path("combination").isNull()).isTrue();
      assertThat(w.path("start_equity").asDouble()).isEqualTo(10_000.0);
      assertThat(w.path("end_equity").asDouble()).isEqualTo(10_000.0);
      assertThat(w.path("trade_count").asInt()).isZero();
    }
    assertThat(done.path("out_of_sample").path("metrics").path("final_equity").asDouble())
        .isEqualTo(10_000.0);
    assertThat(done.path("efficiency").isNull()).isTrue();
  }

  @Test
  void plansWindowsByCalendarPeriodsAndCountsTheWindowsThatFit() {
    Map<String, Object> request = walkForward(5, 3.0);
    request.put("windows", Map.of("train_period", "P3M", "test_period", "P3M"));

    Response accepted = client.api.post(PATH, request, client.auth);

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    JsonNode windows = accepted.json().path("windows");
    // Three months of train from 2024-01-01, then test parts of three months to the last bar
    // (2024-12-25): April-June, July-September, October-December; the spec counts them.
    assertThat(windows).hasSize(3);
    assertThat(accepted.json().path("windows_spec").path("count").asInt()).isEqualTo(3);
    assertThat(accepted.json().path("windows_spec").path("test_period").asString())
        .isEqualTo("P3M");
    assertThat(windows.get(0).path("train_end").asString()).isEqualTo("2024-03-31T00:00:00Z");
    assertThat(windows.get(0).path("test_start").asString()).isEqualTo("2024-04-01T00:00:00Z");
    assertThat(windows.get(1).path("test_start").asString()).isEqualTo("2024-07-01T00:00:00Z");
    assertThat(windows.get(2).path("test_start").asString()).isEqualTo("2024-10-01T00:00:00Z");
    assertThat(windows.get(2).path("test_end").asString())
        .isEqualTo(day(DAYS - 1).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
    await(accepted.json().path("id").asString());
  }

  @Test
  void refusesBadWindowsNamingTheField() {
    Map<String, Object> badMode = walkForward(3, 2.0);
    badMode.put("windows", Map.of("mode", "sideways"));
    assertThat(client.api.post(PATH, badMode, client.auth).errorFields()).contains("windows.mode");

    Map<String, Object> noWindows = walkForward(0, 2.0);
    Response zero = client.api.post(PATH, noWindows, client.auth);
    assertThat(zero.status()).isEqualTo(422);
    assertThat(zero.errorFields()).contains("windows.count");

    Map<String, Object> halfPeriods = walkForward(3, 2.0);
    halfPeriods.put("windows", Map.of("train_period", "P6M"));
    assertThat(client.api.post(PATH, halfPeriods, client.auth).errorFields())
        .contains("windows.test_period");

    Map<String, Object> badPeriod = walkForward(3, 2.0);
    badPeriod.put("windows", Map.of("train_period", "six months", "test_period", "P1M"));
    assertThat(client.api.post(PATH, badPeriod, client.auth).errorMessages("windows.train_period"))
        .containsExactly("must be an ISO-8601 period such as P2Y, P6M or P30D");

    Map<String, Object> badRatio = walkForward(3, 0.0);
    assertThat(client.api.post(PATH, badRatio, client.auth).errorFields())
        .contains("windows.train_test_ratio");

    // 50 windows of at least a bar each after a train part three times as long: not in the 46
    // bars of 2024-01-01 to 2024-02-15.
    Map<String, Object> short46 = walkForward(50, 3.0);
    short46.put("backtest", RunClient.request(strategy, symbol, "1d", "2024-01-01", "2024-02-15"));
    Response tooFew = client.api.post(PATH, short46, client.auth);
    assertThat(tooFew.status()).as(tooFew.toString()).isEqualTo(422);
    assertThat(tooFew.errorFields()).containsExactly("windows");

    // Parts of 10 and 1 bars would make 350 windows of 360 bars: more than the 100 a plan may have.
    Map<String, Object> tooMany = walkForward(3, 2.0);
    tooMany.put("windows", Map.of("train_bars", 10, "test_bars", 1));
    Response refused = client.api.post(PATH, tooMany, client.auth);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.errorMessages("windows").get(0)).contains("100");

    // The grid's checks are an optimisation's.
    Map<String, Object> badGrid = walkForward(3, 2.0);
    badGrid.put("ranges", Map.of("nope", Map.of("from", 1, "to", 2, "step", 1)));
    badGrid.put("objective", "luck");
    assertThat(client.api.post(PATH, badGrid, client.auth).errorFields())
        .contains("ranges.nope", "objective");
  }

  @Test
  void refusesMoreBacktestsThanTheBudgetNamingTheNumbers() {
    String wide =
        client.strategy(
            "wide",
            """
            param fast = 4 in 2..100
            param slow = 20 in 10..110
            long_entry = crossover(sma(close, fast), sma(close, slow))
            long_exit = crossunder(sma(close, fast), sma(close, slow))
            """);
    Map<String, Object> request = walkForward(20, 1.0);
    request.put("backtest", RunClient.request(wide, symbol, "1d", "2024-01-01", "2024-12-31"));
    request.put(
        "ranges",
        Map.of(
            "fast", Map.of("from", 2, "to", 100, "step", 1),
            "slow", Map.of("from", 10, "to", 110, "step", 1)));
    request.remove("param_constraints");

    Response refused = client.api.post(PATH, request, client.auth);

    // 99 x 101 = 9,999 combinations (within an optimisation's 10,000) in each of 20 windows:
    // 199,980 backtests, over MAX_WALK_FORWARD_BACKTESTS' default of 100,000.
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.errorMessages("windows").get(0))
        .contains("20 windows x 9999 combinations are 199980 backtests")
        .contains("100000");
    assertThat(client.get(PATH).json().path("items")).isEmpty();
  }

  @Test
  void countsAgainstTheLimitOfRunsAtOnceWithoutReadingBars() throws Exception {
    List<String> runs = new ArrayList<>();
    Response refused;
    // Hold the market data so that nothing finishes while the quota is counted.
    try (MarketDataHold ignored = MarketDataHold.on(dataSource)) {
      String sma = client.strategy("sma", RunClient.SMA_CROSS);
      for (int i = 0; i < 3; i++) { // MAX_CONCURRENT_RUNS (3)
        runs.add(client.started(RunClient.request(sma)));
      }
      // Refused before its bars are read: the hold would block that read.
      refused = client.api.post(PATH, walkForward(3, 2.0), client.auth);
    }
    runs.forEach(client::delete);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
    assertThat(refused.problemType()).endsWith("/too-many-runs");
  }

  @Test
  void cancelsAQueuedOneThenDeletesIt() {
    String id = started(walkForward(5, 3.0));

    assertThat(client.api.delete(PATH + "/" + id, client.auth).status()).isEqualTo(204);

    JsonNode state = client.get(PATH + "/" + id).json();
    assertThat(state.path("status").asString()).isIn("cancelled", "completed");
    List<JsonNode> events = events(id, Duration.ofSeconds(10));
    assertThat(events).hasSize(1);
    assertThat(events.get(0).path("status").asString()).isIn("cancelled", "completed");
    assertThat(client.api.delete(PATH + "/" + id, client.auth).status()).isEqualTo(204);
    assertThat(client.get(PATH + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void anotherAccountsWalkForwardIsNotFound() {
    String id = started(walkForward(3, 2.0));
    RunClient other = new RunClient(api, port, json, "other-walker");

    assertThat(other.get(PATH + "/" + id).status()).isEqualTo(404);
    assertThat(other.api.delete(PATH + "/" + id, other.auth).status()).isEqualTo(404);
    assertThat(other.get(PATH + "/" + id + "/events").status()).isEqualTo(404);
    assertThat(other.get(PATH).json().path("items")).isEmpty();
    await(id);
  }

  @Test
  void aPortfolioWalkForwardCompletes() {
    List<String> universe = new ArrayList<>();
    universe.add(symbol);
    universe.add(client.uploadDaily(RunClient.dailyCsv(closes(1.5))));
    Map<String, Object> request = walkForward(3, 2.0);
    @SuppressWarnings("unchecked")
    Map<String, Object> backtest = (Map<String, Object>) request.get("backtest");
    backtest.remove("symbol");
    backtest.put("symbols", universe);

    JsonNode done = await(started(request));

    JsonNode windows = done.path("windows");
    assertThat(windows).hasSize(3);
    assertThat(windows.get(0).path("start_equity").asDouble()).isEqualTo(10_000.0);
    for (int i = 1; i < windows.size(); i++) {
      assertThat(windows.get(i).path("start_equity").asDouble())
          .isCloseTo(windows.get(i - 1).path("end_equity").asDouble(), within(1e-6));
    }
    assertThat(done.path("out_of_sample").path("metrics").path("final_equity").asDouble())
        .isCloseTo(windows.get(2).path("end_equity").asDouble(), within(1e-6));
  }

  private Map<String, Object> walkForward(int count, double ratio) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("backtest", RunClient.request(strategy, symbol, "1d", "2024-01-01", "2024-12-31"));
    request.put("ranges", RANGES);
    request.put("objective", "total_return");
    request.put("param_constraints", List.of("fast < slow"));
    Map<String, Object> windows = new LinkedHashMap<>();
    windows.put("count", count);
    windows.put("train_test_ratio", ratio);
    request.put("windows", windows);
    return request;
  }

  private String started(Map<String, Object> request) {
    Response accepted = client.api.post(PATH, request, client.auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    return accepted.json().path("id").asString();
  }

  /** Polls a walk-forward until it completed; fails if it ends otherwise or takes over 120 s. */
  private JsonNode await(String id) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (true) {
      JsonNode state = client.get(PATH + "/" + id).json();
      String status = state.path("status").asString();
      if (status.equals("completed")) {
        return state;
      }
      assertThat(status).as(state.toString()).isIn("queued", "running");
      assertThat(Instant.now()).as("walk-forward still " + status).isBefore(deadline);
      RunClient.sleep(250);
    }
  }

  /** Reads the SSE stream to its end (or the timeout) and returns each event's data as JSON. */
  private List<JsonNode> events(String id, Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH + "/" + id + "/events"))
            .header("Accept", "text/event-stream")
            .header(client.auth[0], client.auth[1])
            .timeout(timeout)
            .GET()
            .build();
    List<JsonNode> events = new ArrayList<>();
    try {
      HttpResponse<Stream<String>> response =
          HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
      assertThat(response.statusCode()).isEqualTo(200);
      try (Stream<String> lines = response.body()) {
        lines
            .filter(l -> l.startsWith("data:"))
            .forEach(l -> events.add(json.readTree(l.substring(5).trim())));
      }
    } catch (IOException e) {
      throw new AssertionError("event stream failed after " + events, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return events;
  }

  private static LocalDate date(JsonNode instant) {
    return Instant.parse(instant.asString()).atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static LocalDate day(int index) {
    return LocalDate.of(2024, 1, 1).plusDays(index);
  }
}
