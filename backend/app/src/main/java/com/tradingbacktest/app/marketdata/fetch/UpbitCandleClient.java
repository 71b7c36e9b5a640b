package com.tradingbacktest.app.marketdata.fetch;

import com.tradingbacktest.app.marketdata.fetch.FetchException.Kind;
import com.tradingbacktest.engine.series.Interval;
import java.net.http.HttpClient;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Upbit's candles ({@code GET /v1/candles/minutes/{unit}}, {@code /days}, {@code /weeks}), which
 * come newest first, at most 200 a request, ending before {@code to}: paged backwards from the
 * range's end, each page ending where the previous one's oldest candle began, until the range's
 * start is passed or a page comes back empty (before the market's listing). Minutes without trades
 * have no candle.
 */
final class UpbitCandleClient extends ExchangeCandleClient {

  /** Upbit's most candles a request. */
  static final int MAX_PAGE = 200;

  private static final Map<Interval, String> PATHS =
      new EnumMap<>(
          Map.of(
              Interval.M1, "/v1/candles/minutes/1",
              Interval.M5, "/v1/candles/minutes/5",
              Interval.M15, "/v1/candles/minutes/15",
              Interval.H1, "/v1/candles/minutes/60",
              Interval.H4, "/v1/candles/minutes/240",
              Interval.D1, "/v1/candles/days",
              Interval.W1, "/v1/candles/weeks"));

  private final int pageSize;

  UpbitCandleClient(
      FetchSettings settings, HttpClient client, JsonMapper json, FetchTiming timing) {
    this(settings, client, json, timing, MAX_PAGE);
  }

  /**
   * @param pageSize candles asked for a request, at most {@link #MAX_PAGE}; tests page with fewer
   */
  UpbitCandleClient(
      FetchSettings settings,
      HttpClient client,
      JsonMapper json,
      FetchTiming timing,
      int pageSize) {
    super(DataSource.UPBIT, PATHS.keySet(), settings, client, json, timing);
    this.pageSize = Math.min(MAX_PAGE, pageSize);
  }

  @Override
  void fetchPages(FetchRun run) {
    CandleReader reader =
        new CandleReader(
            DataSource.UPBIT,
            run.symbol(),
            "opening_price",
            "high_price",
            "low_price",
            "trade_price",
            "candle_acc_trade_volume");
    // Upbit reads `to` to the second: round up, so a bar opening inside a fractional end is not
    // lost.
    long end = Math.floorDiv(run.to() + 999, 1000) * 1000;
    while (true) {
      JsonNode page =
          get(
              run,
              PATHS.get(run.interval()),
              "market",
              run.symbol(),
              "to",
              Instant.ofEpochMilli(end).toString(),
              "count",
              String.valueOf(pageSize));
      LongSummaryStatistics times = addPage(run, page, "candles", candle -> read(reader, candle));
      if (times.getCount() == 0) {
        return;
      }
      long oldest = times.getMin();
      if (oldest >= end) {
        // Without this the next page would ask for the same `to` again, forever.
        throw new FetchException(
            Kind.MALFORMED,
            "Upbit sent candles at or after the requested end " + Instant.ofEpochMilli(end));
      }
      run.pageDone(run.to() - oldest);
      if (oldest <= run.from()) {
        return;
      }
      end = oldest;
    }
  }

  private static FetchedBar read(CandleReader reader, JsonNode candle) {
    JsonNode utc = candle.path("candle_date_time_utc");
    long time;
    try {
      time = LocalDateTime.parse(utc.asString("")).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw reader.malformed(null, "candle_date_time_utc is not a date-time (" + utc + ")");
    }
    return reader.bar(
        time,
        candle.get(reader.open()),
        candle.get(reader.high()),
        candle.get(reader.low()),
        candle.get(reader.close()),
        candle.get(reader.volume()));
  }

  /**
   * Upbit's errors read {@code {"error":{"name":..., "message":...}}}; an unknown market is 404 or
   * 400.
   */
  @Override
  FetchException error(String symbol, int status, JsonNode body) {
    JsonNode error = body.path("error");
    String name = error.path("name").asString("");
    String message = error.path("message").asString("");
    String both = (name + " " + message).toLowerCase(Locale.ROOT);
    if (status == 404
        || (status == 400 && (both.contains("not found") || both.contains("market")))) {
      return new FetchException(Kind.NOT_FOUND, "Upbit does not know the market " + symbol);
    }
    if (status == 400) {
      return new FetchException(
          Kind.BAD_REQUEST,
          "Upbit rejected the request for "
              + symbol
              + (message.isBlank() ? " (HTTP 400)" : ": " + message));
    }
    return null;
  }
}
