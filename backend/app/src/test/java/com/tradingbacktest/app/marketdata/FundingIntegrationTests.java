package com.tradingbacktest.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.backtest.run.RunClient;
import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.app.support.Multipart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Funding-rate series end to end on the real database: CSV imports into your own series with
 * line-numbered errors, the shared series only for administrators, reads that never reach another
 * user's upload, and a fetch of Binance's funding history from a local stand-in answering in its
 * documented format.
 */
class FundingIntegrationTests extends IntegrationTest {

  private static final long HOUR = 3_600_000L;
  private static final long JAN_1 = 1_704_067_200_000L;
  private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
  private static final MockWebServer FUTURES = startFutures();

  @DynamicPropertySource
  static void pointAtTheStandIn(DynamicPropertyRegistry registry) {
    registry.add("tb.fetch.binance-futures-url", () -> FUTURES.url("/").toString());
    registry.add("tb.fetch.binance-requests-per-second", () -> "1000");
  }

  @AfterAll
  static void stop() {
    FUTURES.close();
  }

  RunClient alice;
  RunClient mallory;

  @BeforeEach
  void users() {
    api.registerUser("first");
    alice = new RunClient(api, port, json, "alice");
    mallory = new RunClient(api, port, json, "mallory");
  }

  @Test
  void aFundingCsvGoesToYourOwnSeriesAndNobodyElseReadsIt() {
    String ticker = alice.uploadDaily(RunClient.dailyCsv(10, 11, 12));

    Response imported =
        importCsv(
            alice,
            ticker,
            "time,rate\n2024-01-01T00:00:00Z,0.0001\n1704096000000,-0.0002\n2024-01-01 16:00,0.0003\n",
            Map.of());

    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    JsonNode series = imported.json();
    assertThat(series.path("dataset").asString()).isEqualTo("own");
    assertThat(series.path("perpetual").asBoolean()).isTrue();
    assertThat(series.path("count").asLong()).isEqualTo(3);
    JsonNode read = alice.get("/api/v1/data/funding/" + ticker).json();
    assertThat(read.path("rates").valueStream())
        .extracting(r -> r.path("time").asString() + " " + r.path("rate").asDouble())
        .containsExactly(
            "2024-01-01T00:00:00Z 1.0E-4",
            "2024-01-01T08:00:00Z -2.0E-4",
            "2024-01-01T16:00:00Z 3.0E-4");
    JsonNode page = alice.get("/api/v1/data/funding/" + ticker + "?limit=2").json();
    assertThat(page.path("rates")).hasSize(2);
    assertThat(page.path("next_start").asString()).isEqualTo("2024-01-01T16:00:00Z");

    // Importing again replaces the rate at a time already stored.
    assertThat(importCsv(alice, ticker, "2024-01-01T00:00:00Z,0.0005\n", Map.of()).status())
        .isEqualTo(201);
    assertThat(
            alice
                .get("/api/v1/data/funding/" + ticker + "?end=2024-01-01T01:00:00Z")
                .json()
                .path("rates")
                .get(0)
                .path("rate")
                .asDouble())
        .isEqualTo(0.0005);

    assertThat(mallory.get("/api/v1/data/funding/" + ticker).status()).isEqualTo(404);
    String key = SeriesKeys.own(UUID.fromString(alice.userId()), ticker);
    assertThat(mallory.get("/api/v1/data/funding/" + key).status()).isEqualTo(404);
    Response intruder = importCsv(mallory, ticker, "2024-01-01T00:00:00Z,0.5\n", Map.of());
    assertThat(intruder.status()).isEqualTo(422);
    assertThat(intruder.errorMessages("symbol")).singleElement().asString().contains("no upload");
    Response shared =
        importCsv(alice, ticker, "2024-01-01T00:00:00Z,0.1\n", Map.of("dataset", "shared"));
    assertThat(shared.status()).isEqualTo(403);
  }

  @Test
  void aFileWithMoreRatesThanTheLimitIsRefusedAtTheFirstOneTooManyAndNothingIsStored() {
    String ticker = alice.uploadDaily(RunClient.dailyCsv(10, 11, 12));
    StringBuilder csv = new StringBuilder("time,rate\n");
    java.time.Instant start = java.time.Instant.parse("2000-01-01T00:00:00Z");
    for (int i = 0; i <= FundingCsv.MAX_ROWS; i++) {
      csv.append(start.plusSeconds(3_600L * i)).append(",0.0001\n");
    }

    Response rejected = importCsv(alice, ticker, csv.toString(), Map.of());

    assertThat(rejected.status()).as(rejected.toString()).isEqualTo(422);
    assertThat(rejected.json().path("bad_rows").valueStream())
        .extracting(r -> r.path("line").asInt() + ": " + r.path("reason").asString())
        .containsExactly(
            (FundingCsv.MAX_ROWS + 2)
                + ": more than "
                + FundingCsv.MAX_ROWS
                + " rates in one file");
    assertThat(alice.get("/api/v1/data/funding/" + ticker).json().path("count").asLong()).isZero();
  }

