package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The budgets of previews in one process: one computes at a time (PREVIEW_CONCURRENCY=1), so a
 * second account's answers 503 rather than waiting; and none computes past PREVIEW_TIME_LIMIT.
 */
@TestPropertySource(properties = {"tb.preview.concurrency=1", "tb.preview.time-limit=3s"})
class PreviewLimitsIntegrationTests extends IntegrationTest {

  private static RunClient slowUser;
  private static String minutes;

  @Autowired PreviewGate gate;

  @BeforeEach
  void upload() {
    if (slowUser == null || slowUser.port != port) {
      slowUser = new RunClient(api, port, json, "slow");
      minutes = slowUser.uploadMinutes(100_000);
    }
  }

  @Test
  void aPreviewPastTheTimeLimitIsStoppedWithTheLimitAsTheReason() {
    Response response = slowUser.preview(slowPreview());

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.problemType()).isEqualTo("/problems/preview-time-limit");
    assertThat(response.json().path("detail").asString())
        .isEqualTo(
            "The preview was stopped at its time limit of 3 seconds; shorten the date range, use a"
                + " longer interval or simplify the strategy.");
    assertThat(gate.running()).isZero(); // its slot is free again
  }

  @Test
  void previewsBeyondTheConcurrencyAreRefusedNotQueued() throws Exception {
    CompletableFuture<Response> slow =
        CompletableFuture.supplyAsync(() -> slowUser.preview(slowPreview()));
    awaitComputing();
    RunClient other = new RunClient(api, port, json, "other");

    Response refused = other.preview(RunClient.previewOf(RunClient.SMA_CROSS));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
    assertThat(refused.problemType()).isEqualTo("/problems/previews-busy");
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(slow.get(60, TimeUnit.SECONDS).status()).isEqualTo(422); // its own time limit
    Response later = other.preview(RunClient.previewOf(RunClient.SMA_CROSS));
    assertThat(later.status()).as(later.toString()).isEqualTo(200);
  }

  /** Thirty slow columns over the upload: far longer than the time limit. */
  private static Map<String, Object> slowPreview() {
    Map<String, Object> request =
        RunClient.request(null, minutes, "1m", "2020-01-01", "2025-12-31");
    request.remove("strategy_id");
    request.put("code", RunClient.slowStrategy(30));
    return request;
  }

  private void awaitComputing() {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (gate.running() == 0) {
      assertThat(System.nanoTime()).as("a preview computing").isLessThan(deadline);
      RunClient.sleep(20);
    }
  }
}
