package com.tradingbacktest.app.marketdata.fetch;

import static com.tradingbacktest.app.marketdata.fetch.Fixtures.JSON;
import static com.tradingbacktest.app.marketdata.fetch.Fixtures.html;
import static com.tradingbacktest.app.marketdata.fetch.Fixtures.json;
import static com.tradingbacktest.app.marketdata.fetch.Fixtures.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.app.marketdata.fetch.FetchException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpbitCandleClientTests extends CandleClientTest {

  private static final Instant JAN_1 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant JAN_4 = Instant.parse("2024-01-04T00:00:00Z");

  private UpbitCandleClient client(int pageSize) {
    FetchSettings settings = Fixtures.settings(server);
    return new UpbitCandleClient(
        settings, ExchangeHttp.newClient(settings), JSON, timing, pageSize);
  }

  @Override
  CandleSource client() {
    return client(UpbitCandleClient.MAX_PAGE);
  }

  @Test
  void fetchesOnePageOfDailyCandlesOldestFirst() throws InterruptedException {
    server.enqueue(recorded("upbit/days-krw-btc.json"));

    List<FetchedBar> bars = fetch("KRW-BTC", "1d", JAN_1, JAN_4);

    assertThat(bars)
        .containsExactly(
            new FetchedBar(
                JAN_1.toEpochMilli(),
                58300000.0,
                59966000.0,
                58170000.0,
                59900000.0,
                3026.56342105),
            new FetchedBar(
                Instant.parse("2024-01-02T00:00:00Z").toEpochMilli(),
                59900000.0,
                61750000.0,
                59701000.0,
                61100000.0,
                7291.77412611),
            new FetchedBar(
                Instant.parse("2024-01-03T00:00:00Z").toEpochMilli(),
                61100000.0,
                61900000.0,
                56500000.0,
                58800000.0,
                10311.64718933));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/candles/days");
    assertThat(request.getUrl().queryParameter("market")).isEqualTo("KRW-BTC");
    assertThat(request.getUrl().queryParameter("to")).isEqualTo("2024-01-04T00:00:00Z");
    assertThat(request.getUrl().queryParameter("count")).isEqualTo("200");
    assertThat(request.getHeaders().get("User-Agent")).isEqualTo("trading-backtest-tests");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(progress).last().isEqualTo(1.0);
  }

  @Test
  void pagesBackwardsEndingEachPageWhereThePreviousOldestCandleBegan() throws InterruptedException {
    server.enqueue(recorded("upbit/minutes60-page1.json"));
    server.enqueue(recorded("upbit/minutes60-page2.json"));

    Fetched fetched =
        client(3)
            .fetch(
                "KRW-BTC",
                "1h",
                Instant.parse("2024-01-01T01:00:00Z"),
                Instant.parse("2024-01-01T06:00:00Z"),
                progress::add,
                () -> false);
    List<FetchedBar> bars = fetched.bars();

    assertThat(bars)
        .extracting(FetchedBar::time)
        .containsExactly(hour(1), hour(2), hour(3), hour(4), hour(5));
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/candles/minutes/60");
    assertThat(first.getUrl().queryParameter("to")).isEqualTo("2024-01-01T06:00:00Z");
    assertThat(first.getUrl().queryParameter("count")).isEqualTo("3");
    assertThat(second.getUrl().queryParameter("to")).isEqualTo("2024-01-01T03:00:00Z");
    assertThat(second.getUrl().queryParameter("market")).isEqualTo("KRW-BTC");
    assertThat(server.getRequestCount())
        .as("the second page reached the range's start")
        .isEqualTo(2);
    assertThat(progress).containsExactly(0.6, 1.0, 1.0);
    assertThat(timing.sleeps())
        .as("8 requests a second: the second waits 125 ms")
        .containsExactly(Duration.ofMillis(125));
    assertThat(fetched.listing()).as("Upbit's candles name the market, nothing more").isEmpty();
  }

  @Test
  void roundsAFractionalEndUpToTheNextSecond() throws InterruptedException {
    server.enqueue(json(200, "[]"));

    fetch("KRW-BTC", "1m", JAN_1, JAN_1.plusMillis(90_500));

    assertThat(server.takeRequest().getUrl().queryParameter("to"))
        .isEqualTo("2024-01-01T00:01:31Z");
  }

  @Test
  void stopsOnAnEmptyPageBeforeTheMarketsListing() {
    server.enqueue(recorded("upbit/minutes60-newly-listed.json"));
    server.enqueue(json(200, "[]"));

    List<FetchedBar> bars = fetch("KRW-NEWT", "1h", JAN_1, Instant.parse("2024-01-01T06:00:00Z"));

    assertThat(bars).extracting(FetchedBar::time).containsExactly(hour(4), hour(5));
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(progress).last().isEqualTo(1.0);
  }

  @Test
  void emptyRangeAsksNothing() {
    List<FetchedBar> bars = fetch("KRW-BTC", "1d", JAN_4, JAN_4);

    assertThat(bars).isEmpty();
    assertThat(server.getRequestCount()).isZero();
    assertThat(progress).containsExactly(1.0);
  }

  @ParameterizedTest
  @CsvSource({
    "1m, /v1/candles/minutes/1",
    "5m, /v1/candles/minutes/5",
    "15m, /v1/candles/minutes/15",
    "1h, /v1/candles/minutes/60",
    "4h, /v1/candles/minutes/240",
    "1d, /v1/candles/days",
    "1w, /v1/candles/weeks"
  })
  void mapsEachIntervalToItsCandlePath(String interval, String path) throws InterruptedException {
    server.enqueue(json(200, "[]"));

    fetch("KRW-BTC", interval, JAN_1, JAN_4);

    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(path);
  }

  @Test
  void servesSevenIntervals() {
    assertThat(client(200).intervals()).containsExactly("1m", "5m", "15m", "1h", "4h", "1d", "1w");
    assertThat(client(200).source()).isEqualTo(DataSource.UPBIT);
  }

  @Test
  void refusesAnIntervalItDoesNotServeWithoutAsking() {
    assertFetchFails(() -> fetch("KRW-BTC", "3m", JAN_1, JAN_4), Kind.BAD_REQUEST)
        .hasMessage("Upbit has no 3m candles; choose one of 1m, 5m, 15m, 1h, 4h, 1d, 1w");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void refusesASymbolThatCouldChangeTheUrl() {
    assertFetchFails(() -> fetch("KRW-BTC&count=1", "1d", JAN_1, JAN_4), Kind.BAD_REQUEST)
        .hasMessage("'KRW-BTC&count=1' is not a valid Upbit symbol");
  }

  @Test
  void upperCasesTheMarket() throws InterruptedException {
    server.enqueue(json(200, "[]"));

    fetch(" krw-btc ", "1d", JAN_1, JAN_4);

    assertThat(server.takeRequest().getUrl().queryParameter("market")).isEqualTo("KRW-BTC");
  }

  @Test
  void unknownMarketIsNotFoundAndNotRetried() {
    server.enqueue(recorded(404, "upbit/market-not-found.json"));

    assertFetchFails(() -> fetch("KRW-NOPE", "1d", JAN_1, JAN_4), Kind.NOT_FOUND)
        .hasMessage("Upbit does not know the market KRW-NOPE");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void unknownMarketAnsweredWith400IsNotFoundToo() {
    server.enqueue(json(400, "{\"error\":{\"name\":\"400\",\"message\":\"Code not found\"}}"));

    assertFetchFails(() -> fetch("KRW-NOPE", "1d", JAN_1, JAN_4), Kind.NOT_FOUND)
        .hasMessage("Upbit does not know the market KRW-NOPE");
  }

  @Test
  void otherBadRequestsCarryUpbitsMessage() {
    server.enqueue(
        json(
            400, "{\"error\":{\"name\":\"invalid_parameter\",\"message\":\"Invalid to format\"}}"));

    assertFetchFails(() -> fetch("KRW-BTC", "1d", JAN_1, JAN_4), Kind.BAD_REQUEST)
        .hasMessage("Upbit rejected the request for KRW-BTC: Invalid to format");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void backsOffAfterA429WithoutRetryAfterThenSucceeds() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Remaining-Req", "group=candles; min=599; sec=0")
            .body(Fixtures.read("upbit/too-many-requests.json"))
            .build());
    server.enqueue(recorded("upbit/days-krw-btc.json"));

    List<FetchedBar> bars = fetch("KRW-BTC", "1d", JAN_1, JAN_4);

    assertThat(bars).hasSize(3);
    assertThat(timing.sleeps())
        .as("half of 500 ms for sure plus half of the other half by jitter")
        .containsExactly(Duration.ofMillis(375));
  }

  @Test
  void retriesServerErrorsWithDoublingBackoffThenSucceeds() {
    server.enqueue(html(503));
    server.enqueue(html(500));
    server.enqueue(recorded("upbit/days-krw-btc.json"));

    List<FetchedBar> bars = fetch("KRW-BTC", "1d", JAN_1, JAN_4);

    assertThat(bars).hasSize(3);
    assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(375), Duration.ofMillis(750));
  }

  @Test
  void givesUpOnServerErrorsAfterTheRetryBudget() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(html(503));
    }

    assertFetchFails(() -> fetch("KRW-BTC", "1d", JAN_1, JAN_4), Kind.UNAVAILABLE)
        .hasMessage("Upbit is unavailable (HTTP 503); gave up after 4 retries");
    assertThat(server.getRequestCount()).isEqualTo(5);
    assertThat(timing.sleeps())
        .containsExactly(
            Duration.ofMillis(375),
            Duration.ofMillis(750),
            Duration.ofMillis(1500),
            Duration.ofMillis(3000));
  }

  @Test
  void givesUpOnRateLimitsAfterTheRetryBudget() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(recorded(429, "upbit/too-many-requests.json"));
    }

    assertFetchFails(() -> fetch("KRW-BTC", "1d", JAN_1, JAN_4), Kind.RATE_LIMITED)
        .hasMessage("Upbit is rate-limiting us; gave up after 4 retries");
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void aMaintenanceWindowLongerThanWeWaitFailsAtOnceSayingWhenItEnds() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "3600").build());

    assertFetchFails(() -> fetch("KRW-BTC", "1d", JAN_1, JAN_4), Kind.UNAVAILABLE)
        .hasMessage(
            "Upbit is unavailable (HTTP 503) and asks us to wait 3600 s; try again after "
                + "2024-03-12T01:00:00Z");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anAddressBlockWithoutRetryAfterFailsAtOnce() {
    server.enqueue(html(418));

    assertFetchFails(() -> fetch("KRW-BTC", "1d", JAN_1, JAN_4), Kind.RATE_LIMITED)
        .hasMessage(
            "Upbit has blocked this server for too many requests (HTTP 418); try again later");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retriesWhenTheServerCannotBeReachedThenGivesUp() {
    FetchSettings settings = Fixtures.settings(server);
    server.close();
    UpbitCandleClient client =
        new UpbitCandleClient(settings, ExchangeHttp.newClient(settings), JSON, timing);

    assertThatThrownBy(
            () -> client.fetch("KRW-BTC", "1d", JAN_1, JAN_4, progress::add, () -> false))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
              assertThat(e.isTransient()).isTrue();
            })
        .hasMessage("Upbit could not be reached (network error); gave up after 4 retries");
    assertThat(timing.sleeps()).hasSize(4);
  }

  @Test
  void highBelowLowIsMalformedNamingBothFields() {
    server.enqueue(recorded("upbit/high-below-low.json"));

    assertFetchFails(() -> fetch("KRW-BTC", "1d", JAN_1, JAN_4), Kind.MALFORMED)
        .hasMessage(
            "Upbit sent a malformed candle for KRW-BTC at 2024-01-02T00:00:00Z: "
                + "high_price (5.9E7) is below low_price (5.9701E7)");
  }

  @Test
  void aPriceThatIsNotANumberIsMalformedNamingTheField() {
    server.enqueue(recorded("upbit/price-not-a-number.json"));

    assertFetchFails(() -> fetch("KRW-BTC", "1d", JAN_1, JAN_4), Kind.MALFORMED)
        .hasMessage(
            "Upbit sent a malformed candle for KRW-BTC at 2024-01-02T00:00:00Z: "
                + "trade_price is not a number (\"N/A\")");
  }

  @Test
  void aBodyThatIsNotJsonIsMalformed() {
    server.enqueue(new MockResponse.Builder().code(200).body("<html>maintenance</html>").build());

    assertFetchFails(() -> fetch("KRW-BTC", "1d", JAN_1, JAN_4), Kind.MALFORMED)
        .hasMessage("Upbit sent a response that is not valid JSON");
  }

  @Test
  void aCandleWithoutItsTimeIsMalformed() {
    server.enqueue(json(200, "[{\"market\":\"KRW-BTC\",\"opening_price\":1.0}]"));

    assertFetchFails(() -> fetch("KRW-BTC", "1d", JAN_1, JAN_4), Kind.MALFORMED)
        .hasMessageContaining("candle_date_time_utc is not a date-time");
  }

  @Test
  void stopsBetweenPagesWhenCancelled() {
    server.enqueue(recorded("upbit/minutes60-page1.json"));
    server.enqueue(recorded("upbit/minutes60-page2.json"));

    assertFetchFails(
            () ->
                client(3)
                    .fetch(
                        "KRW-BTC",
                        "1h",
                        JAN_1,
                        Instant.parse("2024-01-01T06:00:00Z"),
                        progress::add,
                        () -> !progress.isEmpty()),
            Kind.CANCELLED)
        .hasMessage("The fetch from Upbit was cancelled");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private static long hour(int hour) {
    return JAN_1.plus(Duration.ofHours(hour)).toEpochMilli();
  }
}
