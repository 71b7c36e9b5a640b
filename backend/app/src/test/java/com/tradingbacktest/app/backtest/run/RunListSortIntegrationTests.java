package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The runs list sorted by a key metric on the server: by the metric's value in either direction,
 * runs without it last, ties newest first, and pages that never overlap.
 */
class RunListSortIntegrationTests extends IntegrationTest {

  @Autowired BackgroundJobServer jobServer;

  RunClient client;
  String strategyId;

  @BeforeEach
  void signIn() {
    client = new RunClient(api, port, json, "sorter");
    strategyId = client.strategy("SMA cross", RunClient.SMA_CROSS);
  }

  /** A completed run of the crossover with these windows. */
  private String completed(int fast, int slow) {
    Map<String, Object> body = RunClient.request(strategyId);
    body.put("parameters", Map.of("fast", fast, "slow", slow));
    String id = client.started(body);
    assertThat(client.awaitFinal(id).path("status").asString()).isEqualTo("completed");
    return id;
  }

  /** A run cancelled while queued: it has no result, so no metric. */
  private String cancelled() {
    jobServer.pauseProcessing();
    try {
      String id = client.started(RunClient.request(strategyId));
      assertThat(client.delete(id).status()).isEqualTo(202);
      return id;
    } finally {
      jobServer.resumeProcessing();
    }
  }

  private List<JsonNode> list(String sort, int page, int size) {
    Response response =
        client.get(RunClient.PATH + "?sort=" + sort + "&page=" + page + "&size=" + size);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    response.json().path("items").forEach(items::add);
    return items;
  }

  private static List<String> ids(List<JsonNode> runs) {
    return runs.stream().map(run -> run.path("id").asString()).toList();
  }

  private static double totalReturn(JsonNode run) {
    return run.path("key_metrics").path("total_return").asDouble();
  }

  @Test
  void sortsByAKeyMetricWithRunsWithoutItLastAndTiesNewestFirst() {
    String slow = completed(20, 60);
    String fast = completed(5, 20);
    String twinOlder = completed(10, 30);
    String twinNewer = completed(10, 30);
    String none = cancelled();

    List<JsonNode> descending = list("total_return,desc", 0, 100);
    assertThat(ids(descending)).hasSize(5).endsWith(none);
    List<JsonNode> finished = descending.subList(0, 4);
    assertThat(finished)
        .extracting(RunListSortIntegrationTests::totalReturn)
        .isSortedAccordingTo(Comparator.reverseOrder());
    // The same parameters on the same bars: equal returns, the newer run first.
    assertThat(totalReturn(finished.get(ids(finished).indexOf(twinOlder))))
        .isEqualTo(totalReturn(finished.get(ids(finished).indexOf(twinNewer))));
    assertThat(ids(finished).indexOf(twinNewer)).isEqualTo(ids(finished).indexOf(twinOlder) - 1);
    assertThat(ids(finished)).contains(slow, fast);

    List<JsonNode> ascending = list("total_return,asc", 0, 100);
    assertThat(ids(ascending)).hasSize(5).endsWith(none);
    assertThat(ascending.subList(0, 4))
        .extracting(RunListSortIntegrationTests::totalReturn)
        .isSortedAccordingTo(Comparator.naturalOrder());
    assertThat(ids(ascending).indexOf(twinNewer)).isEqualTo(ids(ascending).indexOf(twinOlder) - 1);

    // Page by page, one run a page: the same order, no run twice or missed.
    List<String> paged = new ArrayList<>();
    for (int page = 0; page < 5; page++) {
      paged.addAll(ids(list("total_return,desc", page, 1)));
    }
    assertThat(paged).isEqualTo(ids(descending));

    List<JsonNode> byTrades = list("trade_count,desc", 0, 100);
    assertThat(ids(byTrades)).endsWith(none);
    assertThat(byTrades.subList(0, 4))
        .extracting(run -> run.path("key_metrics").path("trade_count").asInt())
        .isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void acceptsEveryKeyMetricAndRejectsAnythingElse() {
    for (String field :
        List.of(
            "total_return",
            "cagr",
            "sharpe_ratio",
            "sortino_ratio",
            "max_drawdown",
            "win_rate",
            "profit_factor",
            "trade_count",
            "final_equity")) {
      assertThat(list(field + ",asc", 0, 5)).isEmpty();
      assertThat(list(field, 0, 5)).isEmpty();
    }
    for (String bad :
        List.of("result", "total_return;drop", "buy_and_hold_return,desc", "cagr,up")) {
      Response response = client.get(RunClient.PATH + "?sort=" + bad);
      assertThat(response.status()).as(bad).isEqualTo(422);
      assertThat(response.json().path("type").asString()).isEqualTo("/problems/validation-failed");
    }
  }
}
