package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A cancelled run stops computing, not only its row: the evaluator and the simulator check for the
 * cancellation, so the worker's job ends within seconds even in the middle of a long evaluation.
 */
class RunCancellationIntegrationTests extends IntegrationTest {

  @Autowired StorageProvider jobs;

  RunClient client;

  @BeforeEach
  void signIn() {
    client = new RunClient(api, port, json, "canceller");
  }

  @Test
  void cancellingAHeavyRunFreesItsWorkerWithinSeconds() {
    String symbol = client.uploadMinutes(200_000);
    // A minute or more of evaluation if nothing stops it.
    String heavy = client.strategy("slow", RunClient.slowStrategy(60));
    String id = client.started(RunClient.minutesRequest(heavy, symbol));
    client.awaitStatus(
        id, s -> s.path("status").asString().equals("running"), Duration.ofSeconds(30));
    RunClient.sleep(3_000); // the bars are loaded; the CCIs are being computed
    assertThat(client.status(id).path("status").asString()).isEqualTo("running");

    assertThat(client.delete(id).status()).isEqualTo(202);

    // The job itself ends: the worker thread is free for other work.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (jobs.getJobById(UUID.fromString(id)).getState() == StateName.PROCESSING) {
      assertThat(Instant.now())
          .as("the cancelled run's job still computes 10 s after the cancel")
          .isBefore(deadline);
      RunClient.sleep(100);
    }
    assertThat(client.status(id).path("status").asString()).isEqualTo("cancelled");

    String small = client.started(RunClient.request(client.strategy("sma", RunClient.SMA_CROSS)));
    JsonNode done = client.awaitFinal(small);
    assertThat(done.path("status").asString()).isEqualTo("completed");
  }
}
