package com.tradingbacktest.app.marketdata.fetch;

import static com.tradingbacktest.app.marketdata.fetch.Fixtures.JSON;
import static com.tradingbacktest.app.marketdata.fetch.Fixtures.html;
import static com.tradingbacktest.app.marketdata.fetch.Fixtures.json;
import static com.tradingbacktest.app.marketdata.fetch.Fixtures.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.marketdata.fetch.FetchException.Kind;
import com.tradingbacktest.engine.prices.CorporateAction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YahooChartClientTests extends CandleClientTest {

  /** Samsung Electronics' sessions open at 09:00 KST, midnight UTC. */
  private static final Instant JAN_2 = Instant.parse("2024-01-02T00:00:00Z");

  private static final Instant JAN_9 = Instant.parse("2024-01-09T00:00:00Z");

  /** Apple's regular session opens at 09:30 EST, 14:30 UTC. */
  private static final Instant MAR_1_OPEN = Instant.parse("2024-03-01T14:30:00Z");

  private static final Instant MAR_11_OPEN = Instant.parse("2024-03-11T14:30:00Z");

  private YahooChartClient client;

  @BeforeEach
  void createClient() {
    FetchSettings settings = Fixtures.settings(server);
    client = new YahooChartClient(settings, ExchangeHttp.newClient(settings), JSON, timing);
  }

  @Override
  CandleSource client() {
    return client;
  }

  private List<FetchedBar> fetchSamsungDaily() {
    return fetch("005930.KS", "1d", JAN_2, JAN_9);
  }

  @Test
  void fetchesDailyBarsSkippingHolidaysAndKeepingTheSessionOpenTimes() throws InterruptedException {
    server.enqueue(recorded("yahoo/chart-005930.KS-1d.json"));

    List<FetchedBar> bars = fetchSamsungDaily();

    assertThat(bars)
        .containsExactly(
            new FetchedBar(1704153600_000L, 78200.0, 79800.0, 78200.0, 79600.0, 17142847),
            new FetchedBar(1704240000_000L, 78500.0, 78800.0, 77000.0, 77000.0, 21753644),
            new FetchedBar(1704412800_000L, 76100.0, 77300.0, 76100.0, 76600.0, 0),
            new FetchedBar(1704672000_000L, 77000.0, 77500.0, 76400.0, 76500.0, 11088724));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v8/finance/chart/005930.KS");
    assertThat(request.getUrl().queryParameter("period1")).isEqualTo("1704153600");
    assertThat(request.getUrl().queryParameter("period2")).isEqualTo("1704758400");
    assertThat(request.getUrl().queryParameter("interval")).isEqualTo("1d");
    assertThat(request.getUrl().queryParameter("includePrePost")).isEqualTo("false");
    assertThat(request.getUrl().queryParameter("events")).isEqualTo("div,splits");
    assertThat(request.getHeaders().get("User-Agent")).isEqualTo("trading-backtest-tests");
    assertThat(progress).containsExactly(1.0, 1.0);
  }

  @Test
  void saysWhatTheChartsMetaSaysOfTheInstrument() {
    server.enqueue(recorded("yahoo/chart-SPY-1d.json"));
    server.enqueue(recorded("yahoo/chart-005930.KS-1d.json"));

    Fetched spy = client.fetch("SPY", "1d", JAN_2, JAN_9, progress::add, () -> false);
    Fetched samsung = client.fetch("005930.KS", "1d", JAN_2, JAN_9, progress::add, () -> false);

    assertThat(spy.bars()).hasSize(3);
    assertThat(spy.listing())
        .as("an ETF on NYSE Arca (PCX), not the NASDAQ stock its ticker suggests")
        .contains(new Listing("SPDR S&P 500 ETF Trust", "NYSE", "etf", "USD", "America/New_York"));
    assertThat(samsung.listing())
        .as("an older answer, without names")
        .contains(new Listing(null, "KRX", "stock", "KRW", "Asia/Seoul"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"exchangeName\":\"NMS\",\"instrumentType\":\"EQUITY\",\"shortName\":\"Apple Inc.\"} | Apple Inc. | NASDAQ | stock | |",
        "{\"exchangeName\":\"KOE\",\"currency\":\"KRW\",\"exchangeTimezoneName\":\"Asia/Seoul\"} | | KRX | | KRW | Asia/Seoul",
        "{\"exchangeName\":\"JPX\",\"currency\":\"JPY\",\"exchangeTimezoneName\":\"Asia/Tokyo\"} | | CUSTOM | | JPY | Asia/Tokyo",
        "{\"exchangeName\":\"LSE\",\"currency\":\"GBp\",\"instrumentType\":\"EQUITY\"} | | CUSTOM | stock | GBX |",
        "{\"exchangeName\":\"JNB\",\"currency\":\"ZAc\",\"instrumentType\":\"MUTUALFUND\"} | | CUSTOM | other | ZAC |",
        "{\"instrumentType\":\"INDEX\",\"currency\":\"usd\",\"exchangeTimezoneName\":\"Mars/Olympus\"} | | | index | |",
        "{\"longName\":\" \",\"currency\":7} | | | | |",
      })
  void readsTheMetaIntoThePlatformsWords(
      String meta, String name, String market, String assetClass, String currency, String zone) {
    assertThat(YahooChartClient.listing(JSON.readTree(meta)))
        .isEqualTo(new Listing(name, market, assetClass, currency, zone));
  }

  @Test
  void splitsOneMinuteRangesIntoSevenDayWindows() throws InterruptedException {
    server.enqueue(recorded("yahoo/chart-AAPL-1m-window1.json"));
    server.enqueue(recorded("yahoo/chart-AAPL-1m-window2.json"));

    List<FetchedBar> bars = fetch("AAPL", "1m", MAR_1_OPEN, MAR_11_OPEN);

    assertThat(bars)
        .extracting(FetchedBar::time)
        .containsExactly(
            1709303400_000L, 1709303460_000L, 1709303520_000L, 1709908200_000L, 1709908260_000L);
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(first.getUrl().queryParameter("period1")).isEqualTo("1709303400");
    assertThat(first.getUrl().queryParameter("period2")).isEqualTo("1709908200");
    assertThat(second.getUrl().queryParameter("period1")).isEqualTo("1709908200");
    assertThat(second.getUrl().queryParameter("period2")).isEqualTo("1710167400");
    assertThat(first.getUrl().queryParameter("interval")).isEqualTo("1m");
    assertThat(progress).containsExactly(0.7, 1.0, 1.0);
    assertThat(timing.sleeps()).as("2 requests a second").containsExactly(Duration.ofMillis(500));
  }

  @Test
  void refusesIntradayRangesOlderThanYahooKeepsNamingTheLimit() {
    assertFetchFails(
            () ->
                fetch(
                    "AAPL",
                    "5m",
                    Fixtures.NOW.minus(Duration.ofDays(90)),
                    Fixtures.NOW.minus(Duration.ofDays(80))),
            Kind.BAD_REQUEST)
        .hasMessage(
            "Yahoo Finance keeps 5m bars for the last 60 days only; start the range at "
                + "2024-01-12T00:01:00Z or later, or choose a longer interval");
    assertThat(server.getRequestCount()).isZero();
  }

  @ParameterizedTest
  @CsvSource({"1m, 1m", "5m, 5m", "15m, 15m", "1h, 60m", "1d, 1d", "1w, 1wk"})
  void mapsEachIntervalToYahoosCode(String interval, String code) throws InterruptedException {
    server.enqueue(recorded("yahoo/chart-no-trading.json"));

    fetch(
        "AAPL",
        interval,
        Fixtures.NOW.minus(Duration.ofDays(2)),
        Fixtures.NOW.minus(Duration.ofDays(1)));

    assertThat(server.takeRequest().getUrl().queryParameter("interval")).isEqualTo(code);
  }

  @Test
  void hasNoFourHourBars() {
    assertThat(client.intervals()).containsExactly("1m", "5m", "15m", "1h", "1d", "1w");
    assertFetchFails(() -> fetch("AAPL", "4h", JAN_2, JAN_9), Kind.BAD_REQUEST)
        .hasMessage("Yahoo Finance has no 4h candles; choose one of 1m, 5m, 15m, 1h, 1d, 1w");
  }

  @Test
  void escapesTheCaretOfIndexTickersInThePath() throws InterruptedException {
    server.enqueue(recorded("yahoo/chart-no-trading.json"));

    fetch("^KS11", "1d", JAN_2, JAN_9);

    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v8/finance/chart/%5EKS11");
  }

  @Test
  void aWindowWithoutTradingHasNoBars() {
    server.enqueue(recorded("yahoo/chart-no-trading.json"));

    assertThat(fetchSamsungDaily()).isEmpty();
    assertThat(progress).last().isEqualTo(1.0);
  }

  @Test
  void unknownTickerIsNotFoundAndNotRetried() {
    server.enqueue(recorded(404, "yahoo/ticker-not-found.json"));

    assertFetchFails(() -> fetch("035720.KX", "1d", JAN_2, JAN_9), Kind.NOT_FOUND)
        .hasMessage("Yahoo Finance does not know the ticker 035720.KX");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anErrorInsideA200IsReadLikeTheStatus() {
    server.enqueue(recorded(200, "yahoo/ticker-not-found.json"));

    assertFetchFails(() -> fetch("035720.KX", "1d", JAN_2, JAN_9), Kind.NOT_FOUND)
        .hasMessage("Yahoo Finance does not know the ticker 035720.KX");
  }

  @Test
  void aRangeYahooWillNotServeCarriesItsReason() {
    server.enqueue(recorded(422, "yahoo/range-too-long.json"));

    assertFetchFails(
            () -> fetch("AAPL", "1m", MAR_1_OPEN, MAR_1_OPEN.plus(Duration.ofHours(1))),
            Kind.BAD_REQUEST)
        .hasMessageStartingWith(
            "Yahoo Finance rejected the request for AAPL: 1m data not available")
        .hasMessageContaining("Only 7 days worth of 1m granularity data");
  }

  /** A 429 (rate limited) or a 500 (server error) is retried once, after the backoff. */
  @ParameterizedTest
  @ValueSource(ints = {429, 500})
  void retriesAFailureThenSucceeds(int status) {
    server.enqueue(status == 429 ? json(429, "Too Many Requests") : html(500));
    server.enqueue(recorded("yahoo/chart-005930.KS-1d.json"));

    assertThat(fetchSamsungDaily()).hasSize(4);
    assertThat(timing.sleeps())
        .as("the 375 ms backoff, outlasted by the 500 ms between Yahoo requests")
        .containsExactly(Duration.ofMillis(500));
  }

  @Test
  void givesUpOnServerErrorsAfterTheRetryBudget() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(html(500));
    }

    assertFetchFails(this::fetchSamsungDaily, Kind.UNAVAILABLE)
        .hasMessage("Yahoo Finance is unavailable (HTTP 500); gave up after 4 retries");
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void refusedAccessIsUnavailable() {
    server.enqueue(
        json(
            401,
            "{\"finance\":{\"result\":null,\"error\":{\"code\":\"Unauthorized\","
                + "\"description\":\"Invalid Crumb\"}}}"));

    assertFetchFails(this::fetchSamsungDaily, Kind.UNAVAILABLE)
        .hasMessage("Yahoo Finance refused our requests (HTTP 401)");
  }

  @Test
  void columnsOfUnequalLengthAreMalformed() {
    server.enqueue(recorded("yahoo/columns-of-unequal-length.json"));

    assertFetchFails(() -> fetch("AAPL", "1d", JAN_2, JAN_9), Kind.MALFORMED)
        .hasMessage(
            "Yahoo Finance sent a malformed candle for AAPL: 3 timestamps but 2 high values");
  }

  @Test
  void highBelowLowIsMalformedNamingBothFields() {
    server.enqueue(recorded("yahoo/high-below-low.json"));

    assertFetchFails(() -> fetch("AAPL", "1d", JAN_2, JAN_9), Kind.MALFORMED)
        .hasMessage(
            "Yahoo Finance sent a malformed candle for AAPL at 2024-01-02T14:30:00Z: "
                + "high (180.0) is below low (183.88999938964844)");
  }

  @Test
  void aChartWithoutResultIsMalformed() {
    server.enqueue(json(200, "{\"chart\":{\"result\":[],\"error\":null}}"));

    assertFetchFails(this::fetchSamsungDaily, Kind.MALFORMED)
        .hasMessage("Yahoo Finance sent a chart for 005930.KS without a result");
  }

  @Test
  void stopsBetweenWindowsWhenCancelled() {
    server.enqueue(recorded("yahoo/chart-AAPL-1m-window1.json"));
    server.enqueue(recorded("yahoo/chart-AAPL-1m-window2.json"));

    assertFetchFails(
            () ->
                client.fetch(
                    "AAPL",
                    "1m",
                    MAR_1_OPEN,
                    MAR_11_OPEN,
                    progress::add,
                    () -> !progress.isEmpty()),
            Kind.CANCELLED)
        .hasMessage("The fetch from Yahoo Finance was cancelled");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void readsTheSplitsAndDividendsOfTheChartsEventsAsDaysOfTheExchange() {
    server.enqueue(recorded("yahoo/chart-AAPL-1d-across-split.json"));

    Fetched aapl =
        client.fetch(
            "AAPL",
            "1d",
            Instant.parse("2020-08-06T00:00:00Z"),
            Instant.parse("2020-09-02T00:00:00Z"),
            progress::add,
            () -> false);

    assertThat(aapl.bars()).hasSize(5);
    // 13:30 UTC is 09:30 in New York: the ex-dates are those days there.
    assertThat(aapl.actions())
        .containsExactly(
            new CorporateAction.CashDividend(LocalDate.of(2020, 8, 7), 0.205),
            new CorporateAction.Split(LocalDate.of(2020, 8, 31), 4));
  }

  @Test
  void aReverseSplitReadsFromItsRatioTextWhenTheNumbersAreMissing() {
    server.enqueue(
        json(
            200,
            Fixtures.read("yahoo/chart-AAPL-1d-after-split.json")
                .replace(
                    "\"numerator\":4,\"denominator\":1,\"splitRatio\":\"4:1\"",
                    "\"splitRatio\":\"1:10\"")));

    Fetched aapl =
        client.fetch(
            "AAPL",
            "1d",
            Instant.parse("2020-08-31T00:00:00Z"),
            Instant.parse("2020-09-03T00:00:00Z"),
            progress::add,
            () -> false);

    assertThat(aapl.actions())
        .containsExactly(new CorporateAction.Split(LocalDate.of(2020, 8, 31), 0.1));
  }

  @Test
  void aSplitWithoutARatioFailsTheFetchNamingIt() {
    server.enqueue(
        json(
            200,
            Fixtures.read("yahoo/chart-AAPL-1d-after-split.json")
                .replace(
                    "\"numerator\":4,\"denominator\":1,\"splitRatio\":\"4:1\"",
                    "\"splitRatio\":\"four\"")));

    assertFetchFails(
            () ->
                fetch(
                    "AAPL",
                    "1d",
                    Instant.parse("2020-08-31T00:00:00Z"),
                    Instant.parse("2020-09-03T00:00:00Z")),
            Kind.MALFORMED)
        .hasMessageContaining("split of AAPL on 2020-08-31 with ratio four");
  }

  @Test
  void anIndexIsAKrxIndexInWonOnSeoulTime() {
    server.enqueue(recorded("yahoo/chart-KS11-1d.json"));

    Fetched kospi = client.fetch("^KS11", "1d", JAN_2, JAN_9, progress::add, () -> false);

    assertThat(kospi.listing())
        .contains(new Listing("KOSPI Composite Index", "KRX", "index", "KRW", "Asia/Seoul"));
    assertThat(kospi.bars()).hasSize(3);
    assertThat(kospi.bars().get(0).close()).isEqualTo(2669.81);
    assertThat(kospi.actions()).isEmpty();
  }
}
