package com.tradingbacktest.app.marketdata;

import static com.tradingbacktest.app.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A fetch import end to end: the API starts it, the background run pages through a local stand-in
 * for Binance's kline API, stores the bars, and a second request fetches only what is missing. A
 * stand-in for Yahoo's chart API shows a new symbol learning its details from the exchange.
 */
class FetchImportIntegrationTests extends IntegrationTest {

  private static final long HOUR = 3_600_000L;
  private static final MockWebServer BINANCE = startBinance();
  private static final long ROUNDED_BAR = 1_704_067_200_000L + 5 * HOUR;
  private static final List<String> REQUESTED_STARTS = new CopyOnWriteArrayList<>();

  /** Tickers the Yahoo stand-in answers with SPY's recorded chart; it does not know any other. */
  private static final List<String> ETF_TICKERS = List.of("ARCA-NEW", "ARCA-GIVEN", "ARCA-STORED");

  private static final MockWebServer YAHOO = startYahoo();

  @DynamicPropertySource
  static void pointAtTheStandIn(DynamicPropertyRegistry registry) {
    registry.add("tb.fetch.binance-url", () -> BINANCE.url("/").toString());
    registry.add("tb.fetch.binance-requests-per-second", () -> "1000");
    // Nothing listens on port 1, and the Yahoo stand-in knows none of the sample tickers: the
    // online
    // seeding below meets a machine without network.
    registry.add("tb.fetch.upbit-url", () -> "http://localhost:1/");
    registry.add("tb.fetch.yahoo-url", () -> YAHOO.url("/").toString());
    registry.add("tb.fetch.yahoo-requests-per-second", () -> "1000");
  }

  @AfterAll
  static void stop() throws IOException {
    BINANCE.close();
    YAHOO.close();
  }

  @Test
  void fetchesInTheBackgroundAndThenOnlyWhatIsMissing() throws Exception {
    String auth = bearer(api.registerUser("fetch"));

    Response started = start(auth, binance("1h", "2024-01-03T00:00:00Z"), "TESTUSDT", null);

    assertThat(started.header("Location")).startsWith("/api/v1/data/imports/");
    assertThat(started.json().path("status").asString())
        .as("queued, not started")
        .isEqualTo("pending");
    JsonNode done = waitFor(started.header("Location"), auth);
    assertThat(done.path("status").asString()).isEqualTo("completed");
    assertThat(done.path("rows_inserted").asInt()).isEqualTo(48);
    assertThat(done.path("progress").asInt()).isEqualTo(100);
    JsonNode symbol = api.get("/api/v1/data/symbols/TESTUSDT", "Authorization", auth).json();
    assertThat(symbol.path("market").asString()).isEqualTo("BINANCE");
    assertThat(symbol.path("currency").asString()).isEqualTo("USDT");
    assertThat(symbol.path("intervals").get(0).path("bar_count").asLong()).isEqualTo(48);
    JsonNode rounded =
        api.get(
                "/api/v1/data/historical?symbol=TESTUSDT&interval=1h&start=2024-01-01T05:00:00Z"
                    + "&end=2024-01-01T06:00:00Z",
                "Authorization",
                auth)
            .json()
            .path("bars")
            .get(0);
    assertThat(rounded.path("high").asDouble())
        .as("the bar's range covers its close")
        .isEqualTo(rounded.path("close").asDouble())
        .isEqualTo(100 + (ROUNDED_BAR / HOUR) % 50 + 3);

    REQUESTED_STARTS.clear();
    Response extended = start(auth, binance("1h", "2024-01-04T00:00:00Z"), "TESTUSDT", null);
    JsonNode second = waitFor(extended.header("Location"), auth);

    assertThat(second.path("rows_inserted").asInt()).isEqualTo(24);
    // Only the missing day was asked for: it starts right after the last stored bar.
    assertThat(REQUESTED_STARTS).containsExactly(Long.toString(1_704_067_200_000L + 48 * HOUR));
  }

  @Test
  void reportsAFailedFetchWithTheExchangesReason() throws Exception {
    String auth = bearer(api.registerUser("fetchfail"));

    Response started =
        start(
            auth,
            Map.of(
                "source", "binance", "interval", "1d", "start", "2024-01-01", "end", "2024-02-01"),
            "NOPEUSDT",
            null);
    JsonNode done = waitFor(started.header("Location"), auth);

    assertThat(done.path("status").asString()).isEqualTo("failed");
    assertThat(done.path("error").asString()).containsIgnoringCase("symbol");
  }

