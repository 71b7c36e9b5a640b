package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A run's costs through the API (issue 21): the us preset charges the SEC and FINRA fees on sells
 * at each fill's date and a spread as slippage, stored with the run; the per-share fee is a custom
 * cost with its own field errors.
 */
class RunCostsIntegrationTests extends IntegrationTest {

  private static final String HOLD =
      """
      long_entry = close > 0
      long_exit = close < 0
      """;

  RunClient alice;

  @BeforeEach
  void users() {
    api.registerUser("first");
    alice = new RunClient(api, port, json, "alice");
  }

  @Test
  void theUsPresetChargesTheSecAndFinraFeesOnEachSellAtItsDate() {
    String strategy = alice.strategy("sma cross", RunClient.SMA_CROSS);
    JsonNode run = awaitCompleted(alice.started(RunClient.request(strategy)));

    JsonNode costs = run.path("settings").path("costs");
    assertThat(costs.path("preset").asString()).isEqualTo("us");
    assertThat(costs.path("commission_rate").asDouble()).isZero();
    assertThat(costs.path("slippage_rate").asDouble()).isEqualTo(0.0002);
    JsonNode rows = costs.path("sell_fees").path("rows");
    assertThat(costs.path("sell_fees").path("time_zone").asString()).isEqualTo("America/New_York");
    JsonNode last = rows.get(rows.size() - 1);
    assertThat(last.path("from").asString()).isEqualTo("2025-05-14");
    assertThat(last.path("value_rate").asDouble()).isZero();
    assertThat(last.path("per_share").asDouble()).isEqualTo(0.000166);
    assertThat(last.path("per_share_cap").asDouble()).isEqualTo(8.30);

    JsonNode trips = alice.get(run.path("id").asString() + "/round-trips").json().path("items");
    assertThat(trips.size()).isPositive();
    ZoneId newYork = ZoneId.of("America/New_York");
    for (JsonNode trip : trips) {
      LocalDate exit =
          Instant.parse(trip.path("exit_time").asString()).atZone(newYork).toLocalDate();
      double value = trip.path("exit_price").asDouble() * trip.path("quantity").asDouble();
      // 2013: SEC $5.60 per million until 2013-09-30, $17.40 from 2013-10-01; TAF $0.000119.
      double sec = (exit.isBefore(LocalDate.of(2013, 10, 1)) ? 5.60 : 17.40) / 1e6 * value;
      double taf = 0.000119 * trip.path("quantity").asDouble();
      assertThat(trip.path("costs").asDouble())
          .as("a long's only costs are its sell's fees")
          .isCloseTo(sec + taf, within(1e-9));
    }
  }

  @Test
  void aPerShareFeeIsACustomCostOnTheSidesAsked() {
    String strategy = alice.strategy("sma cross", RunClient.SMA_CROSS);
    Map<String, Object> request = new LinkedHashMap<>(RunClient.request(strategy));
    request.put(
        "costs",
        Map.of(
            "preset",
            "none",
            "per_share_fee",
            0.005,
            "per_share_fee_cap",
            0.05,
            "per_share_fee_sides",
            "both"));
    JsonNode run = awaitCompleted(alice.started(request));

    JsonNode costs = run.path("settings").path("costs");
    assertThat(costs.path("preset").asString()).isEqualTo("none+custom");
    assertThat(costs.path("per_share_fee").asDouble()).isEqualTo(0.005);
    assertThat(costs.path("per_share_fee_cap").asDouble()).isEqualTo(0.05);
    assertThat(costs.path("per_share_fee_sides").asString()).isEqualTo("both");
    assertThat(costs.path("sell_fees").isNull()).isTrue();
    JsonNode trip =
        alice.get(run.path("id").asString() + "/round-trips").json().path("items").get(0);
    double perFill = Math.min(0.005 * trip.path("quantity").asDouble(), 0.05);
    assertThat(trip.path("costs").asDouble()).isCloseTo(2 * perFill, within(1e-9));
  }

  @Test
  void refusesAPerShareFeeOutOfBoundsWithItsField() {
    String strategy = alice.strategy("sma cross", RunClient.SMA_CROSS);
    Map<String, Object> request = new LinkedHashMap<>(RunClient.request(strategy));

    request.put(
        "costs", Map.of("per_share_fee", 1001, "per_share_fee_cap", 0, "per_share_fee_sides", "x"));
    Response refused = alice.start(request);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.errorFields()).contains("costs.per_share_fee_sides").doesNotContain("costs");

