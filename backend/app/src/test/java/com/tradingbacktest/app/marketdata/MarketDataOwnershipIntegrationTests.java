package com.tradingbacktest.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.backtest.run.RunClient;
import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.app.support.Multipart;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Whose market data a user reads: their own CSV uploads stay theirs, and nobody's upload changes
 * what anyone else reads (bars, history, symbols, ranges, backtests, optimisations).
 */
class MarketDataOwnershipIntegrationTests extends IntegrationTest {

  private static final String HISTORY =
      "/api/v1/data/historical?symbol=AAPL&interval=1d&start=2013-01-01&end=2013-03-01";
  private static final String POISON =
      "date,open,high,low,close,volume\n2013-01-02,1,1,1,1,1\n2013-01-03,1,1,1,1,1\n";
  private static final String OPTIMIZE = "/api/v1/backtests/optimize";

  RunClient alice;
  RunClient mallory;

  @BeforeEach
  void users() {
    // With the embedded database the first account administers shared data: neither of these is it.
    api.registerUser("first");
    alice = new RunClient(api, port, json, "alice");
    mallory = new RunClient(api, port, json, "mallory");
  }

  @Test
  void anotherUsersUploadOfASymbolNeverChangesWhatYouRead() {
    String strategy = alice.strategy("sma cross", RunClient.SMA_CROSS);
    String runBefore = alice.started(RunClient.request(strategy));
    String optimisationBefore = startOptimisation(alice, strategy);
    String history = alice.get(HISTORY).body();
    String symbols = alice.get("/api/v1/data/symbols?query=AAPL").body();
    String symbol = alice.get("/api/v1/data/symbols/AAPL").body();
    double close = json.readTree(history).path("bars").get(0).path("close").asDouble();
    assertThat(close).isGreaterThan(100);
    JsonNode resultBefore = awaitCompleted(alice, runBefore).path("result");
    JsonNode rankingBefore = alice.awaitOptimisation(optimisationBefore).path("results");

    Response upload = upload(mallory, "AAPL", Map.of());
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    assertThat(upload.json().path("dataset").asString()).isEqualTo("own");
    Response sharedUpload = upload(mallory, "AAPL", Map.of("dataset", "shared"));
    assertThat(sharedUpload.status()).as(sharedUpload.toString()).isEqualTo(403);
    assertThat(sharedUpload.problemType()).endsWith("/shared-data-forbidden");

    // The uploader reads their own bars...
    JsonNode theirs = mallory.get(HISTORY).json();
    assertThat(theirs.path("dataset").asString()).isEqualTo("own");
    assertThat(theirs.path("bars").get(0).path("close").asDouble()).isEqualTo(1.0);
    assertThat(mallory.get("/api/v1/data/symbols?query=AAPL").json().valueStream())
        .extracting(s -> s.path("symbol").asString() + "/" + s.path("dataset").asString())
        .contains("AAPL/shared", "AAPL/own");
    // ...and nobody else does, by any path.
    assertThat(alice.get(HISTORY).body()).isEqualTo(history);
    assertThat(alice.get(HISTORY + "&dataset=shared").body()).isEqualTo(history);
    assertThat(alice.get(HISTORY + "&dataset=own").status()).isEqualTo(404);
    assertThat(alice.get("/api/v1/data/symbols?query=AAPL").body()).isEqualTo(symbols);
    assertThat(alice.get("/api/v1/data/symbols/AAPL").body()).isEqualTo(symbol);
    String malloryKey = SeriesKeys.own(UUID.fromString(mallory.userId()), "AAPL");
    assertThat(alice.get("/api/v1/data/symbols/" + malloryKey).status()).isEqualTo(404);
    assertThat(alice.get("/api/v1/data/historical?symbol=" + malloryKey).status()).isEqualTo(404);

    String runAfter = alice.started(RunClient.request(strategy));
    String optimisationAfter = startOptimisation(alice, strategy);
    JsonNode after = awaitCompleted(alice, runAfter);
    assertThat(after.path("dataset").asString()).isEqualTo("shared");
    assertThat(after.path("result")).isEqualTo(resultBefore);
    assertThat(alice.awaitOptimisation(optimisationAfter).path("results")).isEqualTo(rankingBefore);
    JsonNode first = alice.get(runBefore).json();
    assertThat(first.path("data_changed").asBoolean()).isFalse();
    assertThat(first.path("data_fingerprint").asString())
        .isEqualTo(after.path("data_fingerprint").asString());
  }

