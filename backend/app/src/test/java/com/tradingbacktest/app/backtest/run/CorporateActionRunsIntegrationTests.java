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
 * Runs over a series with corporate actions (issue 19), end to end: the actions imported as CSV
 * (the data lane's {@code POST /api/v1/data/actions/import}), a dividend paid as cash into a held
 * position (the engine's), the fingerprint covering the actions, and a run stored before price
 * adjustments re-running bit for bit however the actions changed since.
 */
class CorporateActionRunsIntegrationTests extends IntegrationTest {

  private static final String HOLD =
      """
      long_entry = close > 0
      long_exit = close < 0
      """;

  @Autowired JdbcClient jdbc;

  RunClient alice;

  @BeforeEach
  void users() {
    api.registerUser("first");
    alice = new RunClient(api, port, json, "alice");
  }

  @Test
  void aDividendIsPaidIntoAHeldPositionAndTheFingerprintCoversTheActions() {
    String ticker = alice.uploadDaily(RunClient.dailyCsv(100, 100, 100, 100, 100, 100, 100, 100));
    String strategy = alice.strategy("hold", HOLD);
    String before = alice.started(request(strategy, ticker, Map.of()));
    JsonNode beforeRun = awaitCompleted(before);
    assertThat(beforeRun.path("data_changed").asBoolean()).isFalse();

    importActions(ticker, "date,type,value,end_date\n2024-01-05,dividend,2,\n");
    assertThat(alice.get(before).json().path("data_changed").asBoolean())
        .as("a dividend since changes what the run would read")
        .isTrue();

    JsonNode cash = awaitCompleted(alice.started(request(strategy, ticker, Map.of())));
    JsonNode none =
        awaitCompleted(alice.started(request(strategy, ticker, Map.of("dividends", "none"))));
    // All in at the second bar's open of 100: 100 units, held into 2024-01-05, 2 each.
    assertThat(cash.path("result").path("metrics").path("total_dividends").asDouble())
        .isEqualTo(200);
    assertThat(none.path("result").path("metrics").path("total_dividends").asDouble()).isZero();
    assertThat(
            cash.path("result").path("metrics").path("final_equity").asDouble()
                - none.path("result").path("metrics").path("final_equity").asDouble())
        .isEqualTo(200);
    JsonNode trips = alice.get(cash.path("id").asString() + "/round-trips").json();
    assertThat(trips.path("items").get(0).path("dividends").asDouble()).isEqualTo(200);
    assertThat(cash.path("data_fingerprint").asString())
        .isNotEqualTo(none.path("data_fingerprint").asString())
        .isNotEqualTo(beforeRun.path("data_fingerprint").asString());
  }

  @Test
  void anOrderWaitsThroughAHaltAndItsFillSaysSo() {
    String ticker = alice.uploadDaily(RunClient.dailyCsv(100, 101, 102, 103, 104, 105, 106, 107));
    String strategy = alice.strategy("hold", HOLD);
    importActions(ticker, "date,type,value,end_date\n2024-01-02,halt,,2024-01-03\n");

    JsonNode run = awaitCompleted(alice.started(request(strategy, ticker, Map.of())));
    String id = run.path("id").asString();
    JsonNode fills = alice.get(id + "/trades").json().path("items");
    // The signal at the first close queues a buy for 01-02's open; halted through 01-03, it fills
    // at 01-04's open (102, the previous close), and says why it waited.
    assertThat(fills.get(0).path("timestamp").asString()).startsWith("2024-01-04");
    assertThat(fills.get(0).path("price").asDouble()).isEqualTo(102.0);
    assertThat(fills.get(0).path("note").asString()).isEqualTo("halted");
    assertThat(fills.get(1).path("note").isNull()).as("the closing sell did not wait").isTrue();
    String csv = alice.get(id + "/trades?format=csv").body();
    assertThat(csv.lines().skip(1).findFirst().orElseThrow()).endsWith(",halted");
    JsonNode trip = alice.get(id + "/round-trips").json().path("items").get(0);
    assertThat(trip.path("entry_note").asString()).isEqualTo("halted");
    assertThat(trip.path("exit_note").isNull()).isTrue();
  }

  @Test
  void aRunStoredBeforePriceAdjustmentsIgnoresTheActionsImportedSince() {
    String ticker = alice.uploadDaily(RunClient.dailyCsv(100, 101, 102, 103, 51, 52, 53, 54));
    String strategy = alice.strategy("hold", HOLD);
    String old =
        alice.started(
            request(strategy, ticker, Map.of("price_adjustment", "raw", "dividends", "none")));
    JsonNode first = awaitCompleted(old);
    jdbc.sql(
            "update backtests set settings = jsonb_set(settings, '{prices}',"
                + " '{\"price_adjustment\": \"raw\", \"dividends\": \"none\", \"price_limits\":"
                + " false, \"price_basis\": \"raw\", \"board\": null, \"as_stored\": true,"
                + " \"note\": null}') where id = ?")
        .param(UUID.fromString(old))
        .update();

    importActions(
        ticker,
        """
        date,type,value,end_date
        2024-01-05,split,2:1,
        2024-01-07,dividend,1,
        2024-01-03,halt,,2024-01-03
        """);
    assertThat(alice.get(old).json().path("data_changed").asBoolean())
        .as("it reads its bars as stored: the actions change nothing it reads")
        .isFalse();

    Response accepted = alice.api.post(RunClient.PATH + "/" + old + "/rerun", Map.of(), alice.auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    JsonNode again = awaitCompleted(accepted.json().path("id").asString());
    assertThat(again.path("result")).isEqualTo(first.path("result"));
    assertThat(again.path("same_data_as_original").asBoolean()).isTrue();

    String chart = "/api/v1/data/historical?dataset=own&interval=1d&symbol=" + ticker;
    assertThat(
            alice
                .get(chart + "&adjustment=raw")
                .json()
                .path("bars")
                .get(3)
                .path("close")
                .asDouble())
        .isEqualTo(103.0);
    assertThat(alice.get(chart).json().path("bars").get(3).path("close").asDouble())
        .as("the chart reads split-adjusted prices by default, as a run")
        .isEqualTo(51.5);

    JsonNode adjusted = awaitCompleted(alice.started(request(strategy, ticker, Map.of())));
    assertThat(adjusted.path("result").path("metrics").path("total_return").asDouble())
        .as("split-adjusted, the 2:1 split is no crash")
        .isGreaterThan(0);
  }

  private void importActions(String ticker, String csv) {
    Response imported =
        Multipart.uploadTo(
            port,
            "/api/v1/data/actions/import",
            json,
            alice.auth[1],
            "actions.csv",
            csv.getBytes(StandardCharsets.UTF_8),
            Map.of("symbol", ticker, "dataset", "own"));
    assertThat(imported.status()).as(imported.toString()).isBetween(200, 201);
  }

  private JsonNode awaitCompleted(String id) {
    JsonNode status = alice.awaitFinal(id);
    assertThat(status.path("status").asString()).as(status.toString()).isEqualTo("completed");
    return alice.get(id).json();
  }

  private static Map<String, Object> request(
      String strategy, String ticker, Map<String, Object> fields) {
    Map<String, Object> body =
        new LinkedHashMap<>(RunClient.request(strategy, ticker, "1d", "2024-01-01", "2024-01-08"));
    body.put("close_at_end", true);
    body.putAll(fields);
    return body;
  }
}
