package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.engine.lang.StrategyCompiler;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A benchmark counts against the run's memory limit: one whose stored bars could take more than the
 * limit is refused before a bar of it is read, with the figures, and the run fails alone.
 */
@TestPropertySource(properties = "tb.backtest.memory-limit=100KB")
class BenchmarkMemoryLimitIntegrationTests extends IntegrationTest {

  static final long LIMIT = 100 * 1024;

  @Test
  void aBenchmarkTooLargeForTheRunsMemoryFailsTheRunWithTheFigures() {
    RunClient client = new RunClient(api, port, json, "bench-memory");
    String symbol = client.uploadDaily(RunClient.dailyCsv(BenchmarkIntegrationTests.RUN_CLOSES));
    double[] closes = new double[3_000];
    for (int i = 0; i < closes.length; i++) {
      closes[i] = 100 + i % 11;
    }
    String benchmark = client.uploadDaily(RunClient.dailyCsv(closes));
    Map<String, Object> request =
        RunClient.request(
            client.strategy("Never", BenchmarkIntegrationTests.NEVER),
            symbol,
            "1d",
            "2024-01-01",
            "2024-03-31");
    request.put("benchmark", benchmark);

    JsonNode done = client.awaitFinal(client.started(request));

    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("failed");
    assertThat(done.path("error").asString())
        .isEqualTo(
            "The benchmark "
                + benchmark
                + " has 3000 1d bars, more than the run's memory limit can hold; pick a longer"
                + " interval.");

    request.remove("benchmark");
    JsonNode without = client.awaitFinal(client.started(request));
    assertThat(without.path("status").asString()).as(without.toString()).isEqualTo("completed");
  }

  @Test
  void theBenchmarkSharesTheRunsMemoryWithTheStrategy() {
    RunClient client = new RunClient(api, port, json, "bench-share");
    int bars = 600;
    double[] closes = new double[bars];
    for (int i = 0; i < bars; i++) {
      closes[i] = 100 + i % 13;
    }
    String symbol = client.uploadDaily(RunClient.dailyCsv(closes));
    String benchmark = client.uploadDaily(RunClient.dailyCsv(closes));
    // The strategy alone fits in the limit; with the benchmark's loaded bars (48 bytes each) and
    // the aligned and rebased values of the run's bars (16 each) it does not.
    long strategy =
        StrategyCompiler.compile(BenchmarkIntegrationTests.NEVER).strategy().memoryNeeded(bars);
    assertThat(strategy).isLessThan(LIMIT).isGreaterThan(LIMIT - 64L * bars);
    Map<String, Object> request =
        RunClient.request(
            client.strategy("Never", BenchmarkIntegrationTests.NEVER),
            symbol,
            "1d",
            "2024-01-01",
            "2025-12-31");

    JsonNode alone = client.awaitFinal(client.started(request));
    assertThat(alone.path("status").asString()).as(alone.toString()).isEqualTo("completed");

    request.put("benchmark", benchmark);
    JsonNode together = client.awaitFinal(client.started(request));
    assertThat(together.path("status").asString()).as(together.toString()).isEqualTo("failed");
    assertThat(together.path("error").asString())
        .startsWith("The strategy could not run on this data: This strategy needs about")
        .contains("600 bars");
  }
}
