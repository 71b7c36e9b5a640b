package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.MarketDataHold;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several processes of the jar on one database, as in production: an API-only process queues (and a
 * queued run waits there for a worker, however long), a worker process runs it while the API
 * process streams its events; a worker stopped in the middle of a run leaves it to another worker,
 * never running forever.
 */
class WorkerProcessesIntegrationTests extends ProcessesOnOneDatabase {

  @Test
  void anApiProcessQueuesAndAWorkerProcessRuns() throws Exception {
    ConfigurableApplicationContext apiOnly = start("--mode=api");
    RunClient client = client(apiOnly, "queuer");
    String id = client.started(RunClient.request(client.strategy("SMA", RunClient.SMA_CROSS)));
    // The API process streams what the worker process will do: opened now, while the run waits,
    // since a worker that comes up starts the queued run at once.
    CompletableFuture<List<JsonNode>> stream =
        CompletableFuture.supplyAsync(() -> client.events(id, Duration.ofSeconds(90)));

    RunClient.sleep(7_000); // more than a poll interval: nobody runs jobs here
    assertThat(client.status(id).path("status").asString()).isEqualTo("pending");

    ConfigurableApplicationContext worker = start("--mode=worker");
    Api workerApi = new Api("http://localhost:" + port(worker), worker.getBean(JsonMapper.class));
    assertThat(workerApi.get("/api/v1/backtests", client.auth).status()).isEqualTo(503);
    assertThat(workerApi.get("/actuator/health").status()).isEqualTo(200);

    // The events cross processes through NOTIFY.
    List<JsonNode> events = stream.get(90, TimeUnit.SECONDS);
    assertThat(events.get(events.size() - 1).path("status").asString()).isEqualTo("completed");
    assertThat(events)
        .anySatisfy(e -> assertThat(e.path("status").asString()).isEqualTo("running"));
    assertThat(client.get(id).json().path("result").path("metrics").path("trade_count").asInt())
        .isPositive();
  }

  @Test
  void aRunWhoseWorkerStopsMidwayIsRetriedByAnotherWorker() throws Exception {
    ConfigurableApplicationContext first = start();
    RunClient client = client(first, "survivor");
    String strategy = client.strategy("SMA", RunClient.SMA_CROSS);

    String id;
    // Hold the bars: the worker claims the run, then waits in its loading step, mid-run.
    try (MarketDataHold ignored = MarketDataHold.on(database.getPostgresDatabase())) {
      id = client.started(RunClient.request(strategy));
      client.awaitStatus(
          id, s -> s.path("status").asString().equals("running"), Duration.ofSeconds(30));
      close(first); // the worker stops with the run in hand
    }

    ConfigurableApplicationContext second = start();
    RunClient again = new RunClient(client, port(second));
    JsonNode done =
        again.awaitStatus(
            id,
            s -> List.of("completed", "failed").contains(s.path("status").asString()),
            Duration.ofSeconds(150));
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
    assertThat(done.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(again.get(id).json().path("result").path("metrics").path("trade_count").asInt())
        .isPositive();
  }

  @Override
  List<String> commonArguments() {
    // Stop quickly: JobRunr waits this long for a running job before abandoning it.
    return List.of("--jobrunr.background-job-server.interrupt-jobs-await-duration-on-stop=1s");
  }
}