  @Test
  void onlineSeedingOfflineFailsQuietlyInTheImportLog(
      @org.springframework.beans.factory.annotation.Autowired SampleDataSeeder seeder,
      @org.springframework.beans.factory.annotation.Autowired
          org.springframework.jdbc.core.simple.JdbcClient jdbc)
      throws Exception {
    seeder.seedOnline();

    String sql =
        "select count(*) from data_imports where kind = 'seed' and source in ('upbit', 'yahoo')"
            + " and status = 'failed' and error is not null";
    long failed = 0;
    int queued =
        1
            + SampleDataSeeder.ONLINE_PORTFOLIO_TICKERS.size()
            + SampleDataSeeder.ONLINE_INDEX_TICKERS.size();
    for (int i = 0; i < 400 && failed < queued; i++) {
      Thread.sleep(100);
      failed = jdbc.sql(sql).query(Long.class).single();
    }
    assertThat(failed).isEqualTo(queued);
    assertThat(api.get("/actuator/health").body()).contains("\"status\":\"UP\"");
  }

  @Test
  void aNewSymbolLearnsItsNameMarketAndZoneFromTheExchange(
      @org.springframework.beans.factory.annotation.Autowired
          org.springframework.jdbc.core.simple.JdbcClient jdbc)
      throws Exception {
    String auth = bearer(api.registerUser("fetchmeta"));
    Map<String, String> fetch =
        Map.of("source", "yahoo", "interval", "1d", "start", "2024-01-02", "end", "2024-01-04");

    JsonNode learned = fetchedSymbol(auth, fetch, "ARCA-NEW", null);
    JsonNode given = fetchedSymbol(auth, fetch, "ARCA-GIVEN", "NASDAQ");
    waitFor(start(auth, fetch, "ARCA-STORED", null).header("Location"), auth);
    // Stored bars were read in the symbol's zone: a later fetch must not move it under them.
    jdbc.sql(
            "update symbols set name = 'Kept', market = 'CUSTOM', time_zone = 'UTC' where symbol = 'ARCA-STORED'")
        .update();
    JsonNode stored =
        fetchedSymbol(
            auth,
            Map.of("source", "yahoo", "interval", "1d", "start", "2024-01-02", "end", "2024-01-05"),
            "ARCA-STORED",
            null);

    assertThat(learned.path("name").asString()).isEqualTo("SPDR S&P 500 ETF Trust");
    assertThat(learned.path("market").asString())
        .as("NYSE Arca, not the NASDAQ guessed from a US ticker")
        .isEqualTo("NYSE");
    assertThat(learned.path("asset_class").asString()).isEqualTo("etf");
    assertThat(learned.path("time_zone").asString()).isEqualTo("America/New_York");
    assertThat(learned.path("intervals").get(0).path("bar_count").asLong()).isEqualTo(2);
    assertThat(given.path("market").asString()).as("the market the user named").isEqualTo("NASDAQ");
    assertThat(given.path("asset_class").asString()).isEqualTo("etf");
    assertThat(
            List.of(
                stored.path("name").asString(),
                stored.path("market").asString(),
                stored.path("time_zone").asString()))
        .containsExactly("Kept", "CUSTOM", "UTC");
    assertThat(stored.path("intervals").get(0).path("bar_count").asLong()).isEqualTo(3);
  }

  /** A Binance fetch of this interval from 2024-01-01 to {@code end}. */
  private static Map<String, String> binance(String interval, String end) {
    return Map.of(
        "source", "binance", "interval", interval, "start", "2024-01-01T00:00:00Z", "end", end);
  }

  /** Starts a fetch of the symbol, which must be queued (202). */
  private Response start(String auth, Map<String, String> fetch, String symbol, String market) {
    Map<String, String> body = new java.util.HashMap<>(fetch);
    body.put("symbol", symbol);
    if (market != null) {
      body.put("market", market);
    }
    Response started = api.post("/api/v1/data/import", body, "Authorization", auth);
    assertThat(started.status()).isEqualTo(202);
    return started;
  }

  private JsonNode fetchedSymbol(
      String auth, Map<String, String> fetch, String symbol, String market)
      throws InterruptedException {
    JsonNode done = waitFor(start(auth, fetch, symbol, market).header("Location"), auth);
    assertThat(done.path("status").asString()).isEqualTo("completed");
    return api.get("/api/v1/data/symbols/" + symbol, "Authorization", auth).json();
  }

