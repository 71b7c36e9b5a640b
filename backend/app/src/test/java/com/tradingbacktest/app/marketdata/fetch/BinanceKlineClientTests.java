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
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BinanceKlineClientTests extends CandleClientTest {

  private static final Instant JAN_1 = Instant.parse("2024-01-01T00:00:00Z");

  private BinanceKlineClient client(int pageSize) {
    FetchSettings settings = Fixtures.settings(server);
    return new BinanceKlineClient(
        settings, ExchangeHttp.newClient(settings), JSON, timing, pageSize);
  }

  @Override
  CandleSource client() {
    return client(BinanceKlineClient.MAX_PAGE);
  }

  private List<FetchedBar> fetchThreeHours() {
    return fetch("BTCUSDT", "1h", JAN_1, hour(3));
  }

  @Test
  void fetchesOneShortPageAskingForTheWholeRangeInclusively() throws InterruptedException {
    server.enqueue(recorded("binance/klines-1h.json"));

    List<FetchedBar> bars = fetchThreeHours();

    assertThat(bars)
        .containsExactly(
            new FetchedBar(
                JAN_1.toEpochMilli(), 42283.58, 42554.57, 42261.02, 42475.23, 1271.68108),
            new FetchedBar(
                hour(1).toEpochMilli(), 42475.23, 42775.0, 42431.65, 42613.56, 1196.37856),
            new FetchedBar(hour(2).toEpochMilli(), 42613.57, 42638.41, 42500.0, 42581.1, 685.2198));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v3/klines");
    assertThat(request.getUrl().queryParameter("symbol")).isEqualTo("BTCUSDT");
    assertThat(request.getUrl().queryParameter("interval")).isEqualTo("1h");
    assertThat(request.getUrl().queryParameter("startTime")).isEqualTo("1704067200000");
    assertThat(request.getUrl().queryParameter("endTime"))
        .as("the last millisecond before the range's end")
        .isEqualTo("1704077999999");
    assertThat(request.getUrl().queryParameter("limit")).isEqualTo("1000");
    assertThat(server.getRequestCount()).as("a short page is the last").isEqualTo(1);
    assertThat(progress).containsExactly(1.0, 1.0);
  }

  @Test
  void pagesForwardFromAMillisecondAfterTheNewestKlineAndDropsOverlaps()
      throws InterruptedException {
    server.enqueue(recorded("binance/klines-1h-page1.json"));
    server.enqueue(recorded("binance/klines-1h-page2.json"));
    server.enqueue(json(200, "[]"));

    Fetched fetched = client(3).fetch("BTCUSDT", "1h", JAN_1, hour(5), progress::add, () -> false);
    List<FetchedBar> bars = fetched.bars();
    assertThat(fetched.listing()).as("klines are bare arrays").isEmpty();

    assertThat(bars)
        .extracting(FetchedBar::time)
        .containsExactly(
            JAN_1.toEpochMilli(),
            hour(1).toEpochMilli(),
            hour(2).toEpochMilli(),
            hour(3).toEpochMilli(),
            hour(4).toEpochMilli());
    assertThat(bars.get(2).open())
        .as("the first page's 02:00 kline is kept, the overlap dropped")
        .isEqualTo(42613.57);
    List<String> starts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RecordedRequest request = server.takeRequest();
      starts.add(request.getUrl().queryParameter("startTime"));
      assertThat(request.getUrl().queryParameter("endTime")).isEqualTo("1704085199999");
      assertThat(request.getUrl().queryParameter("limit")).isEqualTo("3");
    }
    assertThat(starts).containsExactly("1704067200000", "1704074400001", "1704081600001");
    assertThat(progress).containsExactly(0.6, 1.0, 1.0);
    assertThat(timing.sleeps())
        .as("10 requests a second")
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(100));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1m", "5m", "15m", "1h", "4h", "1d", "1w"})
  void sendsEachIntervalAsItsOwnCode(String interval) throws InterruptedException {
    server.enqueue(json(200, "[]"));

    fetch("BTCUSDT", interval, JAN_1, hour(3));

    assertThat(server.takeRequest().getUrl().queryParameter("interval")).isEqualTo(interval);
  }

  @Test
  void upperCasesTheSymbol() throws InterruptedException {
    server.enqueue(json(200, "[]"));

    fetch("ethusdt", "1d", JAN_1, hour(3));

    assertThat(server.takeRequest().getUrl().queryParameter("symbol")).isEqualTo("ETHUSDT");
  }

  @Test
  void unknownSymbolIsNotFoundAndNotRetried() {
    server.enqueue(recorded(400, "binance/invalid-symbol.json"));

    assertThatThrownBy(() -> fetch("BTCUSDX", "1h", JAN_1, hour(3)))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
              assertThat(e.isTransient()).isFalse();
            })
        .hasMessage("Binance does not know the symbol BTCUSDX");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void otherRejectionsCarryBinancesMessage() {
    server.enqueue(recorded(400, "binance/invalid-interval.json"));

    assertFetchFails(this::fetchThreeHours, Kind.BAD_REQUEST)
        .hasMessage("Binance rejected the request for BTCUSDT: Invalid interval.");
  }

  @Test
  void honoursRetryAfterOnA429ThenSucceeds() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "3")
            .body(Fixtures.read("binance/too-many-requests.json"))
            .build());
    server.enqueue(recorded("binance/klines-1h.json"));

    List<FetchedBar> bars = fetchThreeHours();

    assertThat(bars).hasSize(3);
    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void readsRetryAfterGivenAsAnHttpDate() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "Tue, 12 Mar 2024 00:00:05 GMT")
            .build());
    server.enqueue(recorded("binance/klines-1h.json"));

    fetchThreeHours();

    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void aBanLongerThanWeWaitFailsAtOnceSayingWhenItLifts() {
    server.enqueue(
        new MockResponse.Builder()
            .code(418)
            .addHeader("Retry-After", "7200")
            .body(Fixtures.read("binance/ip-banned.json"))
            .build());

    assertFetchFails(this::fetchThreeHours, Kind.RATE_LIMITED)
        .hasMessage(
            "Binance has blocked this server for too many requests (HTTP 418) and asks us to wait 7200 s; "
                + "try again after 2024-03-12T02:00:00Z");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timing.sleeps()).isEmpty();
  }

  @Test
  void retriesAServerErrorThenSucceeds() {
    server.enqueue(html(502));
    server.enqueue(recorded("binance/klines-1h.json"));

    assertThat(fetchThreeHours()).hasSize(3);
    assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(375));
  }

  @Test
  void givesUpOnServerErrorsAfterTheRetryBudget() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(html(502));
    }

    assertThatThrownBy(this::fetchThreeHours)
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
              assertThat(e.isTransient()).isTrue();
            })
        .hasMessage("Binance is unavailable (HTTP 502); gave up after 4 retries");
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void backoffStopsDoublingAtTheMaximum() {
    FetchSettings defaults = Fixtures.settings(server);
    FetchSettings patient =
        new FetchSettings(
            defaults.upbitUrl(),
            defaults.binanceUrl(),
            defaults.binanceFuturesUrl(),
            defaults.yahooUrl(),
            defaults.connectTimeout(),
            defaults.readTimeout(),
            6,
            defaults.initialBackoff(),
            defaults.maxBackoff(),
            defaults.maxRetryAfter(),
            8,
            10,
            2,
            defaults.userAgent());
    for (int i = 0; i < 7; i++) {
      server.enqueue(html(503));
    }
    BinanceKlineClient client =
        new BinanceKlineClient(patient, ExchangeHttp.newClient(patient), JSON, timing);

    assertThatThrownBy(
            () -> client.fetch("BTCUSDT", "1h", JAN_1, hour(3), progress::add, () -> false))
        .hasMessage("Binance is unavailable (HTTP 503); gave up after 6 retries");
    assertThat(timing.sleeps())
        .extracting(Duration::toMillis)
        .containsExactly(375L, 750L, 1500L, 3000L, 6000L, 6000L);
  }

  @Test
  void aRestrictedLocationIsUnavailable() {
    server.enqueue(
        json(451, "{\"code\":0,\"msg\":\"Service unavailable from a restricted location.\"}"));

    assertFetchFails(this::fetchThreeHours, Kind.UNAVAILABLE)
        .hasMessage("Binance does not serve this server's location (HTTP 451)");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPriceThatIsNotANumberIsMalformedNamingTheField() {
    server.enqueue(recorded("binance/close-not-a-number.json"));

    assertFetchFails(this::fetchThreeHours, Kind.MALFORMED)
        .hasMessage(
            "Binance sent a malformed candle for BTCUSDT at 2024-01-01T00:00:00Z: "
                + "close (index 4) is not a number (\"42,475.23\")");
  }

  @Test
  void aNegativePriceIsMalformedNamingTheField() {
    server.enqueue(recorded("binance/negative-low.json"));

    assertFetchFails(this::fetchThreeHours, Kind.MALFORMED)
        .hasMessage(
            "Binance sent a malformed candle for BTCUSDT at 2024-01-01T00:00:00Z: "
                + "low (index 3) is negative (-1.0)");
  }

  @Test
  void aKlineThatIsNotAnArrayIsMalformed() {
    server.enqueue(json(200, "[{\"openTime\":1704067200000}]"));

    assertFetchFails(this::fetchThreeHours, Kind.MALFORMED)
        .hasMessageContaining("a kline is not an array of at least 6 values");
  }

  @Test
  void anAnswerThatIsNotAListIsMalformed() {
    server.enqueue(json(200, "{\"klines\":[]}"));

    assertFetchFails(this::fetchThreeHours, Kind.MALFORMED)
        .hasMessage("Binance sent klines that are not a list");
  }

  @Test
  void stopsBetweenPagesWhenCancelled() {
    server.enqueue(recorded("binance/klines-1h-page1.json"));
    server.enqueue(recorded("binance/klines-1h-page2.json"));

    assertFetchFails(
            () ->
                client(3)
                    .fetch(
                        "BTCUSDT", "1h", JAN_1, hour(5), progress::add, () -> !progress.isEmpty()),
            Kind.CANCELLED)
        .hasMessage("The fetch from Binance was cancelled");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anInterruptCancelsTheFetch() {
    Thread.currentThread().interrupt();
    try {
      server.enqueue(recorded("binance/klines-1h.json"));

      assertFetchFails(this::fetchThreeHours, Kind.CANCELLED);
      assertThat(Thread.currentThread().isInterrupted())
          .as("the interrupt is kept for the caller")
          .isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  private static Instant hour(int hour) {
    return JAN_1.plus(Duration.ofHours(hour));
  }
}
