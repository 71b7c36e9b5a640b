package com.tradingbacktest.app.marketdata;

import static com.tradingbacktest.app.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.app.support.Multipart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Corporate actions end to end on the real database: Yahoo's split and dividend events stored as
 * actions of the fetched series (a stand-in serving recorded answers of Apple around its 4:1 split
 * of 2020-08-31), the stored bars rebased when a fetch brings a split they do not reflect yet, an
 * index fetched like any symbol, and the actions CSV import with its limits and owners.
 */
class CorporateActionsIntegrationTests extends IntegrationTest {

  /** How many charts each ticker was asked for: Apple's first answer is before its split. */
  private static final Map<String, AtomicInteger> ASKED = new ConcurrentHashMap<>();

  private static final MockWebServer YAHOO = startYahoo();

  @DynamicPropertySource
  static void pointAtTheStandIn(DynamicPropertyRegistry registry) {
    registry.add("tb.fetch.yahoo-url", () -> YAHOO.url("/").toString());
    registry.add("tb.fetch.yahoo-requests-per-second", () -> "1000");
  }

  @AfterAll
  static void stop() {
    YAHOO.close();
  }

  @Autowired JdbcClient jdbc;

  @Test
  void aFetchThatBringsANewSplitRebasesTheStoredBarsWithIt() throws Exception {
    String auth = bearer(api.registerUser("rebase"));

    assertThat(fetch(auth, "AAPL-REBASE", "2020-08-05", "2020-08-29").path("rows_inserted").asInt())
        .isEqualTo(3);
    JsonNode before = symbol(auth, "AAPL-REBASE");
    assertThat(before.path("intervals").get(0).path("price_basis").asString())
        .isEqualTo("split_adjusted");
    assertThat(actions(auth, "AAPL-REBASE")).containsExactly("2020-08-07 dividend 0.82 yahoo");
    // The first fetch happened on 2020-08-29, before the split: its prices do not reflect it.
    jdbc.sql(
            "update market_data_ranges set adjusted_at = '2020-08-29T12:00:00Z'"
                + " where symbol = 'AAPL-REBASE'")
        .update();

    JsonNode second = fetch(auth, "AAPL-REBASE", "2020-08-05", "2020-09-03");

    assertThat(second.path("rows_inserted").asInt()).as(second.toString()).isEqualTo(3);
    assertThat(second.path("rows_updated").asInt())
        .as("the three stored bars rebased")
        .isEqualTo(3);
    assertThat(closesAndVolumes(auth, "AAPL-REBASE"))
        .containsExactly(
            "113.9025 167900400",
            "111.1125 198045600",
            "124.8075 187630000",
            "129.04 225702700",
            "134.18 151948100",
            "131.4 200119000");
    assertThat(actions(auth, "AAPL-REBASE"))
        .as("the dividend stays in raw terms: per share as traded on its ex-date")
        .containsExactly("2020-08-07 dividend 0.82 yahoo", "2020-08-31 split 4.0 yahoo");

    // Fetching again finds nothing missing, and the split, now reflected, is not applied twice.
    fetch(auth, "AAPL-REBASE", "2020-08-05", "2020-09-03");
    assertThat(closesAndVolumes(auth, "AAPL-REBASE").get(0)).isEqualTo("113.9025 167900400");
  }

  @Test
  void aDividendYahooStatesAfterASplitIsStoredInRawTerms() throws Exception {
    String auth = bearer(api.registerUser("across"));

    fetch(auth, "AAPL-ACROSS", "2020-08-05", "2020-09-02");

    assertThat(actions(auth, "AAPL-ACROSS"))
        .as("0.205 a share of today is 0.82 a share as traded before the 4:1 split")
        .containsExactly("2020-08-07 dividend 0.82 yahoo", "2020-08-31 split 4.0 yahoo");
    assertThat(closesAndVolumes(auth, "AAPL-ACROSS").get(0)).isEqualTo("113.9025 167900400");
  }

  @Test
  void anIndexIsFetchedLikeAnySymbolWithItsKoreanName() throws Exception {
    String auth = bearer(api.registerUser("index"));

    fetch(auth, "^KS11", "2024-01-02", "2024-01-05");

    JsonNode kospi = symbol(auth, "^KS11");
    assertThat(kospi.path("asset_class").asString()).isEqualTo("index");
    assertThat(kospi.path("market").asString()).isEqualTo("KRX");
    assertThat(kospi.path("currency").asString()).isEqualTo("KRW");
    assertThat(kospi.path("time_zone").asString()).isEqualTo("Asia/Seoul");
    assertThat(kospi.path("name_ko").asString()).isEqualTo("코스피");
    assertThat(kospi.path("board").isNull()).as("an index is on no board").isTrue();
    assertThat(kospi.path("intervals").get(0).path("bar_count").asLong()).isEqualTo(3);
  }