  @Test
  void everyBadLineIsListedWithItsNumberAndNothingIsStored() {
    String ticker = alice.uploadDaily(RunClient.dailyCsv(10, 11, 12));

    Response rejected =
        importCsv(
            alice,
            ticker,
            """
            time,rate
            2024-01-01T00:00:00Z,0.0001
            yesterday,0.1
            2024-01-02,1.5
            2024-01-01T00:00:00Z,0.0002
            2024-01-03
            """,
            Map.of());

    assertThat(rejected.status()).as(rejected.toString()).isEqualTo(422);
    assertThat(rejected.problemType()).endsWith("/import-rejected");
    assertThat(rejected.json().path("bad_row_count").asInt()).isEqualTo(4);
    assertThat(rejected.json().path("bad_rows").valueStream())
        .extracting(r -> r.path("line").asInt() + ": " + r.path("reason").asString())
        .containsExactly(
            "3: time 'yesterday' is not an ISO date, date-time, instant or epoch milliseconds",
            "4: rate '1.5' is not a number between -1 and 1",
            "5: a second rate for 2024-01-01T00:00:00Z",
            "6: expected time,rate");
    JsonNode read = alice.get("/api/v1/data/funding/" + ticker).json();
    assertThat(read.path("count").asLong()).isZero();
    assertThat(read.path("perpetual").asBoolean()).isFalse();
    assertThat(importCsv(alice, ticker, "time,rate\n", Map.of()).status()).isEqualTo(422);
  }

  @Test
  void aFetchPagesThroughBinancesFundingHistoryIntoTheSharedSeries() {
    String admin = adminBearer();
    String ticker = "F" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    Response bars =
        Multipart.upload(
            port,
            json,
            admin,
            "bars.csv",
            RunClient.dailyCsv(10, 11, 12),
            Map.of(
                "symbol",
                ticker,
                "interval",
                "1d",
                "dataset",
                "shared",
                "time_zone",
                "UTC",
                "asset_class",
                "crypto",
                "market",
                "BINANCE"));
    assertThat(bars.status()).as(bars.toString()).isEqualTo(201);
    REQUESTS.clear();

    Response fetched =
        alice.api.post(
            "/api/v1/data/funding/fetch",
            Map.of("symbol", ticker, "start", "2024-01-01", "end", "2024-01-11"),
            alice.auth);

    assertThat(fetched.status()).as(fetched.toString()).isEqualTo(200);
    assertThat(fetched.json().path("dataset").asString()).isEqualTo("shared");
    assertThat(fetched.json().path("count").asLong())
        .as("10 days of 8-hourly funding")
        .isEqualTo(30);
    assertThat(fetched.json().path("first").asString()).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(fetched.json().path("last").asString()).isEqualTo("2024-01-10T16:00:00Z");
    assertThat(REQUESTS).as("pages of at most 1000: one").hasSize(1);
    assertThat(REQUESTS.get(0)).contains("symbol=" + ticker).contains("limit=1000");
    assertThat(mallory.get("/api/v1/data/funding/" + ticker).json().path("count").asLong())
        .as("the shared series is everyone's")
        .isEqualTo(30);

    Response unknown =
        alice.api.post(
            "/api/v1/data/funding/fetch",
            Map.of("symbol", "NOSUCH", "start", "2024-01-01"),
            alice.auth);
    assertThat(unknown.status()).isEqualTo(422);
    Response tooLong =
        alice.api.post(
            "/api/v1/data/funding/fetch",
            Map.of("symbol", ticker, "start", "2000-01-01", "end", "2024-01-01"),
            alice.auth);
    assertThat(tooLong.errorFields()).containsExactly("end");
  }

  private Response importCsv(RunClient user, String ticker, String csv, Map<String, String> more) {
    Map<String, String> fields = new java.util.HashMap<>(more);
    fields.put("symbol", ticker);
    return Multipart.uploadTo(
        port,
        "/api/v1/data/funding/import",
        json,
        user.auth[1],
        "funding.csv",
        csv.getBytes(StandardCharsets.UTF_8),
        fields);
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

  /** Binance's futures API as documented: 8-hourly funding, oldest first, at most limit. */
  private static MockWebServer startFutures() {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            REQUESTS.add(String.valueOf(request.getUrl()));
            String symbol = request.getUrl().queryParameter("symbol");
            if (!"/fapi/v1/fundingRate".equals(request.getUrl().encodedPath())
                || symbol == null
                || !symbol.startsWith("F")) {
              return new MockResponse.Builder()
                  .code(400)
                  .body("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")
                  .build();
            }
            long start = Long.parseLong(request.getUrl().queryParameter("startTime"));
            long end = Long.parseLong(request.getUrl().queryParameter("endTime"));
            int limit = Integer.parseInt(request.getUrl().queryParameter("limit"));
            StringBuilder body = new StringBuilder("[");
            long step = 8 * HOUR;
            long t = JAN_1 + Math.max(0, (start - JAN_1 + step - 1) / step) * step;
            for (int n = 0; t <= end && n < limit; t += step, n++) {
              body.append(n == 0 ? "" : ",")
                  .append("{\"symbol\":\"")
                  .append(symbol)
                  .append("\",\"fundingTime\":")
                  .append(t)
                  .append(",\"fundingRate\":\"0.00010000\",\"markPrice\":\"42000.1\"}");
            }
            return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(body.append("]").toString())
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
}
