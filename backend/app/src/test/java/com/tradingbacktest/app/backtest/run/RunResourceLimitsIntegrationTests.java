package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.ForkedApp;
import com.tradingbacktest.app.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limits of a run against a real heap: the app runs as its own JVM with 768 MB of heap and one
 * worker (-XX:+ExitOnOutOfMemoryError, so an out-of-memory error would end it), on a million
 * one-minute bars. A strategy too big for the heap fails alone with the figures; one that computes
 * too long fails at the time limit; the process keeps answering and runs what comes next.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunResourceLimitsIntegrationTests {

  private static final int BARS = 1_000_000;

  private final JsonMapper json = JsonMapper.builder().build();
  private ForkedApp app;
  private RunClient client;
  private String symbol;

  @BeforeAll
  void start() throws Exception {
    app =
        ForkedApp.start(
            IntegrationTest.newDataDir(),
            "768m",
            List.of(),
            List.of(
                "--jobrunr.background-job-server.worker-count=1",
                "--tb.backtest.time-limit=20s",
                "--tb.marketdata.seed=never"));
    client = new RunClient(app.api(json), app.port(), json, "heavy");
    symbol = client.uploadMinutes(BARS);
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  /** The strategy: 42 Bollinger bands of different lengths and a max() over them. */
  static String bandsTree(int count) {
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < count; k++) {
      s.append("b").append(k).append(" = bbands(close, ").append(20 + k).append(", 2)\n");
    }
    s.append("m0 = b0.upper\n");
    for (int k = 1; k < count; k++) {
      s.append("m").append(k).append(" = max(m").append(k - 1).append(", b");
      s.append(k).append(".upper)\n");
    }
    return s.append("long_entry = close > m").append(count - 1).append('\n').toString();
  }

  @Test
  void aStrategyTooBigForTheHeapFailsAloneAndTheAppKeepsAnswering() {
    String code = bandsTree(42);
    assertThat(code.length()).isLessThan(2_600); // small source, ~1.4 GB of columns on 1M bars
    String id = client.started(RunClient.minutesRequest(client.strategy("bands", code), symbol));

    JsonNode done = client.awaitStatus(id, RunResourceLimitsIntegrationTests::isFinal, MINUTE);

    assertThat(done.path("status").asString()).as(app.output()).isEqualTo("failed");
    assertThat(done.path("error").asString())
        .startsWith("The strategy could not run on this data: This strategy needs about")
        .contains("to run over 1,000,000 bars; the limit per run is");
    assertThat(app.isAlive()).isTrue();
    assertThat(client.api.get("/actuator/health").status()).isEqualTo(200);
    assertSmallRunCompletes();
  }

  @Test
  void aRunPastTheTimeLimitFailsWithTheLimitAsItsReason() {
    String id =
        client.started(
            RunClient.minutesRequest(client.strategy("slow", RunClient.slowStrategy(30)), symbol));

    JsonNode done = client.awaitStatus(id, RunResourceLimitsIntegrationTests::isFinal, MINUTE);

    assertThat(done.path("status").asString()).as(app.output()).isEqualTo("failed");
    assertThat(done.path("error").asString())
        .isEqualTo(
            "The run was stopped at its time limit of 20 seconds; shorten the date range, use a"
                + " longer interval or simplify the strategy.");
    assertSmallRunCompletes(); // the only worker is free again
  }

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private static boolean isFinal(JsonNode status) {
    return List.of("completed", "failed", "cancelled").contains(status.path("status").asString());
  }

  /** A moving-average crossover over the same million bars fits and completes. */
  private void assertSmallRunCompletes() {
    String id =
        client.started(
            RunClient.minutesRequest(client.strategy("sma", RunClient.SMA_CROSS), symbol));
    JsonNode done = client.awaitStatus(id, RunResourceLimitsIntegrationTests::isFinal, MINUTE);
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
  }
}