  @Test
  void aQueuedFetchRunsOnceItIsClaimedAndNotAfterItEnded(
      @org.springframework.beans.factory.annotation.Autowired ImportLog importLog,
      @org.springframework.beans.factory.annotation.Autowired ImportService imports) {
    java.time.Instant from = java.time.Instant.parse("2024-01-01T00:00:00Z");
    java.util.UUID id =
        importLog.queue(null, "fetch", "binance", "TESTUSDT", "1d", from, from.plusSeconds(86_400));

    assertThat(importLog.claim(id))
        .get()
        .extracting(ImportLog.Claimed::symbol)
        .isEqualTo("TESTUSDT");
    // A worker that died leaves the import running: the rerun claims it again.
    assertThat(importLog.claim(id)).isPresent();
    importLog.finish(id, "failed", 0, 0, 0, 0, List.of(), "stopped by hand");
    assertThat(importLog.claim(id)).isEmpty();

    REQUESTED_STARTS.clear();
    imports.runQueuedFetch(id, false);
    assertThat(REQUESTED_STARTS).as("an ended import is not fetched again").isEmpty();
  }

  @Test
  void validatesTheFetchRequest() {
    String auth = bearer(api.registerUser("fetchbad"));

    Response badSource =
        api.post(
            "/api/v1/data/import",
            Map.of("source", "kraken", "symbol", "X", "interval", "1d", "start", "2024-01-01"),
            "Authorization",
            auth);
    Response badRange =
        api.post(
            "/api/v1/data/import",
            Map.of(
                "source",
                "binance",
                "symbol",
                "X",
                "interval",
                "1d",
                "start",
                "2024-02-01",
                "end",
                "2024-01-01"),
            "Authorization",
            auth);

    assertThat(badSource.status()).isEqualTo(422);
    assertThat(badSource.body()).contains("upbit, binance or yahoo");
    assertThat(badRange.status()).isEqualTo(422);
  }

  /** Waits for a queued fetch to end; a worker polls the queue every 5 s. */
  private JsonNode waitFor(String location, String auth) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      JsonNode view = api.get(location, "Authorization", auth).json();
      if (!List.of("pending", "running").contains(view.path("status").asString())) {
        return view;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the import did not finish");
  }

  /**
   * Answers the chart of {@link #ETF_TICKERS} with SPY's recorded one; any other ticker is not
   * found.
   */
  private static MockWebServer startYahoo() {
    return started(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String ticker =
                request
                    .getUrl()
                    .encodedPath()
                    .substring(request.getUrl().encodedPath().lastIndexOf('/') + 1);
            if (!ETF_TICKERS.contains(ticker)) {
              return json(
                  404,
                  "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Not Found\",\"description\":"
                      + "\"No data found, symbol may be delisted\"}}}");
            }
            try (var in =
                FetchImportIntegrationTests.class.getResourceAsStream(
                    "/marketdata/fetch/yahoo/chart-SPY-1d.json")) {
              return json(
                  200, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        });
  }

  /**
   * Serves hourly and daily klines for TESTUSDT between startTime and endTime; 400 for other
   * symbols.
   */
  private static MockWebServer startBinance() {
    return started(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (!"TESTUSDT".equals(request.getUrl().queryParameter("symbol"))) {
              return new MockResponse.Builder()
                  .code(400)
                  .body("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")
                  .build();
            }
            long start = Long.parseLong(request.getUrl().queryParameter("startTime"));
            long end = Long.parseLong(request.getUrl().queryParameter("endTime"));
            int limit = Integer.parseInt(request.getUrl().queryParameter("limit"));
            long step = "1d".equals(request.getUrl().queryParameter("interval")) ? 24 * HOUR : HOUR;
            REQUESTED_STARTS.add(Long.toString(start));
            StringBuilder body = new StringBuilder("[");
            long t = (start + step - 1) / step * step;
            for (int n = 0; t <= end && n < limit; t += step, n++) {
              double price = 100 + (t / HOUR) % 50;
              if (n > 0) {
                body.append(',');
              }
              // At 05:00 the close is a tick above the high, as exchanges round now and then.
              double close = t == ROUNDED_BAR ? price + 3 : price + 1;
              body.append("[")
                  .append(t)
                  .append(",\"")
                  .append(price)
                  .append("\",\"")
                  .append(price + 2)
                  .append("\",\"")
                  .append(price - 1)
                  .append("\",\"")
                  .append(close)
                  .append("\",\"10.5\",")
                  .append(t + step - 1)
                  .append(",\"1000\",5,\"5\",\"500\",\"0\"]");
            }
            return json(200, body.append("]").toString());
          }
        });
  }

  private static MockWebServer started(Dispatcher dispatcher) {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(dispatcher);
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return server;
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}