  @Test
  void aYahooFetchIntoRawBarsFailsSayingWhy() throws Exception {
    String admin = adminBearer();
    Response upload =
        Multipart.upload(
            port,
            json,
            admin,
            "bars.csv",
            "date,open,high,low,close,volume\n2020-08-03,10,11,9,10,100\n",
            Map.of("symbol", "RAW-YAHOO", "interval", "1d", "dataset", "shared"));
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);

    JsonNode failed = fetch(admin, "RAW-YAHOO", "2020-08-05", "2020-08-29");

    assertThat(failed.path("status").asString()).isEqualTo("failed");
    assertThat(failed.path("error").asString()).contains("raw prices");
    assertThat(symbol(admin, "RAW-YAHOO").path("intervals").get(0).path("bar_count").asLong())
        .isEqualTo(1);
  }

  @Test
  void anActionsCsvGoesToYourOwnSeriesOnly() {
    String admin = adminBearer();
    String alice = bearer(api.registerUser("alice"));
    String mallory = bearer(api.registerUser("mallory"));
    String ticker =
        "ACT-"
            + Long.toHexString(System.nanoTime())
                .substring(0, 6)
                .toUpperCase(java.util.Locale.ROOT);
    uploadBars(admin, ticker, "shared");
    uploadBars(alice, ticker, null);

    Response imported =
        importActions(
            alice,
            ticker,
            """
            date,type,value,end_date
            2024-01-03,split,2:1,
            2024-01-04,dividend,0.5,
            2024-01-05,halt,,2024-01-08
            """,
            Map.of());

    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(imported.json().path("imported").asInt()).isEqualTo(3);
    assertThat(imported.json().path("dataset").asString()).isEqualTo("own");
    assertThat(actions(alice, ticker))
        .containsExactly(
            "2024-01-03 split 2.0 csv",
            "2024-01-04 dividend 0.5 csv",
            "2024-01-05 halt 2024-01-08 csv");
    assertThat(actions(admin, ticker)).as("the shared series is untouched").isEmpty();
    assertThat(actions(mallory, ticker)).as("mallory reads the shared series").isEmpty();
    assertThat(
            api.get(
                    "/api/v1/data/symbols/" + ticker + "/actions?dataset=own",
                    "Authorization",
                    mallory)
                .status())
        .isEqualTo(404);
    Response forbidden =
        importActions(mallory, ticker, "2024-01-03,split,2\n", Map.of("dataset", "shared"));
    assertThat(forbidden.status()).isEqualTo(403);
    Response noUpload = importActions(mallory, ticker, "2024-01-03,split,2\n", Map.of());
    assertThat(noUpload.status()).isEqualTo(422);
    assertThat(noUpload.errorFields()).containsExactly("symbol");
    Response shared =
        importActions(admin, ticker, "2024-01-02,dividend,1.25\n", Map.of("dataset", "shared"));
    assertThat(shared.status()).isEqualTo(201);
    assertThat(actions(mallory, ticker)).containsExactly("2024-01-02 dividend 1.25 csv");
  }

  @Test
  void aBadLineRejectsTheWholeFileNamingTheLine() {
    String alice = bearer(api.registerUser("badline"));
    String ticker =
        "BAD-"
            + Long.toHexString(System.nanoTime())
                .substring(0, 6)
                .toUpperCase(java.util.Locale.ROOT);
    uploadBars(alice, ticker, null);

    Response rejected =
        importActions(
            alice, ticker, "date,type,value\n2024-01-03,split,2\n2024-01-04,bonus,3\n", Map.of());

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.problemType()).endsWith("/import-rejected");
    assertThat(rejected.json().path("detail").asString()).contains("line 3").contains("bonus");
    assertThat(actions(alice, ticker)).as("nothing stored").isEmpty();
  }

  @Test
  void anActionsFileIsBoundedInBytesAndLines() {
    String alice = bearer(api.registerUser("bounded"));
    String ticker =
        "BIG-"
            + Long.toHexString(System.nanoTime())
                .substring(0, 6)
                .toUpperCase(java.util.Locale.ROOT);
    uploadBars(alice, ticker, null);
    StringBuilder many = new StringBuilder();
    java.time.LocalDate day = java.time.LocalDate.of(1900, 1, 1);
    for (int i = 0; i <= CorporateActionsService.MAX_ROWS; i++) {
      many.append(day.plusDays(i)).append(",dividend,1\n");
    }
    byte[] huge = new byte[(int) CorporateActionsService.MAX_FILE_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) 'a');

    Response tooMany = importActions(alice, ticker, many.toString(), Map.of());
    Response tooBig =
        Multipart.uploadTo(
            port,
            "/api/v1/data/actions/import",
            json,
            alice,
            "a.csv",
            huge,
            Map.of("symbol", ticker));

    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.json().path("detail").asString()).contains("at most 20000 actions");
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(actions(alice, ticker)).isEmpty();
  }

  @Test
  void searchFindsAKrxSymbolByItsKoreanNameAndOnlyAdministratorsRenameIt() {
    String admin = adminBearer();
    String alice = bearer(api.registerUser("korean"));
    Response upload =
        Multipart.upload(
            port,
            json,
            admin,
            "bars.csv",
            "date,open,high,low,close,volume\n2024-01-02,78200,79800,78200,79600,100\n",
            Map.of(
                "symbol", "005930.KS",
                "interval", "1d",
                "dataset", "shared",
                "market", "KRX",
                "currency", "KRW",
                "time_zone", "Asia/Seoul",
                "tick_size", "1"));
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);

    JsonNode found =
        api.get("/api/v1/data/symbols?query=" + encode("삼성전자"), "Authorization", alice).json();

    assertThat(found.valueStream().map(s -> s.path("symbol").asString()).toList())
        .containsExactly("005930.KS");
    assertThat(found.get(0).path("name_ko").asString()).isEqualTo("삼성전자");
    assertThat(found.get(0).path("board").asString()).isEqualTo("kospi");
    assertThat(found.get(0).path("intervals").get(0).path("price_basis").asString())
        .isEqualTo("raw");

    Response denied =
        api.patch(
            "/api/v1/data/symbols/005930.KS", Map.of("name_ko", "가짜"), "Authorization", alice);
    Response badBoard =
        api.patch(
            "/api/v1/data/symbols/005930.KS", Map.of("board", "nasdaq"), "Authorization", admin);
    Response renamed =
        api.patch(
            "/api/v1/data/symbols/005930.KS",
            Map.of("name_ko", "삼성전자 보통주"),
            "Authorization",
            admin);
    Response missing =
        api.patch("/api/v1/data/symbols/NOPE.KS", Map.of("name_ko", "없음"), "Authorization", admin);

    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.problemType()).endsWith("/symbol-edit-forbidden");
    assertThat(badBoard.status()).isEqualTo(422);
    assertThat(badBoard.errorFields()).containsExactly("board");
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.json().path("name_ko").asString()).isEqualTo("삼성전자 보통주");
    assertThat(renamed.json().path("board").asString()).as("kept").isEqualTo("kospi");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(symbol(alice, "005930.KS").path("name_ko").asString()).isEqualTo("삼성전자 보통주");
  }

  @Test
  void aTwoForOneSplitInACsvWithoutActionsIsReportedAndTheImportProceeds() {
    String alice = bearer(api.registerUser("split"));
    String ticker = ticker("SPL");

    Response imported = uploadCsv(alice, ticker, SPLIT_BARS, Map.of());

    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(imported.json().path("rows_inserted").asInt()).isEqualTo(4);
    JsonNode suspects = imported.json().path("suspected_splits");
    assertThat(suspects.size()).isEqualTo(1);
    assertThat(suspects.get(0).path("date").asString()).isEqualTo("2024-01-03");
    assertThat(suspects.get(0).path("ratio").asDouble()).isEqualTo(2.0);
    // The close before over this bar's open, the gap the split made.
    assertThat(suspects.get(0).path("price_ratio").asDouble()).isEqualTo(101 / 50.0);
  }

  @Test
  void anImportAskedToRejectOnASuspectedSplitStoresNothingAndSaysWhere() {
    String alice = bearer(api.registerUser("reject"));
    String ticker = ticker("REJ");

    Response rejected =
        uploadCsv(alice, ticker, SPLIT_BARS, Map.of("reject_on_suspected_split", "true"));

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.problemType()).endsWith("/suspected-split");
    assertThat(rejected.json().path("detail").asString()).contains("2024-01-03 (2:1)");
    assertThat(rejected.json().path("suspected_splits").get(0).path("ratio").asDouble())
        .isEqualTo(2.0);
    assertThat(api.get("/api/v1/data/symbols/" + ticker, "Authorization", alice).status())
        .as("not even the symbol was created")
        .isEqualTo(404);
  }

  @Test
  void aKnownSplitExplainsTheJump() {
    String alice = bearer(api.registerUser("known"));
    String ticker = ticker("KNO");
    uploadBars(alice, ticker, null);
    assertThat(importActions(alice, ticker, "2024-01-03,split,2:1\n", Map.of()).status())
        .isEqualTo(201);

    Response imported =
        uploadCsv(alice, ticker, SPLIT_BARS, Map.of("reject_on_suspected_split", "true"));

    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(imported.json().path("suspected_splits").size()).isZero();
  }

  @Test
  void anAdjCloseColumnGivesTheDividendsAndAHaltedColumnTheHalts() {
    String alice = bearer(api.registerUser("adj"));
    String ticker = ticker("ADJ");

    Response imported =
        uploadCsv(
            alice,
            ticker,
            """
            Date,Open,High,Low,Close,Adj Close,Volume,halted
            2024-01-01,100,101,99,100,98,1000,0
            2024-01-02,100,101,99,100,98,1000,0
            2024-01-03,100,101,97,98,98,1000,0
            2024-01-04,98,98,98,98,98,0,1
            2024-01-05,98,99,97,98,98,1000,
            """,
            Map.of());

    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    JsonNode actions =
        api.get("/api/v1/data/symbols/" + ticker + "/actions", "Authorization", alice)
            .json()
            .path("actions");
    assertThat(actions.size()).isEqualTo(2);
    assertThat(actions.get(0).path("type").asString()).isEqualTo("dividend");
    assertThat(actions.get(0).path("date").asString()).isEqualTo("2024-01-03");
    assertThat(actions.get(0).path("amount").asDouble())
        .as("the adjusted close falls by 2 %% of the close before: 2 a share")
        .isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(actions.get(0).path("source").asString()).isEqualTo("adj_close");
    assertThat(actions(alice, ticker).get(1)).isEqualTo("2024-01-04 halt 2024-01-04 halted_column");
  }

  @Test
  void aCsvRecordsItsPriceBasisAndASeriesKeepsOne() {
    String alice = bearer(api.registerUser("basis"));
    String ticker = ticker("BAS");

    Response adjusted =
        uploadCsv(alice, ticker, SPLIT_BARS, Map.of("price_basis", "split_adjusted"));
    Response raw = uploadCsv(alice, ticker, SPLIT_BARS, Map.of("price_basis", "raw"));
    Response total = uploadCsv(alice, ticker, SPLIT_BARS, Map.of("price_basis", "total_return"));
    Response unknown = uploadCsv(alice, ticker, SPLIT_BARS, Map.of("price_basis", "adjusted"));

    assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(201);
    assertThat(symbol(alice, ticker).path("intervals").get(0).path("price_basis").asString())
        .isEqualTo("split_adjusted");
    assertThat(raw.status()).isEqualTo(422);
    assertThat(raw.errorMessages("price_basis").get(0)).contains("are split_adjusted");
    assertThat(total.status()).isEqualTo(422);
    assertThat(total.errorFields()).containsExactly("price_basis");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.errorFields()).containsExactly("price_basis");
  }

  /** 2-for-1 on 2024-01-03: the close halves overnight. */
  private static final String SPLIT_BARS =
      """
      date,open,high,low,close,volume
      2024-01-01,100,101,99,100,1000
      2024-01-02,100,102,99,101,1000
      2024-01-03,50,51,50,50.5,2000
      2024-01-04,50.5,52,50,51,2000
      """;

  private static String ticker(String prefix) {
    return prefix
        + "-"
        + Long.toHexString(System.nanoTime()).substring(0, 6).toUpperCase(java.util.Locale.ROOT);
  }

  private Response uploadCsv(String auth, String ticker, String csv, Map<String, String> more) {
    Map<String, String> fields = new HashMap<>(more);
    fields.put("symbol", ticker);
    fields.put("interval", "1d");
    return Multipart.upload(port, json, auth, "bars.csv", csv, fields);
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private void uploadBars(String auth, String ticker, String dataset) {
    Map<String, String> fields = new HashMap<>(Map.of("symbol", ticker, "interval", "1d"));
    if (dataset != null) {
      fields.put("dataset", dataset);
    }
    Response r =
        Multipart.upload(
            port,
            json,
            auth,
            "bars.csv",
            "date,open,high,low,close,volume\n2024-01-02,10,11,9,10,100\n2024-01-03,10,11,4,5,100\n",
            fields);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  private Response importActions(String auth, String ticker, String csv, Map<String, String> more) {
    Map<String, String> fields = new HashMap<>(more);
    fields.put("symbol", ticker);
    return Multipart.uploadTo(
        port,
        "/api/v1/data/actions/import",
        json,
        auth,
        "actions.csv",
        csv.getBytes(StandardCharsets.UTF_8),
        fields);
  }

  /** Each action as "date type value source". */
  private List<String> actions(String auth, String ticker) {
    Response r =
        api.get("/api/v1/data/symbols/" + encode(ticker) + "/actions", "Authorization", auth);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json()
        .path("actions")
        .valueStream()
        .map(
            a ->
                a.path("date").asString()
                    + " "
                    + a.path("type").asString()
                    + " "
                    + (a.path("type").asString().equals("halt")
                        ? a.path("end_date").asString()
                        : a.path("type").asString().equals("split")
                            ? a.path("ratio").asString()
                            : a.path("amount").asString())
                    + " "
                    + a.path("source").asString())
        .toList();
  }

  private JsonNode symbol(String auth, String ticker) {
    Response r = api.get("/api/v1/data/symbols/" + encode(ticker), "Authorization", auth);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private List<String> closesAndVolumes(String auth, String ticker) {
    return api.get(
            "/api/v1/data/historical?symbol=" + encode(ticker) + "&interval=1d",
            "Authorization",
            auth)
        .json()
        .path("bars")
        .valueStream()
        .map(b -> b.path("close").asString() + " " + b.path("volume").asLong())
        .toList();
  }

  /** Starts a Yahoo fetch and waits for it to end. */
  private JsonNode fetch(String auth, String ticker, String start, String end)
      throws InterruptedException {
    Response started =
        api.post(
            "/api/v1/data/import",
            Map.of(
                "source", "yahoo", "symbol", ticker, "interval", "1d", "start", start, "end", end),
            "Authorization",
            auth);
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    JsonNode status = null;
    for (int i = 0; i < 300; i++) {
      status = api.get(started.header("Location"), "Authorization", auth).json();
      String s = status.path("status").asString();
      if (s.equals("completed") || s.equals("failed")) {
        return status;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the fetch did not end: " + status);
  }

  private String adminBearer() {
    Response registered =
        api.post(
            "/api/v1/auth/register",
            Map.of("email", ADMIN + "@example.com", "username", ADMIN, "password", "s3cret-pass"));
    Response session =
        registered.status() == 201
            ? registered
            : api.post("/api/v1/auth/login", Map.of("login", ADMIN, "password", "s3cret-pass"));
    return "Bearer " + session.json().path("access_token").asString();
  }

  /**
   * Yahoo's chart API for Apple around its split (AAPL-REBASE: before the split, then after it;
   * AAPL-ACROSS: one answer across it, as fetched after it) and the KOSPI index; 404 otherwise.
   */
  private static MockWebServer startYahoo() {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            String ticker = path.substring(path.lastIndexOf('/') + 1);
            int asked = ASKED.computeIfAbsent(ticker, t -> new AtomicInteger()).getAndIncrement();
            String resource =
                switch (ticker) {
                  case "AAPL-REBASE" ->
                      asked == 0
                          ? "chart-AAPL-1d-before-split.json"
                          : "chart-AAPL-1d-after-split.json";
                  case "AAPL-ACROSS" -> "chart-AAPL-1d-across-split.json";
                  case "RAW-YAHOO" -> "chart-AAPL-1d-before-split.json";
                  case "%5EKS11" -> "chart-KS11-1d.json";
                  default -> null;
                };
            if (resource == null) {
              return new MockResponse.Builder()
                  .code(404)
                  .body(
                      "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Not Found\","
                          + "\"description\":\"No data found, symbol may be delisted\"}}}")
                  .build();
            }
            return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(read(resource))
                .build();
          }
        });
    try {
      server.start();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return server;
  }

  private static String read(String resource) {
    try (InputStream in =
        CorporateActionsIntegrationTests.class.getResourceAsStream(
            "/marketdata/fetch/yahoo/" + resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
