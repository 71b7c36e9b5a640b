package com.tradingbacktest.app.marketdata.fetch;

import com.tradingbacktest.app.marketdata.fetch.FetchException.Kind;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binance USD-M futures funding history ({@code GET /fapi/v1/fundingRate}), which comes oldest
 * first, at most 1000 a request, with {@code startTime} and {@code endTime} both inclusive: paged
 * forwards from a millisecond after the newest funding time until the range's end is reached or a
 * page comes back short or empty. Each entry reads {@code {"symbol", "fundingTime", "fundingRate",
 * "markPrice"}}; the rate and mark price are decimal strings. Requests go through the same pacing
 * and retries as the candle clients ({@link ExchangeHttp}), to the futures API's own root.
 */
public final class BinanceFundingClient {

  /** Binance's most funding entries a request. */
  static final int MAX_PAGE = 1000;

  /**
   * The most entries one fetch keeps: a century of 8-hourly funding. A range beyond it is refused
   * before any request, so a fetch is bounded in requests and memory whatever it is asked for.
   */
  public static final int MAX_RATES = 110_000;

  /** Binance's futures symbols: letters and digits (BTCUSDT, 1000PEPEUSDT). */
  private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,30}");

  private static final int INVALID_SYMBOL = -1121;

  private final String baseUrl;
  private final ExchangeHttp http;
  private final int pageSize;

  BinanceFundingClient(
      FetchSettings settings, HttpClient client, JsonMapper json, FetchTiming timing) {
    this(settings, client, json, timing, MAX_PAGE);
  }

  /**
   * @param pageSize entries asked for a request, at most {@link #MAX_PAGE}; tests page with fewer
   */
  BinanceFundingClient(
      FetchSettings settings,
      HttpClient client,
      JsonMapper json,
      FetchTiming timing,
      int pageSize) {
    this.baseUrl = settings.binanceFuturesUrl();
    this.http = new ExchangeHttp(DataSource.BINANCE, client, json, settings, timing);
    this.pageSize = Math.min(MAX_PAGE, pageSize);
  }

  /**
   * Every funding event of {@code symbol} in [from, to), oldest first, one per time (the first
   * answer for a time wins); checks {@code cancelled} between pages.
   *
   * @param symbol Binance's futures symbol (BTCUSDT); trimmed and upper-cased
   * @throws FetchException with a message fit for the user: unknown symbol, malformed answer, rate
   *     limited or unavailable after retries, cancelled
   */
  public List<FundingRate> fetch(
      String symbol, Instant from, Instant to, BooleanSupplier cancelled) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    String code = symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
    if (!SYMBOL.matcher(code).matches()) {
      throw new FetchException(
          Kind.BAD_REQUEST, "'" + symbol + "' is not a valid Binance futures symbol");
    }
    TreeMap<Long, FundingRate> rates = new TreeMap<>();
    long start = from.toEpochMilli();
    long end = to.toEpochMilli() - 1;
    while (start <= end) {
      if (cancelled.getAsBoolean()) {
        throw new FetchException(Kind.CANCELLED, "The funding fetch from Binance was cancelled");
      }
      JsonNode page =
          http.get(
              ExchangeHttp.uri(
                  baseUrl,
                  "/fapi/v1/fundingRate",
                  "symbol",
                  code,
                  "startTime",
                  String.valueOf(start),
                  "endTime",
                  String.valueOf(end),
                  "limit",
                  String.valueOf(pageSize)),
              cancelled,
              (status, body) -> error(code, status, body));
      if (!page.isArray()) {
        throw new FetchException(Kind.MALFORMED, "Binance sent funding rates that are not a list");
      }
      long newest = Long.MIN_VALUE;
      for (JsonNode entry : page) {
        FundingRate rate = read(code, entry);
        if (rate.time() >= from.toEpochMilli() && rate.time() <= end) {
          rates.putIfAbsent(rate.time(), rate);
        }
        newest = Math.max(newest, rate.time());
      }
      if (rates.size() > MAX_RATES) {
        throw new FetchException(
            Kind.BAD_REQUEST,
            "More than " + MAX_RATES + " funding rates in the range; fetch a shorter one");
      }
      if (page.isEmpty() || page.size() < pageSize) {
        break;
      }
      if (newest < start) {
        // Without this the next page would start at the same place again, forever.
        throw new FetchException(
            Kind.MALFORMED, "Binance sent funding rates before the requested start");
      }
      start = newest + 1;
    }
    return new ArrayList<>(rates.values());
  }

  private static FundingRate read(String symbol, JsonNode entry) {
    JsonNode time = entry.path("fundingTime");
    if (!time.isIntegralNumber()) {
      throw malformed(symbol, "fundingTime is not a whole number (" + abbreviated(time) + ")");
    }
    JsonNode value = entry.path("fundingRate");
    double rate;
    try {
      rate = value.isNumber() ? value.doubleValue() : Double.parseDouble(value.asString(""));
    } catch (NumberFormatException e) {
      rate = Double.NaN;
    }
    if (!Double.isFinite(rate) || Math.abs(rate) >= 1) {
      throw malformed(
          symbol,
          "fundingRate at "
              + Instant.ofEpochMilli(time.longValue())
              + " is not a rate between -1 and 1 ("
              + abbreviated(value)
              + ")");
    }
    return new FundingRate(time.longValue(), rate);
  }

  private static FetchException malformed(String symbol, String problem) {
    return new FetchException(
        Kind.MALFORMED, "Binance sent a malformed funding rate for " + symbol + ": " + problem);
  }

  /** Binance's errors read {@code {"code":-1121,"msg":"Invalid symbol."}}. */
  private static FetchException error(String symbol, int status, JsonNode body) {
    int code = body.path("code").asInt(0);
    String message = body.path("msg").asString("");
    if (code == INVALID_SYMBOL) {
      return new FetchException(
          Kind.NOT_FOUND, "Binance futures does not know the symbol " + symbol);
    }
    if (status == 400) {
      return new FetchException(
          Kind.BAD_REQUEST,
          "Binance rejected the funding request for "
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
