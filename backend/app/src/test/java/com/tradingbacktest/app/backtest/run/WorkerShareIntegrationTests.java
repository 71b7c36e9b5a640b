package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One user's queue does not hold back another user's run: with two workers, a user who already runs
 * one job steps aside for a run of someone else waiting, instead of taking the next free worker in
 * first-in-first-out order.
 */
class WorkerShareIntegrationTests extends IntegrationTest {

  @Test
  void aWaitingUsersRunGoesBeforeTheNextJobOfAUserWhoHoldsTheirShare() {
    RunClient heavy = new RunClient(api, port, json, "hog");
    RunClient light = new RunClient(api, port, json, "newcomer");
    String sma = light.strategy("sma", RunClient.SMA_CROSS);
    String symbol = heavy.uploadMinutes(100_000);
    // The first run outlasts the second by far, so that when the second ends the hog still holds
    // a worker: the moment its third run must step aside (runs of one length would end together,
    // leaving the hog nothing held and its third run free to start).
    String longer = heavy.strategy("longer", RunClient.slowStrategy(40));
    String slow = heavy.strategy("slow", RunClient.slowStrategy(10));
    List<String> heavyRuns = new ArrayList<>();
    for (String strategy :
        List.of(longer, slow, slow)) { // MAX_CONCURRENT_RUNS, one over the workers
      heavyRuns.add(heavy.started(RunClient.minutesRequest(strategy, symbol)));
    }
    awaitRunning(heavy, heavyRuns, 2); // both workers taken; the third waits first in line

    String quick = light.started(RunClient.request(sma));

    JsonNode quickDone = light.awaitFinal(quick);
    List<JsonNode> heavyDone = heavyRuns.stream().map(heavy::awaitFinal).toList();
    assertThat(quickDone.path("status").asString()).isEqualTo("completed");
    assertThat(heavyDone).allMatch(s -> s.path("status").asString().equals("completed"));
    Instant lastHeavyStart =
        heavyDone.stream()
            .map(s -> Instant.parse(s.path("started_at").asString()))
            .max(Comparator.naturalOrder())
            .orElseThrow();
    assertThat(Instant.parse(quickDone.path("completed_at").asString()))
        .as("the newcomer's run finished before the hog's third run started")
        .isBefore(lastHeavyStart);
  }

  private static void awaitRunning(RunClient client, List<String> ids, int count) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (ids.stream()
            .filter(id -> client.status(id).path("status").asString().equals("running"))
            .count()
        < count) {
      assertThat(Instant.now()).as("%d of %s running", count, ids).isBefore(deadline);
      RunClient.sleep(200);
    }
  }
}
