package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A run names the strategy version it ran; drafts never run. */
class StrategyVersionRunsIntegrationTests extends IntegrationTest {

  private static final String STRATEGIES = "/api/v1/strategies";
  private static final String BROKEN = "long_entry = foo > 1\n";

  RunClient client;

  @BeforeEach
  void signIn() {
    client = new RunClient(api, port, json, "versionruns");
  }

  private Response put(String strategyId, String code, boolean allowDraft) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Versioned");
    body.put("code", code);
    body.put("allow_draft", allowDraft);
    return api.put(STRATEGIES + "/" + strategyId, body, client.auth);
  }

  @Test
  void aRunRecordsTheVersionItRanAndADraftDoesNotChangeWhatRuns() {
    String strategyId = client.strategy("Versioned", RunClient.SMA_CROSS);
    String edited = RunClient.SMA_CROSS + "\n// v2\n";
    assertThat(put(strategyId, edited, false).json().path("version").asInt()).isEqualTo(2);
    assertThat(put(strategyId, BROKEN, true).status()).isEqualTo(200);

    String runId = client.started(RunClient.request(strategyId));

    JsonNode run = client.get(runId).json();
    assertThat(run.path("strategy_version").asInt()).isEqualTo(2);
    assertThat(run.path("strategy_code").asString()).isEqualTo(edited);
    JsonNode listed =
        client.get(RunClient.PATH + "?strategy_id=" + strategyId).json().path("items").get(0);
    assertThat(listed.path("strategy_version").asInt()).isEqualTo(2);
  }

  @Test
  void aRerunKeepsTheVersionOfTheRunItRepeats() {
    String strategyId = client.strategy("Versioned", RunClient.SMA_CROSS);
    String first = client.started(RunClient.request(strategyId));
    client.awaitFinal(first);
    put(strategyId, RunClient.SMA_CROSS + "\n// v2\n", false);

    Response repeated = api.post(RunClient.PATH + "/" + first + "/rerun", "", client.auth);

    assertThat(repeated.status()).as(repeated.toString()).isEqualTo(202);
    JsonNode run = client.get(repeated.json().path("id").asString()).json();
    assertThat(run.path("strategy_version").asInt()).isEqualTo(1);
  }

  @Test
  void refusesToRunAStrategyThatIsOnlyADraft() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Draft only");
    body.put("code", BROKEN);
    body.put("allow_draft", true);
    Response created = api.post(STRATEGIES, body, client.auth);
    assertThat(created.status()).isEqualTo(201);

    Response refused = client.start(RunClient.request(created.json().path("id").asString()));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.problemType()).isEqualTo("/problems/strategy-not-runnable");
  }
}
