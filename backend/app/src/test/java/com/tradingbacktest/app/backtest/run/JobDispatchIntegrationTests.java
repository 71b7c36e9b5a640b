package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.ForkedApp;
import com.tradingbacktest.app.support.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Queued jobs start the moment they exist, in the accepting process or any other that runs jobs,
 * without waiting for JobRunr's poll: here the poll is a minute, and runs and optimisations end far
 * sooner, through the API's own event stream. What the queue gives stays: a run queued while no
 * worker runs survives a restart and starts when a worker comes up, and a run whose worker was
 * killed is run again by another process.
 */
class JobDispatchIntegrationTests extends ProcessesOnOneDatabase {

  /**
   * The poll these tests set: any job that waited for it would blow {@link #FAR_BELOW_THE_POLL}.
   */
  private static final String ONE_MINUTE_POLL =
      "--jobrunr.background-job-server.poll-interval-in-seconds=60";

  /** A generous bound for a run of a year of daily bars, a quarter of the poll interval. */
  private static final Duration FAR_BELOW_THE_POLL = Duration.ofSeconds(15);

  @Test
  void oneProcessRunsARunAndAnOptimisationAtOnce() {
    ConfigurableApplicationContext all = start(ONE_MINUTE_POLL);
    RunClient client = client(all, "at-once");
    String strategy = client.strategy("SMA", RunClient.SMA_CROSS);

    assertCompletesWithoutAPoll(client, client.started(RunClient.request(strategy)));
    assertOptimisationCompletesWithoutAPoll(client, strategy);
    // Again, now that the job server has long passed its first poll after starting.
    assertCompletesWithoutAPoll(client, client.started(RunClient.request(strategy)));
  }

  @Test
  void aQueuedRunSurvivesARestartAndApiAndWorkerProcessesStartJobsAtOnce() {
    ConfigurableApplicationContext firstApi = start("--mode=api", ONE_MINUTE_POLL);
    RunClient client = client(firstApi, "split");
    String strategy = client.strategy("SMA", RunClient.SMA_CROSS);
    String queued = client.started(RunClient.request(strategy));
    // Every process stops with the run queued: it is stored, and so is its job.
    close(firstApi);

    ConfigurableApplicationContext api = start("--mode=api", ONE_MINUTE_POLL);
    RunClient viaApi = new RunClient(client, port(api));
    assertThat(viaApi.status(queued).path("status").asString()).isEqualTo("pending");

    // A worker coming up looks for queued jobs at once rather than at its first poll.
    start("--mode=worker", ONE_MINUTE_POLL);
    assertCompletesWithoutAPoll(viaApi, queued);

    // A job the API process queues wakes the worker process through PostgreSQL.
    assertCompletesWithoutAPoll(viaApi, viaApi.started(RunClient.request(strategy)));
    assertOptimisationCompletesWithoutAPoll(viaApi, strategy);
  }

  @Test
  void aRunWhoseWorkerIsKilledIsRunAgainByAnotherProcess() throws Exception {
    ConfigurableApplicationContext api = start("--mode=api");
    RunClient client = client(api, "killed");
    String symbol = client.uploadMinutes(100_000);
    String slow = client.strategy("slow", RunClient.slowStrategy(10));

    String id;
    try (ForkedApp doomed = startForkedWorker()) {
      id = client.started(RunClient.minutesRequest(slow, symbol));
      client.awaitStatus(
          id, s -> s.path("status").asString().equals("running"), Duration.ofSeconds(60));
      doomed.kill(); // SIGKILL mid-run: no graceful stop hands the job back
    }

    // JobRunr's orphan detection (the dead server stops heartbeating) gives the job to the
    // survivor, whose claim counts a second attempt.
    start("--mode=worker", "--jobrunr.background-job-server.poll-interval-in-seconds=5");
    JsonNode done =
        client.awaitStatus(
            id,
            s -> List.of("completed", "failed").contains(s.path("status").asString()),
            Duration.ofSeconds(150));
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
    assertThat(done.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
  }

  private static void assertCompletesWithoutAPoll(RunClient client, String id) {
    // The stream's own timeout is the bound: a run that waited for the poll fails the read.
    List<JsonNode> events = client.events(id, FAR_BELOW_THE_POLL);
    assertThat(events).isNotEmpty();
    assertThat(events.get(events.size() - 1).path("status").asString())
        .as(events.toString())
        .isEqualTo("completed");
  }

  private static void assertOptimisationCompletesWithoutAPoll(RunClient client, String strategy) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("backtest", RunClient.request(strategy));
    // 6 x 3 = 18 combinations in slices of 4: five jobs for two workers, so slices start as
    // earlier ones end, each without a poll.
    request.put(
        "ranges",
        Map.of(
            "fast", Map.of("from", 5, "to", 10, "step", 1),
            "slow", Map.of("from", 20, "to", 30, "step", 5)));
    request.put("objective", "total_return");
    Api.Response accepted = client.api.post(RunClient.OPTIMIZE, request, client.auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String id = accepted.json().path("id").asString();
    Instant deadline = Instant.now().plus(FAR_BELOW_THE_POLL);
    JsonNode state = client.get(RunClient.OPTIMIZE + "/" + id).json();
    while (!state.path("status").asString().equals("completed")) {
      assertThat(state.path("status").asString()).as(state.toString()).isIn("pending", "running");
      assertThat(Instant.now()).as("optimisation still " + state).isBefore(deadline);
      RunClient.sleep(100);
      state = client.get(RunClient.OPTIMIZE + "/" + id).json();
    }
    assertThat(state.path("evaluated").asInt()).isEqualTo(18);
  }

  /** A worker in a JVM of its own on the shared database, so that it can be killed outright. */
  private static ForkedApp startForkedWorker() throws IOException, InterruptedException {
    List<String> args = new ArrayList<>();
    for (String arg : IntegrationTest.sharedDatabaseArgs(database.getPort())) {
      // ForkedApp sets its own port, data folder and bcrypt strength.
      if (!arg.startsWith("--server.port=")
          && !arg.startsWith("--tb.database.data-dir=")
          && !arg.startsWith("--tb.auth.bcrypt-strength=")
          && !arg.startsWith("--tb.marketdata.seed-online=")) {
        args.add(arg);
      }
    }
    args.add("--mode=worker");
    args.add("--jobrunr.background-job-server.poll-interval-in-seconds=5");
    return ForkedApp.start(IntegrationTest.newDataDir(), "512m", List.of(), args);
  }

  @Override
  List<String> commonArguments() {
    return List.of(
        "--tb.backtest.combinations-per-slice=4", "--tb.rate-limit.runs-per-minute=10000");
  }
}
