package com.tradingbacktest.app.strategy;

import static com.tradingbacktest.app.strategy.StrategyClient.BROKEN;
import static com.tradingbacktest.app.strategy.StrategyClient.NO_PARAMS;
import static com.tradingbacktest.app.strategy.StrategyClient.PATH;
import static com.tradingbacktest.app.strategy.StrategyClient.SMA_CROSS;
import static com.tradingbacktest.app.strategy.StrategyClient.body;
import static com.tradingbacktest.app.strategy.StrategyClient.countOwnedBy;
import static com.tradingbacktest.app.strategy.StrategyClient.userId;
import static com.tradingbacktest.app.strategy.StrategyClient.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The owner's life cycle of a strategy: create, read, replace, delete. */
class StrategyCrudIntegrationTests extends IntegrationTest {

  @Autowired JdbcClient jdbc;

  @Test
  void createsAStrategyWithItsCompiledParameters() {
    JsonNode owner = api.registerUser("create");
    Map<String, Object> request = body("SMA crossover", SMA_CROSS, null);
    request.put("description", "fast over slow");

    Response response = withToken(api, owner).create(request);

    assertThat(response.status()).isEqualTo(201);
    JsonNode created = response.json();
    String id = created.path("id").asString();
    assertThat(response.header("Location")).isEqualTo(PATH + "/" + id);
    assertThat(created.path("name").asString()).isEqualTo("SMA crossover");
    assertThat(created.path("description").asString()).isEqualTo("fast over slow");
    assertThat(created.path("code").asString()).isEqualTo(SMA_CROSS);
    assertThat(created.path("is_public").asBoolean()).isFalse();
    assertThat(created.path("mine").asBoolean()).isTrue();
    assertThat(created.path("owner_id").asString()).isEqualTo(userId(owner));
    assertThat(created.path("created_at").asString())
        .isEqualTo(created.path("updated_at").asString());
    JsonNode fast = created.path("parameters").get(0);
    assertThat(created.path("parameters")).hasSize(2);
    assertThat(fast.path("name").asString()).isEqualTo("fast");
    assertThat(fast.path("default").asDouble()).isEqualTo(10);
    assertThat(fast.path("min").asDouble()).isEqualTo(2);
    assertThat(fast.path("max").asDouble()).isEqualTo(100);
    assertThat(fast.path("step").asDouble()).isEqualTo(1);
    assertThat(created.path("parameters").get(1).path("name").asString()).isEqualTo("slow");
  }

  @Test
  void storesTheParametersAsAJsonbArrayThatReadsBackUnchanged() {
    JsonNode owner = api.registerUser("jsonb");
    StrategyClient client = withToken(api, owner);
    String code =
        "param fast = 10 in 2..100 step 1\nparam k = 0.5\nlong_entry = close > sma(close, fast) * k\n";
    String id = client.created("jsonb", code, false).path("id").asString();

    Map<String, Object> row =
        jdbc.sql(
                "select jsonb_typeof(parameters) as kind, "
                    + "parameters -> 0 ->> 'name' as first, (parameters -> 1 ->> 'default')::float8 as k_default, "
                    + "parameters -> 1 -> 'min' as k_min, jsonb_array_length(parameters) as n from strategies where id = ?")
            .param(UUID.fromString(id))
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("kind", "array")
        .containsEntry("first", "fast")
        .containsEntry("k_default", 0.5)
        .containsEntry("n", 2);
    assertThat(row.get("k_min").toString()).isEqualTo("null");

    JsonNode read = client.get(id).json().path("parameters");
    assertThat(read).hasSize(2);
    assertThat(read.get(0).path("name").asString()).isEqualTo("fast");
    assertThat(read.get(0).path("max").asDouble()).isEqualTo(100);
    assertThat(read.get(1).path("name").asString()).isEqualTo("k");
    assertThat(read.get(1).path("default").asDouble()).isEqualTo(0.5);
    assertThat(read.get(1).path("min").isNull()).isTrue();
    assertThat(read.get(1).path("max").isNull()).isTrue();
    assertThat(read.get(1).path("step").isNull()).isTrue();
  }

  @Test
  void rejectsCodeThatDoesNotCompileWithEveryErrorAndStoresNothing() {
    JsonNode owner = api.registerUser("broken");

    Response response = withToken(api, owner).create(body("broken", BROKEN, false));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.problemType()).isEqualTo("/problems/invalid-strategy");
    assertThat(response.json().path("detail").asString()).contains("2 errors", "line 1, column 5");
    JsonNode errors = response.json().path("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).path("field").asString()).isEqualTo("code");
    assertThat(errors.get(0).path("line").asInt()).isEqualTo(1);
    assertThat(errors.get(0).path("column").asInt()).isEqualTo(5);
    assertThat(errors.get(0).path("length").asInt()).isPositive();
    assertThat(errors.get(0).path("message").asString()).contains("smaa", "did you mean 'sma'");
    assertThat(errors.get(1).path("line").asInt()).isEqualTo(2);
    assertThat(errors.get(1).path("column").asInt()).isEqualTo(14);
    assertThat(errors.get(1).path("message").asString()).contains("foo");
    assertThat(countOwnedBy(jdbc, owner)).isZero();
  }

