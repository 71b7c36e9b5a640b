package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.app.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A run's account (issue 18) through the API on the real database: the fields are resolved against
 * the symbol's asset class preset (tb.account.presets), refused beyond it with the field named,
 * stored with the run's settings and charged by the engine; runs stored before accounts existed
 * re-run unchanged.
 */
class AccountSettingsIntegrationTests extends IntegrationTest {

  private static final String HOLD =
      """
      long_entry = close > 0
      long_exit = close < 0
      """;

  @Autowired JdbcClient jdbc;

  RunClient alice;
  RunClient mallory;

  @BeforeEach
  void users() {
    api.registerUser("first");
    alice = new RunClient(api, port, json, "alice");
    mallory = new RunClient(api, port, json, "mallory");
  }

  @Test
  void aUsRunMayLeverUpToTheMarginAccountsTwiceAndNoFurther() {
    String strategy = alice.strategy("sma cross", RunClient.SMA_CROSS);

    Map<String, Object> tooMuch = request(strategy, Map.of("leverage", 3));
    Response refused = alice.start(tooMuch);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.errorMessages("leverage"))
        .singleElement()
        .asString()
        .isEqualTo("must be at most 2 for the us account");
    Response several =
        alice.start(
            request(
                strategy,
                Map.of(
                    "leverage",
                    0.5,
                    "pyramiding",
                    11,
                    "borrow_rate",
                    1.5,
                    "funding",
                    "series",
                    "close_at_end_price",
                    "middle")));
    assertThat(several.status()).isEqualTo(422);
    assertThat(several.errorFields()).contains("close_at_end_price");
    Map<String, Object> resolvable =
        request(
            strategy,
            Map.of("leverage", 0.5, "pyramiding", 11, "borrow_rate", 1.5, "funding", "series"));
    assertThat(alice.start(resolvable).errorFields())
        .containsExactlyInAnyOrder("leverage", "pyramiding", "borrow_rate", "funding");
    assertThat(
            alice
                .start(request(strategy, Map.of("leverage", 2, "maintenance_margin", 0.5)))
                .errorMessages("maintenance_margin"))
        .singleElement()
        .asString()
        .startsWith("must be below the initial margin 1/leverage (0.5)");

