package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A strategy's plots are stored in full with its run, listed on the run and served by {@code
 * /series} at any range and point budget, to the run's owner only. Checked by hand on 40 daily
 * bars.
 */
class PlotsIntegrationTests extends IntegrationTest {

  /** Closes 100, 101, 102, 103, 104, 100, 101, ... with one spike to 500 on bar 23 (2024-01-24). */
  static final double[] CLOSES = new double[40];

  static {
    for (int i = 0; i < CLOSES.length; i++) {
      CLOSES[i] = i == 23 ? 500 : 100 + i % 5;
    }
  }

  static final String PLOTTING =
      """
      f = sma(close, 3)
      plot("SMA 3", f, color="#1F77B4")
      plot("Close", close, style="step")
      plot("Up", close > open, style="histogram", pane="lower")
      long_entry = crossover(close, f)
      long_exit = crossunder(close, f)
      """;

  @Autowired JdbcClient jdbc;

  @Autowired BackgroundJobServer jobServer;

  RunClient client;
  String id;

  @BeforeEach
  void runAStrategyThatPlots() {
    client = new RunClient(api, port, json, "plots");
    String symbol = client.uploadDaily(RunClient.dailyCsv(CLOSES));
    Map<String, Object> request = RunClient.request(client.strategy("Plots", PLOTTING));
    request.put("symbol", symbol);
    request.put("start_date", "2024-01-01");
    request.put("end_date", "2024-03-31");
    id = client.started(request);
    JsonNode status = client.awaitFinal(id);
    assertThat(status.path("status").asString()).as(status.toString()).isEqualTo("completed");
  }

  @Test
  void theRunListsItsPlotsInDeclarationOrder() {
    JsonNode plots = client.get(id).json().path("plots");

    assertThat(plots).hasSize(3);
    assertThat(plots.get(0).path("title").asString()).isEqualTo("SMA 3");
    assertThat(plots.get(0).path("color").asString()).isEqualTo("#1f77b4");
    assertThat(plots.get(0).path("style").asString()).isEqualTo("line");
    assertThat(plots.get(0).path("pane").asString()).isEqualTo("price");
    assertThat(plots.get(1).path("style").asString()).isEqualTo("step");
    assertThat(plots.get(2).path("title").asString()).isEqualTo("Up");
    assertThat(plots.get(2).path("color").isNull()).isTrue();
    assertThat(plots.get(2).path("pane").asString()).isEqualTo("lower");
    assertThat(rows()).isEqualTo(3);
  }

  @Test
  void aSmallRunComesBackInFullWithNullsInTheWarmUp() {
    JsonNode body = ok(id + "/series");

    assertThat(body.path("total_points").asInt()).isEqualTo(40);
    assertThat(body.path("time")).hasSize(40);
    assertThat(body.path("time").get(0).asLong()).isEqualTo(day(1));
    assertThat(titles(body)).containsExactly("SMA 3", "Close", "Up");
    JsonNode sma = body.path("series").get(0).path("values");
    assertThat(sma).hasSize(40);
    assertThat(sma.get(0).isNull()).isTrue();
    assertThat(sma.get(1).isNull()).isTrue();
    assertThat(sma.get(2).asDouble()).isCloseTo(101, within(1e-9)); // (100 + 101 + 102) / 3
    assertThat(sma.get(3).asDouble()).isCloseTo(102, within(1e-9));
    assertThat(sma.get(5).asDouble()).isCloseTo(307.0 / 3, within(1e-9)); // 103, 104, 100
    JsonNode up = body.path("series").get(2).path("values");
    assertThat(up.get(0).asDouble()).isZero(); // the first bar opens at its close
    assertThat(up.get(1).asDouble()).isEqualTo(1); // 100 -> 101
    assertThat(up.get(5).asDouble()).isZero(); // 104 -> 100
    assertThat(body.path("series").get(0).path("color").asString()).isEqualTo("#1f77b4");
  }

  @Test
  void aPreviewAnswersThePlotsTheStoredRunServes() {
    Map<String, Object> request = RunClient.previewOf(PLOTTING);
    request.put("symbol", client.get(id).json().path("symbol").asString());
    request.put("start_date", "2024-01-01");
    request.put("end_date", "2024-03-31");
    request.put("points", 16);

    Response preview = client.preview(request);

    assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
    assertThat(preview.json().path("plots")).isEqualTo(ok(id + "/series?points=16"));
    assertThat(preview.json().path("plots").path("time").size()).isLessThanOrEqualTo(16);
  }

