package com.tradingbacktest.app.marketdata;

import static com.tradingbacktest.app.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.app.support.Multipart;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class MarketDataIntegrationTests extends IntegrationTest {

  @Autowired JdbcClient jdbc;

  String auth;
  UUID userId;

  @BeforeEach
  void signIn() {
    JsonNode tokens = api.registerUser("data");
    auth = bearer(tokens);
    userId = UUID.fromString(tokens.path("user").path("id").asString());
  }

  /** The key the signed-in user's own upload of {@code symbol} is stored under. */
  private String own(String symbol) {
    return SeriesKeys.own(userId, symbol);
  }

  @Test
  void shipsRealSampleDataOnFirstStart() {
    Response symbols = api.get("/api/v1/data/symbols", "Authorization", auth);

    assertThat(symbols.status()).isEqualTo(200);
    JsonNode aapl = find(symbols.json(), "AAPL");
    assertThat(aapl.path("market").asString()).isEqualTo("NASDAQ");
    assertThat(aapl.path("source").asString()).isEqualTo("ta4j-examples");
    JsonNode daily = aapl.path("intervals").get(0);
    assertThat(daily.path("interval").asString()).isEqualTo("1d");
    assertThat(daily.path("bar_count").asLong()).isEqualTo(252);
    // 2013-01-02 at midnight New York
    assertThat(daily.path("first_bar").asString()).isEqualTo("2013-01-02T05:00:00Z");
    JsonNode btc = find(symbols.json(), "BTCUSD.BITSTAMP");
    assertThat(symbols.body()).contains("\"lot_size\":0.00000001"); // plain, as traders write it
    assertThat(btc.path("intervals").get(0).path("interval").asString()).isEqualTo("1m");
    assertThat(btc.path("intervals").get(0).path("bar_count").asLong()).isGreaterThan(5000);
    List<String> searched = new ArrayList<>();
    api.get("/api/v1/data/symbols?query=apple", "Authorization", auth)
        .json()
        .forEach(x -> searched.add(x.path("symbol").asString()));
    assertThat(searched).containsExactly("AAPL");
    assertThat(api.get("/api/v1/data/symbols?query=%25", "Authorization", auth).json())
        .isEmpty(); // % is literal
    assertThat(api.get("/api/v1/data/symbols?market=mars", "Authorization", auth).status())
        .isEqualTo(422);
    assertThat(
            jdbc.sql(
                    "select count(*) from data_imports where kind = 'seed' and status = 'completed'")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void importsAYahooCsvIntoANewSymbolAndReadsItBack() {
    String symbol = newSymbol();
    Response imported =
        upload(
            symbol,
            "1d",
            """
        Date,Open,High,Low,Close,Adj Close,Volume
        2024-01-02,100,105,99,104,103.5,1000
        2024-01-03,104,106,101,102,101.5,1200
        2024-01-04,102,103,98,99,98.5,900
        """,
            Map.of("time_zone", "America/New_York", "market", "NYSE", "name", "Test Corp"));

    assertThat(imported.status()).isEqualTo(201);
    assertThat(imported.json().path("rows_inserted").asInt()).isEqualTo(3);
    assertThat(imported.json().path("status").asString()).isEqualTo("completed");
    JsonNode history = historical("symbol=" + symbol + "&interval=1d").json();
    assertThat(history.path("time_zone").asString()).isEqualTo("America/New_York");
    JsonNode bars = history.path("bars");
    assertThat(bars).hasSize(3);
    assertThat(bars.get(0).path("time").asString()).isEqualTo("2024-01-02T05:00:00Z");
    assertThat(bars.get(1).path("close").asDouble()).isEqualTo(102);
    assertThat(history.path("next_cursor").isNull()).isTrue();
    JsonNode view = api.get("/api/v1/data/symbols/" + symbol, "Authorization", auth).json();
    assertThat(view.path("name").asString()).isEqualTo("Test Corp");
    assertThat(view.path("intervals").get(0).path("bar_count").asLong()).isEqualTo(3);
  }

  @Test
  void reImportingOverlappingDataUpdatesInPlace() {
    String symbol = newSymbol();
    upload(
        symbol,
        "1d",
        "date,open,high,low,close,volume\n2024-01-02,10,11,9,10,1\n2024-01-03,10,11,9,10,1\n",
        Map.of());

    Response again =
        upload(
            symbol,
            "1d",
            "date,open,high,low,close,volume\n2024-01-03,10,12,9,11,2\n2024-01-04,11,12,10,11,3\n",
            Map.of());

    assertThat(again.json().path("rows_inserted").asInt()).isEqualTo(1);
    assertThat(again.json().path("rows_updated").asInt()).isEqualTo(1);
    assertThat(storedBars(own(symbol))).isEqualTo(3);
    assertThat(
            jdbc.sql(
                    "select close from market_data where symbol = ? and \"timestamp\" = '2024-01-03T00:00:00Z'")
                .param(own(symbol))
                .query(Double.class)
                .single())
        .isEqualTo(11);
  }

  @Test
  void aFileWithBadRowsImportsNothingAndListsEveryBadRow() {
    String symbol = newSymbol();
    Response rejected =
        upload(
            symbol,
            "1d",
            """
        date,open,high,low,close,volume
        2024-01-02,10,11,9,10,1
        2024-01-03,10,eleven,9,10,1
        2024-01-04,10,8,9,10,1
        yesterday,10,11,9,10,1
        2024-01-02,10,11,9,10,1
        2024-01-06,10,11,9,10
        """,
            Map.of());

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.problemType()).isEqualTo("/problems/import-rejected");
    List<String> bad = new ArrayList<>();
    rejected
        .json()
        .path("bad_rows")
        .forEach(r -> bad.add(r.path("line").asInt() + ": " + r.path("reason").asString()));
    assertThat(bad)
        .containsExactly(
            "3: high 'eleven' is not a number",
            "4: high 8 is below low 9",
            "5: unreadable time 'yesterday'",
            "6: duplicate time (also on line 2)",
            "7: expected at least 6 fields, found 5");
    assertThat(storedBars(own(symbol))).isZero();
    String importId = rejected.json().path("import_id").asString();
    JsonNode logged = api.get("/api/v1/data/imports/" + importId, "Authorization", auth).json();
    assertThat(logged.path("status").asString()).isEqualTo("failed");
    assertThat(logged.path("bad_rows")).hasSize(5);
  }

  @Test
  void skippingBadRowsImportsTheRestAndSaysWhichWereSkipped() {
    String symbol = newSymbol();
    Response imported =
        upload(
            symbol,
            "1d",
            """
        date,open,high,low,close,volume
        2024-01-02,10,11,9,10,1
        2024-01-03,10,eleven,9,10,1
        2024-01-04,10,11,9,10,1
        2024-01-02,12,13,11,12,1
        """,
            Map.of("skip_bad_rows", "true"));

    assertThat(imported.status()).isEqualTo(201);
    assertThat(imported.json().path("rows_inserted").asInt()).isEqualTo(2);
    assertThat(imported.json().path("rows_skipped").asInt()).isEqualTo(2);
    List<Integer> lines = new ArrayList<>();
    imported.json().path("bad_rows").forEach(r -> lines.add(r.path("line").asInt()));
    assertThat(lines).containsExactly(3, 5);
    // The first of the duplicate times is kept.
    assertThat(
            jdbc.sql(
                    "select open from market_data where symbol = ? and \"timestamp\" = '2024-01-02T00:00:00Z'")
                .param(own(symbol))
                .query(Double.class)
                .single())
        .isEqualTo(10);
  }

  @Test
  void readsBinanceUpbitPandasAndKoreanFormats() {
    String binance = newSymbol();
    // Headerless Binance klines: open time in ms, then OHLCV and more columns.
    upload(
        binance,
        "1h",
        """
        1704067200000,42283.58,42554.57,42261.02,42475.23,1271.68,1704070799999,5.4e7,47134,682,2.9e7,0
        1704070800000,42475.23,42775.00,42431.65,42613.56,1196.37,1704074399999,5.1e7,46011,633,2.7e7,0
        """,
        Map.of());
    assertThat(closes(binance, "1h")).containsExactly(42475.23, 42613.56);

    String upbit = newSymbol();
    upload(
        upbit,
        "1d",
        "market,candle_date_time_utc,candle_date_time_kst,opening_price,high_price,low_price,trade_price,"
            + "candle_acc_trade_volume\nKRW-BTC,2024-01-01T00:00:00,2024-01-01T09:00:00,57000000,58000000,56500000,"
            + "57500000,3000.5\n",
        Map.of("time_zone", "Asia/Seoul"));
    assertThat(firstTime(upbit, "1d")).isEqualTo("2024-01-01T00:00:00Z");

    String pandas = newSymbol();
    upload(
        pandas,
        "1d",
        ",Open,High,Low,Close,Volume\n2013-02-28,801.1,806.99,801.03,801.2,2265800\n",
        Map.of());
    assertThat(closes(pandas, "1d")).containsExactly(801.2);

    String korean = newSymbol();
    upload(
        korean,
        "1d",
        "날짜,시가,고가,저가,종가,거래량\n2024.01.02,\"78,200\",\"79,800\",\"78,200\",\"79,600\",\"17,142,847\"\n",
        Map.of("time_zone", "Asia/Seoul", "market", "KRX", "currency", "KRW"));
    assertThat(closes(korean, "1d")).containsExactly(79600.0);
    // No zone in the file: midnight in Seoul.
    assertThat(firstTime(korean, "1d")).isEqualTo("2024-01-01T15:00:00Z");

    String epoch = newSymbol();
    upload(epoch, "1d", "timestamp,open,high,low,close\n1704153600,1,2,0.5,1.5\n", Map.of());
    assertThat(firstTime(epoch, "1d")).isEqualTo("2024-01-02T00:00:00Z");
  }

  @Autowired MarketDataService marketData;

  @Test
  void loadsBarsIntoTheEnginesColumnsExactlyAsStored() {
    var series =
        marketData.loadSeries(
            "AAPL",
            com.tradingbacktest.engine.series.Interval.D1,
            Instant.parse("2013-03-01T00:00:00Z"),
            Instant.parse("2013-04-01T00:00:00Z"));

    List<JsonNode> expected = new ArrayList<>();
    historical("symbol=AAPL&interval=1d&start=2013-03-01T00:00:00Z&end=2013-04-01T00:00:00Z")
        .json()
        .path("bars")
        .forEach(expected::add);
    assertThat(series.size())
        .isEqualTo(expected.size())
        .isEqualTo(20); // March 2013 had 20 sessions
    for (int i = 0; i < series.size(); i++) {
      assertThat(Instant.ofEpochMilli(series.times()[i]).toString())
          .isEqualTo(expected.get(i).path("time").asString());
      assertThat(series.open()[i]).isEqualTo(expected.get(i).path("open").asDouble());
      assertThat(series.close()[i]).isEqualTo(expected.get(i).path("close").asDouble());
      assertThat(series.volume()[i]).isEqualTo(expected.get(i).path("volume").asDouble());
    }
    assertThat(series.zone()).isEqualTo(java.time.ZoneId.of("America/New_York"));
    assertThat(series.calendar()).isEqualTo(com.tradingbacktest.engine.series.MarketCalendar.STOCK);
    assertThat(
            marketData
                .loadSeries(
                    "AAPL",
                    com.tradingbacktest.engine.series.Interval.D1,
                    Instant.parse("2020-01-01T00:00:00Z"),
                    Instant.parse("2021-01-01T00:00:00Z"))
                .size())
        .isZero();
    // Quotes in a symbol cannot break out of the COPY statement's literal.
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    marketData.loadSeries(
                        "A'; drop table users; --",
                        com.tradingbacktest.engine.series.Interval.D1,
                        Instant.EPOCH,
                        Instant.now())))
        .isInstanceOf(com.tradingbacktest.app.common.error.NotFoundException.class);
  }

  @Test
  void readsEverySeriesInTimeOrderWhateverTheOrderItWasImportedIn() {
    com.tradingbacktest.engine.series.Interval hour = com.tradingbacktest.engine.series.Interval.H1;
    // Newest first, as Upbit exports: a new series loaded as it comes, so stored newest first too.
    String falling = newSymbol();
    upload(falling, "1h", hourly(bar(3, 4), bar(2, 3), bar(1, 2), bar(0, 1)), Map.of());
    // Out of order: imported through staging (the file is read twice), and still every row once.
    String shuffled = newSymbol();
    Response mixed =
        upload(shuffled, "1h", hourly(bar(2, 3), bar(0, 1), bar(3, 4), bar(1, 2)), Map.of());
    // In order, then one bar changed in place, which moves its row to the end of the series' table.
    String updated = newSymbol();
    upload(updated, "1h", hourly(bar(0, 1), bar(1, 9), bar(2, 3), bar(3, 4)), Map.of());
    Response fixed = upload(updated, "1h", hourly(bar(1, 2)), Map.of());

    assertThat(mixed.json().path("rows_inserted").asInt()).isEqualTo(4);
    assertThat(fixed.json().path("rows_updated").asInt()).isEqualTo(1);
    for (String symbol : List.of(falling, shuffled, updated)) {
      var series =
          marketData.loadSeries(
              own(symbol), hour, at("2024-01-01T00:00:00Z"), at("2024-01-02T00:00:00Z"));
      assertThat(series.close()).as(symbol).containsExactly(1, 2, 3, 4);
      assertThat(series.times())
          .as(symbol)
          .containsExactly(
              at("2024-01-01T00:00:00Z").toEpochMilli(),
              at("2024-01-01T01:00:00Z").toEpochMilli(),
              at("2024-01-01T02:00:00Z").toEpochMilli(),
              at("2024-01-01T03:00:00Z").toEpochMilli());
    }
  }

  @Autowired BarImporter importer;

  @Test
  void twoFirstImportsOfOneSeriesAtOnceBothLandOnce() throws Exception {
    String symbol = newSymbol();
    StringBuilder a = new StringBuilder("time,open,high,low,close\n");
    StringBuilder b = new StringBuilder("time,open,high,low,close\n");
    for (int i = 0; i < 2000; i++) {
      String time = at("2024-01-01T00:00:00Z").plusSeconds(60L * i).toString();
      a.append(time).append(",1,1,1,1\n");
      if (i >= 1000) {
        b.append(time).append(",2,2,2,2\n"); // overlaps the second half of a
      }
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> TestBars.importUtc(importer, a.toString(), symbol, "1m"));
      var second = pool.submit(() -> TestBars.importUtc(importer, b.toString(), symbol, "1m"));
      BarImporter.Outcome x = first.get();
      BarImporter.Outcome y = second.get();
      // Whichever came second found the series and merged into it.
      assertThat(x.inserted() + y.inserted()).isEqualTo(2000);
      assertThat(x.stored() && y.stored()).isTrue();
    } finally {
      pool.shutdown();
    }
    assertThat(storedBars(symbol)).isEqualTo(2000);
  }

  @Test
  void pagesThroughLongHistoryByCursor() {
    List<Double> all = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          historical(
                  "symbol=AAPL&interval=1d&limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
              .json();
      page.path("bars").forEach(b -> all.add(b.path("close").asDouble()));
      cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
      pages++;
    } while (cursor != null && pages < 10);

    assertThat(pages).isEqualTo(3);
    assertThat(all).hasSize(252);
    assertThat(all.get(0)).isEqualTo(549.03);
    assertThat(all.get(251)).isEqualTo(561.02);
    Response badCursor = historical("symbol=AAPL&interval=1d&cursor=bm9wZQ");
    assertThat(badCursor.status()).isEqualTo(400);
  }

  @Test
  void resamplesOnTheFlyInTheSymbolsZone() {
    // A KRX stock's session 09:00-15:30 KST is 00:00-06:30 UTC: hourly bars of two sessions.
    String symbol = newSymbol();
    StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
    String[] days = {"2024-01-02", "2024-01-03"};
    int price = 100;
    for (String day : days) {
      for (int h = 0; h < 7; h++) {
        csv.append(day)
            .append("T0")
            .append(h)
            .append(":00:00Z,")
            .append(price)
            .append(',')
            .append(price + 2)
            .append(',')
            .append(price - 1)
            .append(',')
            .append(price + 1)
            .append(",10\n");
        price++;
      }
    }
    upload(symbol, "1h", csv.toString(), Map.of("time_zone", "Asia/Seoul", "market", "KRX"));

    JsonNode daily = historical("symbol=" + symbol + "&interval=1h&resample_to=1d").json();

    // Day 1: open 100, high max = 106 + 2 = 108, low 99, close 106 + 1 = 107, volume 70; labelled
    // at KST midnight.
    assertThat(daily.path("bar_interval").asString()).isEqualTo("1d");
    JsonNode bars = daily.path("bars");
    assertThat(bars).hasSize(2);
    assertThat(bars.get(0).path("time").asString()).isEqualTo("2024-01-01T15:00:00Z");
    assertThat(bars.get(0).path("open").asDouble()).isEqualTo(100);
    assertThat(bars.get(0).path("high").asDouble()).isEqualTo(108);
    assertThat(bars.get(0).path("low").asDouble()).isEqualTo(99);
    assertThat(bars.get(0).path("close").asDouble()).isEqualTo(107);
    assertThat(bars.get(0).path("volume").asDouble()).isEqualTo(70);
    assertThat(bars.get(1).path("open").asDouble()).isEqualTo(107);

    // Paging resampled bars: one bucket per page, the cursor lands on whole buckets.
    JsonNode first = historical("symbol=" + symbol + "&interval=1h&resample_to=4h&limit=1").json();
    JsonNode second =
        historical(
                "symbol="
                    + symbol
                    + "&interval=1h&resample_to=4h&limit=1&cursor="
                    + first.path("next_cursor").asString())
            .json();
    // Session-aligned 4h buckets: 09:00-13:00 KST (4 bars), 13:00-15:30 (3 bars).
    assertThat(first.path("bars").get(0).path("volume").asDouble()).isEqualTo(40);
    assertThat(second.path("bars").get(0).path("volume").asDouble()).isEqualTo(30);
    assertThat(second.path("bars").get(0).path("time").asString())
        .isEqualTo("2024-01-02T04:00:00Z");
  }

  @Test
  void resampledCryptoVolumesReadAsTheDecimalsTheyAdd() {
    String symbol = newSymbol();
    upload(
        symbol,
        "1m",
        """
        timestamp,open,high,low,close,volume
        2024-01-01T00:00:00Z,1,1,1,1,0.1
        2024-01-01T00:01:00Z,1,1,1,1,0.2
        2024-01-01T00:02:00Z,1,1,1,1,434.35381904
        """,
        Map.of("time_zone", "UTC", "asset_class", "crypto"));

    String body = historical("symbol=" + symbol + "&interval=1m&resample_to=5m").body();

    // A plain sum of these doubles is 434.65381904000003.
    assertThat(body).contains("\"volume\":434.65381904}");
  }

  @Test
  void refusesAFinerResampleAndUnknownSymbols() {
    assertThat(historical("symbol=AAPL&interval=1d&resample_to=1h").status()).isEqualTo(422);
    assertThat(historical("symbol=NOPE&interval=1d").status()).isEqualTo(404);
    assertThat(historical("symbol=AAPL&interval=2d").status()).isEqualTo(422);
  }

  @Test
  void onlySignedInUsersImportAndEachSeesOnlyTheirImportLog() {
    String symbol = newSymbol();
    Response anonymous =
        Multipart.upload(
            port,
            json,
            null,
            "x.csv",
            "date,open,high,low,close\n",
            Map.of("symbol", symbol, "interval", "1d"));
    assertThat(anonymous.status()).isEqualTo(401);

    Response mine =
        upload(symbol, "1d", "date,open,high,low,close\n2024-01-02,1,2,0.5,1.5\n", Map.of());
    String other = bearer(api.registerUser("other"));

    assertThat(
            api.get(
                    "/api/v1/data/imports/" + mine.json().path("id").asString(),
                    "Authorization",
                    other)
                .status())
        .isEqualTo(404);
    assertThat(
            api.get("/api/v1/data/imports", "Authorization", auth)
                .json()
                .get(0)
                .path("symbol")
                .asString())
        .isEqualTo(symbol);
    // The data itself is the uploader's own: nobody else reads it.
    assertThat(
            api.get("/api/v1/data/historical?symbol=" + symbol, "Authorization", auth)
                .json()
                .path("bars"))
        .hasSize(1);
    assertThat(api.get("/api/v1/data/historical?symbol=" + symbol, "Authorization", other).status())
        .isEqualTo(404);
  }

  @Test
  void rejectsAnUnreadableHeaderAndBadFields() {
    Response header = upload(newSymbol(), "1d", "when,price\n2024-01-02,1\n", Map.of());
    assertThat(header.status()).isEqualTo(422);
    assertThat(header.json().path("detail").asString())
        .contains("no date/time, open, high, low, close column");

    Response zone =
        upload(
            newSymbol(),
            "1d",
            "date,open,high,low,close\n2024-01-02,1,2,0.5,1.5\n",
            Map.of("time_zone", "Mars/Olympus"));
    assertThat(zone.status()).isEqualTo(422);
    assertThat(zone.body()).contains("time_zone");
  }

  /** A CSV of {@link #bar}s in the order given. */
  private static String hourly(String... bars) {
    return "time,open,high,low,close\n" + String.join("", bars);
  }

  /** The bar of 2024-01-01 at {@code hour} UTC, every price {@code price}. */
  private static String bar(int hour, int price) {
    return String.format(
        Locale.ROOT, "2024-01-01T%02d:00:00Z,%d,%d,%d,%d\n", hour, price, price, price, price);
  }

  private Response upload(String symbol, String interval, String csv, Map<String, String> extra) {
    Map<String, String> fields = new java.util.HashMap<>(extra);
    fields.put("symbol", symbol);
    fields.put("interval", interval);
    return Multipart.upload(port, json, auth, "bars.csv", csv, fields);
  }

  /** GET /api/v1/data/historical?{query} as the signed-in user. */
  private Response historical(String query) {
    return api.get("/api/v1/data/historical?" + query, "Authorization", auth);
  }

  /** Bars stored under a series key ({@link #own} for an upload through the API). */
  private long storedBars(String seriesKey) {
    return jdbc.sql("select count(*) from market_data where symbol = ?")
        .param(seriesKey)
        .query(Long.class)
        .single();
  }

  private List<Double> closes(String symbol, String interval) {
    List<Double> closes = new ArrayList<>();
    historical("symbol=" + symbol + "&interval=" + interval)
        .json()
        .path("bars")
        .forEach(b -> closes.add(b.path("close").asDouble()));
    return closes;
  }

  private String firstTime(String symbol, String interval) {
    return historical("symbol=" + symbol + "&interval=" + interval)
        .json()
        .path("bars")
        .get(0)
        .path("time")
        .asString();
  }

  private static JsonNode find(JsonNode symbols, String symbol) {
    for (JsonNode s : symbols) {
      if (s.path("symbol").asString().equals(symbol)) {
        return s;
      }
    }
    throw new AssertionError(symbol + " not listed");
  }

  private static String newSymbol() {
    return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }

  static Instant at(String iso) {
    return Instant.parse(iso);
  }
}
