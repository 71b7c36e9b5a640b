package com.tradingbacktest.app.marketdata.fetch;

import com.tradingbacktest.app.marketdata.fetch.FetchException.Kind;
import com.tradingbacktest.engine.series.Interval;
import java.net.http.HttpClient;
import java.util.EnumSet;
import java.util.LongSummaryStatistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binance spot klines ({@code GET /api/v3/klines}), which come oldest first, at most 1000 a
 * request, with {@code startTime} and {@code endTime} both inclusive: paged forwards, each page
 * starting a millisecond after the previous one's newest open time, until the range's end is
 * reached, a page comes back short or empty. Binance's interval codes are ours.
 */
final class BinanceKlineClient extends ExchangeCandleClient {

  /** Binance's most klines a request. */
  static final int MAX_PAGE = 1000;

  /** Binance's error code for a symbol it does not list. */
  private static final int INVALID_SYMBOL = -1121;

  private final int pageSize;

  BinanceKlineClient(
      FetchSettings settings, HttpClient client, JsonMapper json, FetchTiming timing) {
    this(settings, client, json, timing, MAX_PAGE);
  }

  /**
   * @param pageSize klines asked for a request, at most {@link #MAX_PAGE}; tests page with fewer
   */
  BinanceKlineClient(
      FetchSettings settings,
      HttpClient client,
      JsonMapper json,
      FetchTiming timing,
      int pageSize) {
    super(DataSource.BINANCE, EnumSet.allOf(Interval.class), settings, client, json, timing);
    this.pageSize = Math.min(MAX_PAGE, pageSize);
  }

  @Override
  void fetchPages(FetchRun run) {
    CandleReader reader =
        new CandleReader(
            DataSource.BINANCE,
            run.symbol(),
            "open (index 1)",
            "high (index 2)",
            "low (index 3)",
            "close (index 4)",
            "volume (index 5)");
    long start = run.from();
    long end = run.to() - 1;
    while (true) {
      JsonNode page =
          get(
              run,
              "/api/v3/klines",
              "symbol",
              run.symbol(),
              "interval",
              run.interval().code(),
              "startTime",
              String.valueOf(start),
              "endTime",
              String.valueOf(end),
              "limit",
              String.valueOf(pageSize));
      LongSummaryStatistics times = addPage(run, page, "klines", kline -> read(reader, kline));
      if (times.getCount() == 0) {
        return;
      }
      long newest = times.getMax();
      if (newest < start) {
        // Without this the next page would start at the same place again, forever.
        throw new FetchException(Kind.MALFORMED, "Binance sent klines before the requested start");
      }
      run.pageDone(newest + run.interval().duration().toMillis() - run.from());
      if (page.size() < pageSize || newest >= end) {
        return;
      }
      start = newest + 1;
    }
  }

  /** {@code [openTime, "open", "high", "low", "close", "volume", closeTime, ...]}. */
  private static FetchedBar read(CandleReader reader, JsonNode kline) {
    if (!kline.isArray() || kline.size() < 6) {
      throw reader.malformed(
          null, "a kline is not an array of at least 6 values (" + abbreviated(kline) + ")");
    }
    JsonNode openTime = kline.get(0);
    if (!openTime.isIntegralNumber()) {
      throw reader.malformed(
          null, "open time (index 0) is not a whole number (" + abbreviated(openTime) + ")");
    }
    long time = openTime.longValue();
    return reader.bar(time, kline.get(1), kline.get(2), kline.get(3), kline.get(4), kline.get(5));
  }

  /** Binance's errors read {@code {"code":-1121,"msg":"Invalid symbol."}}. */
  @Override
  FetchException error(String symbol, int status, JsonNode body) {
    int code = body.path("code").asInt(0);
    String message = body.path("msg").asString("");
    if (code == INVALID_SYMBOL) {
      return new FetchException(Kind.NOT_FOUND, "Binance does not know the symbol " + symbol);
    }
    if (status == 400) {
      return new FetchException(
          Kind.BAD_REQUEST,
          "Binance rejected the request for "
              + symbol
              + (message.isBlank() ? " (HTTP 400)" : ": " + message));
    }
    return null;
  }

  private static String abbreviated(JsonNode node) {
    String text = node.toString();
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