  @Test
  void namesChooseThePlots() {
    JsonNode body = ok(id + "/series?names=Up,SMA%203");

    // declaration order, whatever the order asked
    assertThat(titles(body)).containsExactly("SMA 3", "Up");
  }

  @Test
  void fromAndToCutTheRangeInclusively() {
    JsonNode body = ok(id + "/series?names=Close&from=2024-01-03&to=2024-01-05T00:00:00Z");

    assertThat(body.path("total_points").asInt()).isEqualTo(3);
    assertThat(body.path("time").get(0).asLong()).isEqualTo(day(3));
    assertThat(body.path("time").get(2).asLong()).isEqualTo(day(5));
    assertThat(values(body, 0)).containsExactly(102.0, 103.0, 104.0);
  }

  @Test
  void aBudgetBelowTheBarsKeepsAtMostTheBudgetAndThePeak() {
    JsonNode body = ok(id + "/series?names=Close&points=16");

    assertThat(body.path("total_points").asInt()).isEqualTo(40);
    assertThat(body.path("time").size()).isLessThanOrEqualTo(16).isLessThan(40);
    assertThat(values(body, 0)).contains(500.0);
    assertThat(body.path("time")).anySatisfy(t -> assertThat(t.asLong()).isEqualTo(day(24)));
  }

  @Test
  void refusesAnUnknownNameAndAPointBudgetOutOfBounds() {
    Response unknown = client.get(id + "/series?names=Close,Nope");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
    assertThat(unknown.problemType()).isEqualTo("/problems/validation-failed");
    assertThat(unknown.errorMessages("names"))
        .singleElement()
        .asString()
        .contains("'Nope'")
        .contains("SMA 3, Close, Up");

    for (String points : List.of("15", "10001", "many")) {
      Response bad = client.get(id + "/series?points=" + points);
      assertThat(bad.status()).as(points + ": " + bad).isIn(400, 422);
    }
    assertThat(client.get(id + "/series?points=15").status()).isEqualTo(422);
    assertThat(client.get(id + "/series?from=yesterday").errorFields()).containsExactly("from");
    assertThat(client.get(id + "/series?from=2024-02-01&to=2024-01-01").errorFields())
        .containsExactly("to");
  }

  @Test
  void anotherAccountsRunIsNotFound() {
    RunClient stranger = new RunClient(api, port, json, "plots-stranger");

    assertThat(stranger.get(id + "/series").status()).isEqualTo(404);
    assertThat(stranger.get(id).status()).isEqualTo(404);
  }

  @Test
  void aRunWithoutResultsHasNoSeries() {
    String strategy = client.strategy("Plots again", PLOTTING);
    Map<String, Object> request = RunClient.request(strategy);
    String cancelled;
    // Jobs start the moment they are queued: paused, the run stays queued until it is cancelled.
    jobServer.pauseProcessing();
    try {
      cancelled = client.started(request);
      assertThat(client.delete(cancelled).status()).isEqualTo(202);
    } finally {
      jobServer.resumeProcessing();
    }

    Response series = client.get(cancelled + "/series");

    assertThat(series.status()).as(series.toString()).isEqualTo(409);
    assertThat(series.problemType()).isEqualTo("/problems/run-not-completed");
    assertThat(series.json().path("run_status").asString()).isEqualTo("cancelled");
    assertThat(client.get(cancelled).json().path("plots")).isEmpty();
  }

  @Test
  void deletingTheRunDeletesItsPlots() {
    assertThat(rows()).isEqualTo(3);

    assertThat(client.delete(id).status()).isEqualTo(204);

    assertThat(rows()).isZero();
    assertThat(client.get(id + "/series").status()).isEqualTo(404);
  }

  private JsonNode ok(String path) {
    Response response = client.get(path);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private long rows() {
    return jdbc.sql("select count(*) from backtest_plots where backtest_id = ?::uuid")
        .param(id)
        .query(Long.class)
        .single();
  }

  private static long day(int dayOfJanuary) {
    return LocalDate.of(2024, 1, dayOfJanuary)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant()
        .toEpochMilli();
  }

  private static List<String> titles(JsonNode body) {
    List<String> titles = new ArrayList<>();
    body.path("series").forEach(s -> titles.add(s.path("title").asString()));
    return titles;
  }

  private static List<Double> values(JsonNode body, int series) {
    List<Double> values = new ArrayList<>();
    body.path("series").get(series).path("values").forEach(v -> values.add(v.asDouble()));
    return values;
  }
}
