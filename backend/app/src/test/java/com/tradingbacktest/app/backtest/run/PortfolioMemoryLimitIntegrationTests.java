package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A portfolio's symbols x bars count against the run's memory limit (100 KB here, the context of
 * {@link BenchmarkMemoryLimitIntegrationTests}): a universe whose stored bars could take more is
 * refused before a bar is read, one whose evaluation would is refused before it computes, each with
 * the figures, and the run fails alone while a smaller universe completes.
 */
@TestPropertySource(properties = "tb.backtest.memory-limit=100KB")
class PortfolioMemoryLimitIntegrationTests extends IntegrationTest {

  @Test
  void aUniverseTooLargeForTheRunsMemoryFailsWithTheFigures() {
    RunClient client = new RunClient(api, port, json, "portfolio-memory");
    List<String> symbols = new ArrayList<>();
    double[] closes = new double[1_000];
    for (int i = 0; i < closes.length; i++) {
      closes[i] = 100 + i % 13;
    }
    for (int s = 0; s < 3; s++) {
      symbols.add(client.uploadFractionalDaily("USD", closes));
    }
    Map<String, Object> request =
        RunClient.request(
            client.strategy("Equal", PortfolioRunsIntegrationTests.EQUAL_WEIGHT),
            null,
            "1d",
            "2024-01-01",
            "2024-12-31");
    request.remove("symbol");
    request.put("symbols", symbols);

    JsonNode loaded = client.awaitFinal(client.started(request));

    assertThat(loaded.path("status").asString()).as(loaded.toString()).isEqualTo("failed");
    assertThat(loaded.path("error").asString())
        .isEqualTo(
            "The portfolio's 3 symbols have 3,000 1d bars stored, about 1 MB to load; the limit"
                + " per run is 0 MB. Use fewer symbols or a longer interval.");

    // 3 x 500 bars load (72 KB) but the evaluation of all of them together does not fit.
    double[] shorter = java.util.Arrays.copyOf(closes, 500);
    List<String> smaller = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      smaller.add(client.uploadFractionalDaily("USD", shorter));
    }
    request.put("symbols", smaller);
    request.put("end_date", "2025-12-31");
    JsonNode evaluated = client.awaitFinal(client.started(request));
    assertThat(evaluated.path("status").asString()).as(evaluated.toString()).isEqualTo("failed");
    assertThat(evaluated.path("error").asString())
        .startsWith("The portfolio could not run on this data: This strategy needs about")
        .contains("to run over 3 symbols with 1,500 bars in all; the limit per run is 0 MB");

    request.put("symbols", smaller.subList(0, 2));
    request.put("end_date", "2024-01-20");
    JsonNode small = client.awaitFinal(client.started(request));
    assertThat(small.path("status").asString()).as(small.toString()).isEqualTo("completed");
  }
}
