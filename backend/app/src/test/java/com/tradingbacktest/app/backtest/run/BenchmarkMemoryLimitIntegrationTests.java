package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.IntegrationTest;
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
}