  @Test
  void aRunReadsYourOwnUploadByDefaultAndTheSharedSeriesWhenAsked() {
    Response upload = upload(mallory, "AAPL", Map.of());
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    String strategy = mallory.strategy("sma cross", RunClient.SMA_CROSS);

    Response own = mallory.start(RunClient.request(strategy));
    // Two bars of their own upload lie in 2013: the run is accepted, and reads those two.
    assertThat(own.status()).as(own.toString()).isEqualTo(202);
    Map<String, Object> shared = new LinkedHashMap<>(RunClient.request(strategy));
    shared.put("dataset", "shared");
    String sharedRun = mallory.started(shared);

    JsonNode ownRun = awaitCompleted(mallory, own.json().path("id").asString());
    JsonNode sharedResult = awaitCompleted(mallory, sharedRun);
    assertThat(ownRun.path("dataset").asString()).isEqualTo("own");
    assertThat(ownRun.path("result").path("bar_count").asInt()).isEqualTo(2);
    assertThat(sharedResult.path("dataset").asString()).isEqualTo("shared");
    assertThat(sharedResult.path("result").path("bar_count").asInt()).isGreaterThan(200);
    assertThat(mallory.get(RunClient.PATH + "?symbol=AAPL").json().path("items").valueStream())
        .extracting(r -> r.path("dataset").asString())
        .containsExactlyInAnyOrder("own", "shared");

    // Someone without an upload asking for their own gets a field error, not the shared series.
    Map<String, Object> nothing = new LinkedHashMap<>(RunClient.request(strategy));
    nothing.put("dataset", "own");
    nothing.put("strategy_id", alice.strategy("sma cross", RunClient.SMA_CROSS));
    Response refused = alice.start(nothing);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorMessages("symbol")).singleElement().asString().contains("no upload");
    nothing.put("dataset", "mine");
    assertThat(alice.start(nothing).errorFields()).contains("dataset");
  }

  @Test
  void anAdministratorUploadsIntoTheSharedSeriesThatEveryoneReads() {
    Response registered =
        api.post(
            "/api/v1/auth/register",
            Map.of("email", ADMIN + "@example.com", "username", ADMIN, "password", "s3cret-pass"));
    Response session =
        registered.status() == 201
            ? registered
            : api.post("/api/v1/auth/login", Map.of("login", ADMIN, "password", "s3cret-pass"));
    assertThat(session.status()).as(session.toString()).isIn(200, 201);
    String admin = "Bearer " + session.json().path("access_token").asString();
    assertThat(api.get("/api/v1/auth/me", "Authorization", admin).json().path("admin").asBoolean())
        .isTrue();
    assertThat(alice.get("/api/v1/auth/me").json().path("admin").asBoolean()).isFalse();

    String ticker = "SHR" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    Response upload =
        Multipart.upload(
            port,
            json,
            admin,
            "bars.csv",
            RunClient.dailyCsv(10, 11, 12),
            Map.of("symbol", ticker, "interval", "1d", "dataset", "shared"));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    assertThat(upload.json().path("dataset").asString()).isEqualTo("shared");

    JsonNode read = alice.get("/api/v1/data/historical?symbol=" + ticker).json();
    assertThat(read.path("dataset").asString()).isEqualTo("shared");
    assertThat(read.path("bars")).hasSize(3);
  }

  @Test
  void aRerunReproducesEveryNumberAndSaysWhenTheBarsChangedSince() {
    String ticker = alice.uploadDaily(RunClient.dailyCsv(10, 11, 12, 11, 10, 12, 14, 13, 15, 16));
    String strategy =
        alice.strategy(
            "above sma",
            """
            param n = 2 in 1..5
            long_entry = close > sma(close, n)
            long_exit = close < sma(close, n)
            """);
    Map<String, Object> request = new LinkedHashMap<>(RunClient.request(strategy));
    request.put("symbol", ticker);
    request.put("start_date", "2024-01-01");
    request.put("end_date", "2024-01-10");
    String original = alice.started(request);
    JsonNode first = awaitCompleted(alice, original);
    assertThat(first.path("dataset").asString()).isEqualTo("own");
    assertThat(first.path("data_fingerprint").asString()).matches("[0-9a-f]{64}");
    assertThat(first.path("data_changed").asBoolean()).isFalse();
    assertThat(first.path("rerun_of").isNull()).isTrue();

    JsonNode repeated = awaitCompleted(alice, rerun(alice, original));
    assertThat(repeated.path("rerun_of").asString()).isEqualTo(original);
    assertThat(repeated.path("same_data_as_original").asBoolean()).isTrue();
    assertThat(repeated.path("data_fingerprint")).isEqualTo(first.path("data_fingerprint"));
    assertThat(repeated.path("result")).isEqualTo(first.path("result"));
    assertThat(repeated.path("settings")).isEqualTo(first.path("settings"));
    assertThat(repeated.path("parameters")).isEqualTo(first.path("parameters"));

    // The same bar uploaded again is a write to the series but no change of its bars.
    Response same =
        Multipart.upload(
            port,
            json,
            alice.auth[1],
            "same.csv",
            "date,open,high,low,close,volume\n2024-01-05,11,12,9,10,1000\n",
            Map.of("symbol", ticker, "interval", "1d"));
    assertThat(same.status()).as(same.toString()).isEqualTo(201);
    assertThat(alice.get(original).json().path("data_changed").asBoolean()).isFalse();

    // The uploader changes one close of their own series: the run says so, and a rerun too.
    Response changed =
        Multipart.upload(
            port,
            json,
            alice.auth[1],
            "fix.csv",
            "date,open,high,low,close,volume\n2024-01-05,11,12,9,9.5,1000\n",
            Map.of("symbol", ticker, "interval", "1d"));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(201);
    assertThat(alice.get(original).json().path("data_changed").asBoolean()).isTrue();
    JsonNode again = awaitCompleted(alice, rerun(alice, original));
    assertThat(again.path("same_data_as_original").asBoolean()).isFalse();
    assertThat(again.path("data_changed").asBoolean()).isFalse();

    // Someone else's run is not theirs to repeat.
    assertThat(
            mallory
                .api
                .post(RunClient.PATH + "/" + original + "/rerun", Map.of(), mallory.auth)
                .status())
        .isEqualTo(404);
  }

  private String rerun(RunClient user, String id) {
    Response accepted = user.api.post(RunClient.PATH + "/" + id + "/rerun", Map.of(), user.auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    assertThat(accepted.header("Location"))
        .isEqualTo(RunClient.PATH + "/" + accepted.json().path("id").asString());
    return accepted.json().path("id").asString();
  }

  private Response upload(RunClient user, String ticker, Map<String, String> extra) {
    Map<String, String> fields = new LinkedHashMap<>(Map.of("symbol", ticker, "interval", "1d"));
    fields.putAll(extra);
    return Multipart.upload(port, json, user.auth[1], "aapl.csv", POISON, fields);
  }

  private JsonNode awaitCompleted(RunClient user, String id) {
    JsonNode status = user.awaitFinal(id);
    assertThat(status.path("status").asString()).as(status.toString()).isEqualTo("completed");
    return user.get(id).json();
  }

  private String startOptimisation(RunClient user, String strategy) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("backtest", RunClient.request(strategy));
    request.put(
        "ranges",
        Map.of(
            "fast", Map.of("from", 5, "to", 10, "step", 5),
            "slow", Map.of("from", 30, "to", 30, "step", 5)));
    request.put("objective", "total_return");
    Response accepted = user.api.post(OPTIMIZE, request, user.auth);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    return accepted.json().path("id").asString();
  }
}