  @Test
  void readsItsOwnStrategyWithTheCode() {
    JsonNode owner = api.registerUser("read");
    StrategyClient client = withToken(api, owner);
    JsonNode created = client.created("mine", NO_PARAMS, false);

    Response response = client.get(created.path("id").asString());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(created);
    assertThat(response.json().path("parameters")).isEmpty();
  }

  @Test
  void trimsTheNameAndDropsABlankDescription() {
    JsonNode owner = api.registerUser("trim");
    Map<String, Object> request = body("  padded name  ", NO_PARAMS, false);
    request.put("description", "   ");

    JsonNode created = withToken(api, owner).create(request).json();

    assertThat(created.path("name").asString()).isEqualTo("padded name");
    assertThat(created.path("description").isNull()).isTrue();
  }

  @Test
  void replacesItsOwnStrategyAndRecompilesTheParameters() {
    JsonNode owner = api.registerUser("update");
    StrategyClient client = withToken(api, owner);
    JsonNode created = client.created("before", SMA_CROSS, false);
    String id = created.path("id").asString();
    Map<String, Object> request =
        body("after", "param length = 14 in 2..50\nlong_entry = rsi(close, length) < 30\n", true);
    request.put("description", "now an RSI strategy");

    Response response = client.put(id, request);

    assertThat(response.status()).isEqualTo(200);
    JsonNode updated = response.json();
    assertThat(updated.path("id").asString()).isEqualTo(id);
    assertThat(updated.path("name").asString()).isEqualTo("after");
    assertThat(updated.path("description").asString()).isEqualTo("now an RSI strategy");
    assertThat(updated.path("is_public").asBoolean()).isTrue();
    assertThat(updated.path("parameters")).hasSize(1);
    assertThat(updated.path("parameters").get(0).path("name").asString()).isEqualTo("length");
    assertThat(updated.path("parameters").get(0).path("step").isNull()).isTrue();
    assertThat(updated.path("created_at").asString())
        .isEqualTo(created.path("created_at").asString());
    assertThat(Instant.parse(updated.path("updated_at").asString()))
        .isAfter(Instant.parse(created.path("updated_at").asString()));
    assertThat(client.get(id).json()).isEqualTo(updated);
  }

  @Test
  void aReplacementWithoutOptionalFieldsClearsTheDescriptionAndMakesItPrivate() {
    JsonNode owner = api.registerUser("replace");
    StrategyClient client = withToken(api, owner);
    Map<String, Object> request = body("shared", NO_PARAMS, true);
    request.put("description", "to be cleared");
    String id = client.create(request).json().path("id").asString();

    JsonNode updated = client.put(id, body("shared", NO_PARAMS, null)).json();

    assertThat(updated.path("description").isNull()).isTrue();
    assertThat(updated.path("is_public").asBoolean()).isFalse();
  }

  @Test
  void aReplacementThatDoesNotCompileKeepsTheStoredStrategy() {
    JsonNode owner = api.registerUser("badupdate");
    StrategyClient client = withToken(api, owner);
    JsonNode created = client.created("keep me");
    String id = created.path("id").asString();

    Response response = client.put(id, body("renamed", BROKEN, false));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.problemType()).isEqualTo("/problems/invalid-strategy");
    assertThat(response.json().path("errors")).hasSize(2);
    assertThat(client.get(id).json()).isEqualTo(created);
  }

  @Test
  void deletesItsOwnStrategy() {
    JsonNode owner = api.registerUser("delete");
    StrategyClient client = withToken(api, owner);
    String id = client.created("doomed").path("id").asString();

    Response response = client.delete(id);

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(client.get(id).status()).isEqualTo(404);
    assertThat(client.delete(id).status()).isEqualTo(404);
    assertThat(countOwnedBy(jdbc, owner)).isZero();
  }

  @Test
  void deletingAStrategyKeepsTheBacktestsThatUsedIt() {
    JsonNode owner = api.registerUser("keepbt");
    StrategyClient client = withToken(api, owner);
    String id = client.created("tested").path("id").asString();
    UUID backtest = UUID.randomUUID();
    jdbc.sql(
            "insert into backtests (id, user_id, strategy_id, symbol, start_date, end_date, initial_capital) "
                + "values (?, ?, ?, 'STRATTEST', '2024-01-01', '2024-12-31', 10000)")
        .params(backtest, UUID.fromString(userId(owner)), UUID.fromString(id))
        .update();

    assertThat(client.delete(id).status()).isEqualTo(204);

    assertThat(
            jdbc.sql("select count(*) from backtests where id = ? and strategy_id is null")
                .param(backtest)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
