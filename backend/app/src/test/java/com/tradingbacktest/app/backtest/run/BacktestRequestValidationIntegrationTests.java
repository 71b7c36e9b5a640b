package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.app.support.MarketDataHold;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every kind of bad run request gets a 422 naming each bad field, and stores nothing. */
class BacktestRequestValidationIntegrationTests extends IntegrationTest {

  @Autowired DataSource dataSource;

  RunClient client;
  String strategyId;

  @BeforeEach
  void signIn() {
    client = new RunClient(api, port, json, "validator");
    strategyId = client.strategy("SMA cross", RunClient.SMA_CROSS);
  }

  @Test
  void listsEveryProblemOfTheRequestAtOnce() {
    Map<String, Object> request = RunClient.request(strategyId);
    request.put("end_date", "2012-12-31");
    request.put("initial_capital", 0);
    request.put("parameters", Map.of("fast", 500, "typo", 1));
    request.put("costs", Map.of("preset", "nasdaq"));
    request.put("sizing", Map.of("type", "fraction_of_equity", "value", 1.5));
    request.put("risk_free_rate", 2);

    Response response = client.start(request);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.problemType()).endsWith("/problems/validation-failed");
    assertThat(response.errorFields())
        .containsExactlyInAnyOrder(
            "end_date",
            "initial_capital",
            "parameters.fast",
            "parameters",
            "costs.preset",
            "sizing.value",
            "risk_free_rate");
    assertThat(message(response, "parameters.fast")).contains("between 2 and 50");
    assertThat(message(response, "parameters")).contains("typo").contains("fast, slow");
    assertThat(client.get(RunClient.PATH).json().path("total_items").asLong()).isZero();
  }

  @Test
  void unknownSymbolIntervalAndStrategy() {
    Map<String, Object> request = RunClient.request(UUID.randomUUID().toString());
    request.put("symbol", "NOPE");
    request.put("interval", "2h");

    Response response = client.start(request);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.errorFields())
        .containsExactlyInAnyOrder("strategy_id", "symbol", "interval");
    assertThat(message(response, "symbol")).contains("unknown symbol 'NOPE'");
  }

  @Test
  void anotherUsersPrivateStrategyCannotBeRun() {
    RunClient other = new RunClient(api, port, json, "other");

    Response response = other.start(RunClient.request(strategyId));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.errorFields()).containsExactly("strategy_id");
  }

  @Test
  void noDataInTheRangeOrInterval() {
    Map<String, Object> outside = RunClient.request(strategyId);
    outside.put("start_date", "1990-01-01");
    outside.put("end_date", "1990-12-31");
    Response none = client.start(outside);
    assertThat(none.status()).isEqualTo(422);
    assertThat(message(none, "start_date"))
        .contains("no 1d bars of AAPL")
        .contains("the data covers 2013-01-02");

    Map<String, Object> hourly = RunClient.request(strategyId);
    hourly.put("interval", "1h");
    Response noInterval = client.start(hourly);
    assertThat(noInterval.status()).isEqualTo(422);
    assertThat(message(noInterval, "interval")).contains("no 1h bars are stored for AAPL");
  }

  @Test
  void shapeErrorsOfTheBody() {
    Response missing = client.start(Map.of("symbol", "AAPL"));
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.errorFields())
        .contains("strategy_id", "interval", "start_date", "end_date", "initial_capital");

    Map<String, Object> badFill = RunClient.request(strategyId);
    badFill.put("fill", "tomorrow");
    badFill.put("sizing", Map.of("type", "everything", "value", 1));
    Response enums = client.start(badFill);
    assertThat(enums.status()).isEqualTo(422);
    assertThat(enums.errorFields()).contains("fill", "sizing.type");

    Response notJson = client.start("{\"strategy_id\": ");
    assertThat(notJson.status()).isEqualTo(400);
    Response badDate = client.start(Map.of("strategy_id", strategyId, "start_date", "yesterday"));
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.body()).doesNotContain("Exception").doesNotContain("tools.jackson");
  }

  @Test
  void datesOutsideTheSupportedYearsAreFieldErrors() {
    for (String[] dates :
        new String[][] {
          {"2013-01-01", "+999999999-12-31"},
          {"-5000-01-01", "2013-12-31"},
          {"1899-12-31", "2101-01-01"}
        }) {
      Map<String, Object> request = RunClient.request(strategyId);
      request.put("start_date", dates[0]);
      request.put("end_date", dates[1]);

      Response response = client.start(request);

      assertThat(response.status()).as(response.toString()).isEqualTo(422);
      assertThat(response.toString()).contains("must be between 1900-01-01 and 2100-12-31");
    }
    assertThat(client.get(RunClient.PATH).json().path("total_items").asLong()).isZero();
  }

  @Test
  void aSevenDigitYearIsAFieldErrorNotAnInternalError() {
    Map<String, Object> request = RunClient.request(strategyId);
    request.put("end_date", "+6000000-01-01");

    Response response = client.start(request);

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.errorFields()).containsExactly("end_date");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("tools.jackson");
  }

  @Test
  void absurdAmountsAreFieldErrors() {
    Map<String, Object> tiny = RunClient.request(strategyId);
    tiny.put("initial_capital", new java.math.BigDecimal("0.000000001"));
    Response tinyCapital = client.start(tiny);
    assertThat(tinyCapital.status()).as(tinyCapital.toString()).isEqualTo(422);
    assertThat(message(tinyCapital, "initial_capital")).isEqualTo("must be at least 0.01");

    Map<String, Object> huge = RunClient.request(strategyId);
    huge.put("initial_capital", new java.math.BigDecimal("1e40"));
    huge.put("costs", Map.of("commission_fixed", 1e300, "slippage_ticks", 1e300));
    huge.put("sizing", Map.of("type", "fixed_cash", "value", 1e300));
    Response hugeAmounts = client.start(huge);
    assertThat(hugeAmounts.status()).as(hugeAmounts.toString()).isEqualTo(422);
    assertThat(hugeAmounts.errorFields())
        .containsExactlyInAnyOrder("initial_capital", "costs", "sizing.value");

    Map<String, Object> ticks = RunClient.request(strategyId);
    ticks.put("costs", Map.of("slippage_ticks", 1e300));
    Response manyTicks = client.start(ticks);
    assertThat(manyTicks.status()).as(manyTicks.toString()).isEqualTo(422);
    assertThat(manyTicks.errorFields()).containsExactly("costs.slippage_ticks");
    assertThat(client.get(RunClient.PATH).json().path("total_items").asLong()).isZero();
  }

  @Test
  void explicitCostsOverrideThePresetAndAreShown() {
    Map<String, Object> request = RunClient.request(strategyId);
    request.put("costs", Map.of("preset", "krx", "commission_rate", 0.001, "slippage_ticks", 2));
    request.put("sizing", Map.of("type", "fixed_cash", "value", 5000));
    request.put("fill", "close");
    String id = client.started(request);

    JsonView settings = new JsonView(client.get(id).json().path("settings"));

    assertThat(settings.text("costs", "preset")).isEqualTo("krx+custom");
    assertThat(settings.number("costs", "commission_rate")).isEqualTo(0.001);
    assertThat(settings.number("costs", "sell_tax_rate")).isEqualTo(0.002); // from the krx preset
    assertThat(settings.number("costs", "slippage_ticks")).isEqualTo(2);
    assertThat(settings.number("costs", "tick_size")).isEqualTo(0.01); // the symbol's tick
    assertThat(settings.text("sizing", "type")).isEqualTo("fixed_cash");
    assertThat(settings.text("fill")).isEqualTo("close");
    assertThat(client.awaitFinal(id).path("status").asString()).isEqualTo("completed");
  }

  @Test
  void aUserMayHaveOnlySoManyRunsQueuedOrRunning() throws SQLException {
    List<Response> responses = new java.util.ArrayList<>();
    // The limit is 3: with the bars held, the first three stay queued or running.
    try (MarketDataHold ignored = MarketDataHold.on(dataSource)) {
      for (int i = 0; i < 4; i++) {
        responses.add(client.start(RunClient.request(strategyId)));
      }
    }
    assertThat(responses.subList(0, 3)).allSatisfy(r -> assertThat(r.status()).isEqualTo(202));
    Response refused = responses.get(3);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.problemType()).endsWith("/problems/too-many-runs");
    assertThat(refused.header("Retry-After")).isEqualTo("5");
    // Another user is not affected.
    RunClient other = new RunClient(api, port, json, "other");
    String otherStrategy = other.strategy("mine", RunClient.SMA_CROSS);
    assertThat(other.start(RunClient.request(otherStrategy)).status()).isEqualTo(202);
    responses.subList(0, 3).forEach(r -> client.awaitFinal(r.json().path("id").asString()));
    assertThat(client.start(RunClient.request(strategyId)).status()).isEqualTo(202);
  }

  private static String message(Response response, String field) {
    return response.errorMessages(field).stream()
        .findFirst()
        .orElseThrow(() -> new AssertionError(field + " in " + response));
  }

  /** Reads nested fields of a JSON object. */
  private record JsonView(tools.jackson.databind.JsonNode node) {
    String text(String... path) {
      return at(path).asString();
    }

    double number(String... path) {
      return at(path).asDouble();
    }

    private tools.jackson.databind.JsonNode at(String... path) {
      tools.jackson.databind.JsonNode n = node;
      for (String p : path) {
        n = n.path(p);
      }
      return n;
    }
  }
}