    request.put("costs", Map.of("per_share_fee", 1001, "per_share_fee_cap", 0));
    Response bounds = alice.start(request);
    assertThat(bounds.errorMessages("costs.per_share_fee"))
        .singleElement()
        .asString()
        .isEqualTo("must be between 0 and 1000");
    assertThat(bounds.errorMessages("costs.per_share_fee_cap"))
        .singleElement()
        .asString()
        .isEqualTo("must be above 0 and at most 1e15");

    request.put("costs", Map.of("per_share_fee_cap", 5));
    assertThat(alice.start(request).errorMessages("costs.per_share_fee"))
        .singleElement()
        .asString()
        .isEqualTo("is required with a cap or sides");
  }

  @Test
  void listsEveryPresetWithWhatItCharges() {
    JsonNode presets = alice.get("/api/v1/backtests/cost-presets").json();

    assertThat(presets.findValuesAsString("preset"))
        .containsExactly("none", "krx", "us", "upbit", "binance");
    JsonNode us = presets.get(2);
    assertThat(us.path("slippage_rate").asDouble()).isEqualTo(0.0002);
    assertThat(us.path("sell_fees").path("rows").size()).isGreaterThan(10);
    assertThat(presets.get(1).path("sell_tax_rate").asDouble()).isEqualTo(0.002);
    assertThat(presets.get(1).path("sell_fees").isNull()).isTrue();
  }

  @Test
  void clipsARunToTheDaysItHasDataAndKeepsTheRangeAskedFor() {
    String ticker = alice.uploadDaily(RunClient.dailyCsv(100, 101, 102, 103, 104, 105, 106, 107));
    String strategy = alice.strategy("hold", HOLD);
    Map<String, Object> request =
        RunClient.request(strategy, ticker, "1d", "1990-01-01", "2030-12-31");

    JsonNode run = awaitCompleted(alice.started(request));

    assertThat(run.path("start_date").asString()).isEqualTo("2024-01-01");
    assertThat(run.path("end_date").asString()).isEqualTo("2024-01-08");
    assertThat(run.path("requested_start_date").asString()).isEqualTo("1990-01-01");
    assertThat(run.path("requested_end_date").asString()).isEqualTo("2030-12-31");
    JsonNode listed = alice.get(RunClient.PATH + "?size=50").json().path("items");
    assertThat(listed.findValuesAsString("start_date")).contains("2024-01-01");

    request.put("start_date", "2024-01-03");
    request.put("end_date", "2024-01-05");
    JsonNode inside = awaitCompleted(alice.started(request));
    assertThat(inside.path("start_date").asString()).isEqualTo("2024-01-03");
    assertThat(inside.path("requested_start_date").asString()).isEqualTo("2024-01-03");
    assertThat(inside.path("end_date").asString()).isEqualTo("2024-01-05");
  }

  @Test
  void clipsAPortfolioToTheUnionOfItsSymbolsData() {
    String shorter = alice.uploadFractionalDaily("USD", 10, 11, 12, 13);
    String longer = alice.uploadFractionalDaily("USD", 20, 21, 22, 23, 24, 25, 26);
    String strategy = alice.strategy("half each", "weight = 0.5\n");
    Map<String, Object> request = new LinkedHashMap<>(RunClient.request(strategy));
    request.remove("symbol");
    request.put("symbols", java.util.List.of(shorter, longer));
    request.put("start_date", "2000-01-01");
    request.put("end_date", "2030-01-01");

    JsonNode run = awaitCompleted(alice.started(request));

    assertThat(run.path("start_date").asString()).isEqualTo("2024-01-01");
    assertThat(run.path("end_date").asString()).isEqualTo("2024-01-07");
    assertThat(run.path("requested_start_date").asString()).isEqualTo("2000-01-01");
    assertThat(run.path("requested_end_date").asString()).isEqualTo("2030-01-01");
  }

  private JsonNode awaitCompleted(String id) {
    JsonNode status = alice.awaitFinal(id);
    assertThat(status.path("status").asString()).as(status.toString()).isEqualTo("completed");
    return alice.get(id).json();
  }
}
