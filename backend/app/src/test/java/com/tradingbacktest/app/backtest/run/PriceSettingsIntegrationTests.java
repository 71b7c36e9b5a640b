package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A run's prices (issue 19) through the API on the real database: price_adjustment, dividends and
 * price_limits are resolved with their defaults, refused when they contradict each other, stored in
 * the run's settings and columns and echoed; the data fingerprint says which prices were asked for;
 * runs stored before price adjustments re-run bit for bit.
 */
class PriceSettingsIntegrationTests extends IntegrationTest {

  @Autowired JdbcClient jdbc;

  RunClient alice;

  @BeforeEach
  void users() {
    api.registerUser("first");
    alice = new RunClient(api, port, json, "alice");
  }

  @Test
  void newRunsReadSplitAdjustedPricesAndPayDividendsAsCashByDefault() {
    String strategy = alice.strategy("sma cross", RunClient.SMA_CROSS);
    String id = alice.started(RunClient.request(strategy));
    JsonNode run = awaitCompleted(id);
    JsonNode prices = run.path("settings").path("prices");
    assertThat(prices.path("price_adjustment").asString()).isEqualTo("split_adjusted");
    assertThat(prices.path("dividends").asString()).isEqualTo("cash");
    assertThat(prices.path("price_limits").asBoolean())
        .as("AAPL is not a KRX symbol: no price limits")
        .isFalse();
    assertThat(prices.path("price_basis").asString())
        .as("the sample's bars came from a CSV, as traded")
        .isEqualTo("raw");
    assertThat(prices.path("as_stored").asBoolean()).isFalse();
    assertThat(prices.path("board").isNull()).isTrue();
    assertThat(prices.path("note").isNull()).isTrue();
    assertThat(
            jdbc.sql(
                    "select concat_ws('|', price_adjustment, dividends, price_limits::text)"
                        + " from backtests where id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single())
        .isEqualTo("split_adjusted|cash|false");
  }

  @Test
  void refusesUnknownCodesAndDividendsPaidTwice() {
    String strategy = alice.strategy("sma cross", RunClient.SMA_CROSS);
    Response unknown =
        alice.start(
            request(strategy, Map.of("price_adjustment", "adjusted", "dividends", "reinvest")));
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
    assertThat(unknown.errorMessages("price_adjustment"))
        .singleElement()
        .asString()
        .isEqualTo("must be raw, split_adjusted or total_return");
    assertThat(unknown.errorMessages("dividends"))
        .singleElement()
        .asString()
        .isEqualTo("must be cash or none");

    Response twice =
        alice.start(
            request(strategy, Map.of("price_adjustment", "total_return", "dividends", "cash")));
    assertThat(twice.status()).as(twice.toString()).isEqualTo(422);
    assertThat(twice.errorFields()).containsExactly("dividends");
    assertThat(twice.errorMessages("dividends"))
        .singleElement()
        .asString()
        .startsWith("must be none (or left out) with price_adjustment total_return");

    Response preview =
        alice.preview(
            withFields(
                RunClient.previewOf(RunClient.SMA_CROSS),
                Map.of("price_adjustment", "total_return", "dividends", "cash")));
    assertThat(preview.status()).as("a preview is checked the same way").isEqualTo(422);
    assertThat(preview.errorFields()).containsExactly("dividends");

    String totalReturn =
        alice.started(request(strategy, Map.of("price_adjustment", "total_return")));
    JsonNode prices = awaitCompleted(totalReturn).path("settings").path("prices");
    assertThat(prices.path("price_adjustment").asString()).isEqualTo("total_return");
    assertThat(prices.path("dividends").asString())
        .as("total-return prices hold the dividends: none paid as cash")
        .isEqualTo("none");
  }

  @Test
  void priceLimitsOutsideKrxAreIgnoredWithANote() {
    String strategy = alice.strategy("sma cross", RunClient.SMA_CROSS);
    String asked = alice.started(request(strategy, Map.of("price_limits", true)));
    JsonNode prices = awaitCompleted(asked).path("settings").path("prices");
    assertThat(prices.path("price_limits").asBoolean()).isFalse();
    assertThat(prices.path("note").asString())
        .isEqualTo(
            "price_limits applies to KRX symbols only; this run has none, so it was ignored");

    Response preview =
        alice.preview(
            withFields(RunClient.previewOf(RunClient.SMA_CROSS), Map.of("price_limits", true)));
    assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
    assertThat(preview.json().path("settings").path("prices").path("note").asString())
        .isEqualTo(PriceSettings.LIMITS_IGNORED);
  }

  @Test
  void theFingerprintSaysWhichPricesWereAskedForAndTheBareOneIsTheBarsAlone() {
    String strategy = alice.strategy("sma cross", RunClient.SMA_CROSS);
    String raw =
        alice.started(request(strategy, Map.of("price_adjustment", "raw", "dividends", "none")));
    String adjusted = alice.started(request(strategy, Map.of()));
    String totalReturn =
        alice.started(request(strategy, Map.of("price_adjustment", "total_return")));
    JsonNode rawRun = awaitCompleted(raw);
    JsonNode adjustedRun = awaitCompleted(adjusted);
    JsonNode totalReturnRun = awaitCompleted(totalReturn);

    List<String> fingerprints =
        List.of(
            rawRun.path("data_fingerprint").asString(),
            adjustedRun.path("data_fingerprint").asString(),
            totalReturnRun.path("data_fingerprint").asString());
    assertThat(fingerprints).doesNotHaveDuplicates();
    assertThat(adjustedRun.path("data_changed").asBoolean()).isFalse();
    assertThat(
            jdbc.sql("select price_inputs_fingerprint from backtests where id = ?")
                .param(UUID.fromString(raw))
                .query(String.class)
                .optional())
        .as("raw prices of a raw series without actions: nothing beyond the bars")
        .isEmpty();
    assertThat(
            jdbc.sql("select price_inputs_fingerprint from backtests where id = ?")
                .param(UUID.fromString(adjusted))
                .query(String.class)
                .single())
        .hasSize(64);
    assertThat(adjustedRun.path("result").path("metrics"))
        .as("without corporate actions every adjustment reads the same numbers")
        .isEqualTo(rawRun.path("result").path("metrics"));
  }

  @Test
  void aRunStoredBeforePriceAdjustmentsReRunsBitForBit() {
    String strategy = alice.strategy("sma cross", RunClient.SMA_CROSS);
    Map<String, Object> body = request(strategy, Map.of("benchmark", "AAPL"));
    String old = alice.started(body);
    JsonNode first = awaitCompleted(old);
    // As V18 leaves a run stored before it: read as stored, in its series' basis.
    jdbc.sql(
            "update backtests set price_adjustment = 'raw', dividends = 'none',"
                + " price_limits = false, price_inputs_fingerprint = null,"
                + " settings = jsonb_set(settings, '{prices}', '{\"price_adjustment\": \"raw\","
                + " \"dividends\": \"none\", \"price_limits\": false, \"price_basis\": \"raw\","
                + " \"board\": null, \"as_stored\": true, \"note\": null}'),"
                + " data_fingerprint = ? where id = ?")
        .params(bareFingerprint(old), UUID.fromString(old))
        .update();
    JsonNode stored = alice.get(old).json();
    assertThat(stored.path("data_changed").asBoolean())
        .as("its bars are the ones stored now")
        .isFalse();

    Response accepted = alice.api.post(RunClient.PATH + "/" + old + "/rerun", Map.of(), alice.auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    JsonNode again = awaitCompleted(accepted.json().path("id").asString());
    assertThat(again.path("result")).isEqualTo(first.path("result"));
    assertThat(again.path("same_data_as_original").asBoolean()).isTrue();
    assertThat(again.path("data_fingerprint").asString()).isEqualTo(bareFingerprint(old));
    assertThat(again.path("settings").path("prices").path("as_stored").asBoolean()).isTrue();
    assertThat(again.path("settings").path("prices").path("price_adjustment").asString())
        .isEqualTo("raw");
  }

  @Test
  void anOptimisationReadsTheSamePricesAndItsBestReRunsWithThem() {
    String strategy = alice.strategy("sma cross", RunClient.SMA_CROSS);
    Map<String, Object> optimise = new LinkedHashMap<>();
    optimise.put("backtest", request(strategy, Map.of("price_adjustment", "total_return")));
    optimise.put(
        "ranges",
        Map.of(
            "fast", Map.of("from", 5, "to", 10, "step", 5),
            "slow", Map.of("from", 20, "to", 30, "step", 10)));
    optimise.put("objective", "total_return");
    Response refused =
        alice.api.post(
            RunClient.OPTIMIZE,
            Map.of(
                "backtest",
                request(strategy, Map.of("price_adjustment", "total_return", "dividends", "cash")),
                "objective",
                "total_return"),
            alice.auth);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(String.join(",", refused.errorFields())).contains("dividends");

    Response accepted = alice.api.post(RunClient.OPTIMIZE, optimise, alice.auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String id = accepted.json().path("id").asString();
    JsonNode done = alice.awaitOptimisation(id);
    assertThat(done.path("settings").path("prices").path("price_adjustment").asString())
        .isEqualTo("total_return");
    assertThat(
            jdbc.sql(
                    "select concat_ws('|', price_adjustment, dividends, price_limits::text)"
                        + " from optimizations where id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single())
        .isEqualTo("total_return|none|false");
  }

  /** The fingerprint of the bars a run read alone, as runs stored before issue 19 have it. */
  private String bareFingerprint(String runId) {
    String raw =
        alice.started(
            request(
                alice.strategy("sma cross " + runId, RunClient.SMA_CROSS),
                Map.of("price_adjustment", "raw", "dividends", "none", "benchmark", "AAPL")));
    return awaitCompleted(raw).path("data_fingerprint").asString();
  }

  private JsonNode awaitCompleted(String id) {
    JsonNode status = alice.awaitFinal(id);
    assertThat(status.path("status").asString()).as(status.toString()).isEqualTo("completed");
    return alice.get(id).json();
  }

  private static Map<String, Object> request(String strategy, Map<String, Object> fields) {
    return withFields(RunClient.request(strategy), fields);
  }

  private static Map<String, Object> withFields(
      Map<String, Object> body, Map<String, Object> fields) {
    Map<String, Object> all = new LinkedHashMap<>(body);
    all.putAll(fields);
    return all;
  }
}
