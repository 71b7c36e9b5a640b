package com.tradingbacktest.app.marketdata.fetch;

import static com.tradingbacktest.app.marketdata.fetch.Fixtures.JSON;
import static com.tradingbacktest.app.marketdata.fetch.Fixtures.html;
import static com.tradingbacktest.app.marketdata.fetch.Fixtures.json;
import static com.tradingbacktest.app.marketdata.fetch.Fixtures.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.app.marketdata.fetch.FetchException.Kind;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Binance's funding history, against a local server answering with responses in its format. */
class BinanceFundingClientTests {

  private static final Instant JAN_1 = Instant.parse("2024-01-01T00:00:00Z");

  private final MockWebServer server = new MockWebServer();
  private final FakeTiming timing = FakeTiming.at(Fixtures.NOW);

  @BeforeEach
  void startServer() throws IOException {
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private BinanceFundingClient client(int pageSize) {
    FetchSettings settings = Fixtures.settings(server);
    return new BinanceFundingClient(
        settings, ExchangeHttp.newClient(settings), JSON, timing, pageSize);
  }

  private static long hours(int h) {
    return JAN_1.plus(Duration.ofHours(h)).toEpochMilli();
  }

  @Test
  void readsOneShortPageAskingForTheRangeInclusively() throws InterruptedException {
    server.enqueue(recorded("binance/funding-page1.json"));

    List<FundingRate> rates =
        client(1000).fetch(" btcusdt ", JAN_1, JAN_1.plus(Duration.ofDays(1)), () -> false);

    assertThat(rates)
        .containsExactly(
            new FundingRate(hours(0), 0.00037409),
            new FundingRate(hours(8), 0.00021870),
            new FundingRate(hours(16), -0.00005));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/fapi/v1/fundingRate");
    assertThat(request.getUrl().queryParameter("symbol")).isEqualTo("BTCUSDT");
    assertThat(request.getUrl().queryParameter("startTime")).isEqualTo("1704067200000");
    assertThat(request.getUrl().queryParameter("endTime")).isEqualTo("1704153599999");
    assertThat(request.getUrl().queryParameter("limit")).isEqualTo("1000");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void pagesForwardFromAMillisecondAfterTheNewestAndKeepsOneRatePerTime()
      throws InterruptedException {
    server.enqueue(recorded("binance/funding-page1.json"));
    server.enqueue(recorded("binance/funding-page2.json"));

    List<FundingRate> rates =
        client(3).fetch("BTCUSDT", JAN_1, JAN_1.plus(Duration.ofDays(2)), () -> false);

    assertThat(rates)
        .extracting(FundingRate::time)
        .containsExactly(hours(0), hours(8), hours(16), hours(24) + 1);
    server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(second.getUrl().queryParameter("startTime"))
        .isEqualTo(String.valueOf(hours(16) + 1));
    assertThat(second.getUrl().queryParameter("limit")).isEqualTo("3");
    assertThat(server.getRequestCount()).as("a short page is the last").isEqualTo(2);
  }

  @Test
  void dropsRatesOutsideTheRange() {
    server.enqueue(recorded("binance/funding-page1.json"));

    List<FundingRate> rates =
        client(1000)
            .fetch(
                "BTCUSDT",
                Instant.ofEpochMilli(hours(1)),
                Instant.ofEpochMilli(hours(16)),
                () -> false);

    assertThat(rates).extracting(FundingRate::time).containsExactly(hours(8));
  }

  @Test
  void anEmptyRangeAsksNothing() {
    assertThat(client(1000).fetch("BTCUSDT", JAN_1, JAN_1, () -> false)).isEmpty();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anUnknownSymbolIsNotFound() {
    server.enqueue(recorded(400, "binance/invalid-symbol.json"));

    assertThatThrownBy(() -> client(1000).fetch("BTCUSDX", JAN_1, hoursInstant(24), () -> false))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
        .hasMessage("Binance futures does not know the symbol BTCUSDX");
  }

  @Test
  void aRateThatIsNotANumberIsMalformedAndNamesTheField() {
    server.enqueue(recorded("binance/funding-rate-not-a-number.json"));

    assertThatThrownBy(() -> client(1000).fetch("BTCUSDT", JAN_1, hoursInstant(24), () -> false))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED))
        .hasMessageContaining("fundingRate at 2024-01-01T00:00:00Z")
        .hasMessageContaining("\"0.01%\"");
  }

  @Test
  void anAnswerThatIsNotAListIsMalformed() {
    server.enqueue(json(200, "{\"symbol\":\"BTCUSDT\"}"));

    assertThatThrownBy(() -> client(1000).fetch("BTCUSDT", JAN_1, hoursInstant(24), () -> false))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED));
  }

  @Test
  void serverErrorsAreRetriedLikeEveryFetch() {
    server.enqueue(html(503));
    server.enqueue(recorded("binance/funding-page1.json"));

    assertThat(client(1000).fetch("BTCUSDT", JAN_1, hoursInstant(24), () -> false)).hasSize(3);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aSymbolThatCouldChangeThePathIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client(1000).fetch("BTC/../x", JAN_1, hoursInstant(24), () -> false))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aCancelledFetchStopsBeforeTheNextPage() {
    assertThatThrownBy(() -> client(1000).fetch("BTCUSDT", JAN_1, hoursInstant(24), () -> true))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CANCELLED));
    assertThat(server.getRequestCount()).isZero();
  }

  private static Instant hoursInstant(int h) {
    return JAN_1.plus(Duration.ofHours(h));
  }
}