    String levered =
        alice.started(
            request(
                strategy, Map.of("leverage", 2, "pyramiding", 3, "close_at_end_price", "open")));
    JsonNode run = awaitCompleted(alice, levered);
    JsonNode account = run.path("settings").path("account");
    assertThat(account.path("preset").asString()).isEqualTo("us");
    assertThat(account.path("leverage").asDouble()).isEqualTo(2);
    assertThat(account.path("maintenance_margin").asDouble())
        .as("the us preset's, once the run levers")
        .isEqualTo(0.25);
    assertThat(account.path("borrow_rate").asDouble()).isEqualTo(0.08);
    assertThat(account.path("funding").asString()).isEqualTo("none");
    assertThat(account.path("pyramiding").asInt()).isEqualTo(3);
    assertThat(account.path("close_at_end_price").asString()).isEqualTo("open");
    assertThat(run.path("result").path("metrics").has("total_interest")).isTrue();
    assertThat(run.path("result").path("liquidations").isArray()).isTrue();
  }

  @Test
  void defaultsChangeNothingAndARunStoredBeforeAccountsReRunsTheSame() {
    String strategy = alice.strategy("sma cross", RunClient.SMA_CROSS);
    String plain = alice.started(RunClient.request(strategy));
    JsonNode first = awaitCompleted(alice, plain);
    JsonNode account = first.path("settings").path("account");
    assertThat(account.path("preset").asString()).isEqualTo("us");
    assertThat(account.path("leverage").asDouble()).isEqualTo(1);
    assertThat(account.path("maintenance_margin").asDouble()).isZero();
    assertThat(account.path("pyramiding").asInt()).isEqualTo(1);
    assertThat(account.path("close_at_end_price").asString()).isEqualTo("close");

    // As stored before issue 18: settings without an account.
    jdbc.sql("update backtests set settings = settings - 'account' where id = ?")
        .param(UUID.fromString(plain))
        .update();
    assertThat(alice.get(plain).json().path("settings").path("account").isNull()).isTrue();
    Response accepted =
        alice.api.post(RunClient.PATH + "/" + plain + "/rerun", Map.of(), alice.auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    JsonNode again = awaitCompleted(alice, accepted.json().path("id").asString());
    assertThat(again.path("result")).isEqualTo(first.path("result"));
    assertThat(again.path("settings").path("account").isNull()).isTrue();
  }

  @Test
  void aPerpetualTradesInTheFuturesAccountAndPaysItsStoredFunding() {
    String ticker = alice.uploadDaily(RunClient.dailyCsv(100, 101, 102, 103, 104, 105, 106, 107));
    String strategy = alice.strategy("hold", HOLD);
    Map<String, Object> spot = request(strategy, Map.of("funding", "series"));
    spot.put("symbol", ticker);
    spot.put("start_date", "2024-01-01");
    spot.put("end_date", "2024-01-08");
    Response noSeries = alice.start(spot);
    assertThat(noSeries.errorMessages("funding"))
        .singleElement()
        .asString()
        .startsWith("no funding rates are stored for " + ticker);
    JsonNode spotDefaults = alice.get("/api/v1/backtests/account-defaults?symbol=" + ticker).json();
    assertThat(spotDefaults.path("preset").asString()).isEqualTo("crypto-spot");
    assertThat(spotDefaults.path("max_leverage").asDouble()).isEqualTo(1);

    StringBuilder rates = new StringBuilder("time,rate\n");
    for (int day = 1; day <= 8; day++) {
      rates.append("2024-01-0").append(day).append("T00:00:00Z,0.001\n");
    }
    Response imported =
        Multipart.uploadTo(
            port,
            "/api/v1/data/funding/import",
            json,
            alice.auth[1],
            "funding.csv",
            rates.toString().getBytes(StandardCharsets.UTF_8),
            Map.of("symbol", ticker));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);

    JsonNode defaults = alice.get("/api/v1/backtests/account-defaults?symbol=" + ticker).json();
    assertThat(defaults.path("preset").asString()).isEqualTo("crypto-futures");
    assertThat(defaults.path("perpetual").asBoolean()).isTrue();
    assertThat(defaults.path("funding_series").asBoolean()).isTrue();
    assertThat(defaults.path("funding").asString()).isEqualTo("series");
    assertThat(defaults.path("max_leverage").asDouble()).isEqualTo(10);
    assertThat(defaults.path("tiers").size()).isGreaterThan(1);
    assertThat(mallory.get("/api/v1/backtests/account-defaults?symbol=" + ticker).status())
        .as("another user's upload")
        .isEqualTo(404);

    Map<String, Object> perpetual = new LinkedHashMap<>(spot);
    perpetual.remove("funding");
    perpetual.put("close_at_end", true);
    JsonNode funded = awaitCompleted(alice, alice.started(perpetual));
    JsonNode account = funded.path("settings").path("account");
    assertThat(account.path("preset").asString()).isEqualTo("crypto-futures");
    assertThat(account.path("funding").asString()).isEqualTo("series");
    assertThat(account.path("maintenance_margin").asDouble())
        .as("the first tier's: a perpetual always has a maintenance margin")
        .isEqualTo(0.004);
    double totalFunding = funded.path("result").path("metrics").path("total_funding").asDouble();
    assertThat(totalFunding).as("a long pays positive funding").isPositive();
    JsonNode trip = alice.get(funded.path("id").asString() + "/round-trips").json();
    assertThat(trip.path("items").get(0).path("funding").asDouble()).isPositive();

    perpetual.put("funding", "none");
    JsonNode free = awaitCompleted(alice, alice.started(perpetual));
    assertThat(free.path("result").path("metrics").path("total_funding").asDouble()).isZero();
    assertThat(free.path("result").path("metrics").path("final_equity").asDouble())
        .isGreaterThan(funded.path("result").path("metrics").path("final_equity").asDouble());

    perpetual.put("funding", "fixed");
    perpetual.put("funding_rate", 0.2);
    assertThat(alice.start(perpetual).errorFields()).containsExactly("funding_rate");
    perpetual.put("leverage", 11);
    perpetual.put("funding_rate", 0.0001);
    assertThat(alice.start(perpetual).errorMessages("leverage"))
        .singleElement()
        .asString()
        .startsWith("must be at most 10 for the crypto-futures account");
  }

  @Test
  void aPortfolioChargesEachPerpetualItsOwnSeriesAndTradesInTheStrictestAccount() {
    String perpetual = alice.uploadDaily(RunClient.dailyCsv(100, 101, 102, 103, 104, 105));
    String spot = alice.uploadDaily(RunClient.dailyCsv(50, 51, 52, 53, 54, 55));
    Response imported =
        Multipart.uploadTo(
            port,
            "/api/v1/data/funding/import",
            json,
            alice.auth[1],
            "funding.csv",
            "2024-01-02,0.002\n2024-01-03,0.002\n2024-01-04,0.002\n"
                .getBytes(StandardCharsets.UTF_8),
            Map.of("symbol", perpetual));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    String strategy = alice.strategy("half each", "weight = 0.5\n");
    Map<String, Object> request = new LinkedHashMap<>(RunClient.request(strategy));
    request.remove("symbol");
    request.put("symbols", java.util.List.of(perpetual, spot));
    request.put("start_date", "2024-01-01");
    request.put("end_date", "2024-01-06");
    request.put("rebalance", "every_bar");

    request.put("leverage", 2);
    assertThat(alice.start(request).errorMessages("leverage"))
        .as("the spot symbol's account allows no leverage")
        .singleElement()
        .asString()
        .isEqualTo("must be at most 1 for the crypto-spot account");
    request.remove("leverage");

    JsonNode run = awaitCompleted(alice, alice.started(request));
    JsonNode account = run.path("settings").path("account");
    assertThat(account.path("preset").asString()).isEqualTo("crypto-spot");
    assertThat(account.path("funding").asString()).isEqualTo("series");
    assertThat(run.path("result").path("metrics").path("total_funding").asDouble())
        .as("the perpetual's long half pays its positive funding")
        .isPositive();
  }

  private JsonNode awaitCompleted(RunClient user, String id) {
    JsonNode status = user.awaitFinal(id);
    assertThat(status.path("status").asString()).as(status.toString()).isEqualTo("completed");
    return user.get(id).json();
  }

  private static Map<String, Object> request(String strategy, Map<String, Object> account) {
    Map<String, Object> body = new LinkedHashMap<>(RunClient.request(strategy));
    body.putAll(account);
    return body;
  }
}
