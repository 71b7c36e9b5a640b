package com.tradingbacktest.app.marketdata.fetch;

import com.tradingbacktest.app.marketdata.fetch.FetchException.Kind;
import com.tradingbacktest.engine.prices.CorporateAction;
import com.tradingbacktest.engine.series.Interval;
import java.net.http.HttpClient;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.IntNode;

/**
 * Yahoo Finance's chart API ({@code GET /v8/finance/chart/{ticker}}), which answers a whole range
 * at once, with gaps (holidays, halted minutes) as nulls that are skipped. Intraday data is kept
 * only for a while and served in limited spans: 1m for the last 30 days, 7 days a request; 5m and
 * 15m for the last 60 days; 1h (Yahoo's 60m) for the last 730 days. A range reaching further back
 * fails at once, naming the limit, rather than being cut short unnoticed; a longer span is fetched
 * in windows. Times are kept as Yahoo gives them: daily bars open at the session's start in the
 * exchange's zone (09:00 KST for 005930.KS), not at UTC midnight.
 */
final class YahooChartClient extends ExchangeCandleClient {

  /**
   * Yahoo's code for an interval, the longest span one request may cover and how far back the data
   * goes (null: no limit).
   */
  private record Limits(String code, Duration window, Duration history) {}

  private static final Map<Interval, Limits> LIMITS =
      new EnumMap<>(
          Map.of(
              Interval.M1, new Limits("1m", Duration.ofDays(7), Duration.ofDays(30)),
              Interval.M5, new Limits("5m", Duration.ofDays(60), Duration.ofDays(60)),
              Interval.M15, new Limits("15m", Duration.ofDays(60), Duration.ofDays(60)),
              Interval.H1, new Limits("60m", Duration.ofDays(730), Duration.ofDays(730)),
              Interval.D1, new Limits("1d", null, null),
              Interval.W1, new Limits("1wk", null, null)));

  private final FetchTiming timing;

  YahooChartClient(FetchSettings settings, HttpClient client, JsonMapper json, FetchTiming timing) {
    super(DataSource.YAHOO, LIMITS.keySet(), settings, client, json, timing);
    this.timing = timing;
  }

  @Override
  void fetchPages(FetchRun run) {
    Limits limits = LIMITS.get(run.interval());
    if (limits.history() != null) {
      // To the next whole minute: a start this message suggests must pass the check.
      Instant earliest =
          timing.now().minus(limits.history()).truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
      if (run.from() < earliest.toEpochMilli()) {
        throw new FetchException(
            Kind.BAD_REQUEST,
            "Yahoo Finance keeps "
                + run.interval().code()
                + " bars for the last "
                + limits.history().toDays()
                + " days only; start the range at "
                + earliest
                + " or later, or choose a longer interval");
      }
    }
    CandleReader reader =
        new CandleReader(DataSource.YAHOO, run.symbol(), "open", "high", "low", "close", "volume");
    // '^' (indices such as ^KS11) is the one character a symbol may hold that a URI path may not.
    String path = "/v8/finance/chart/" + run.symbol().replace("^", "%5E");
    long window = limits.window() == null ? Long.MAX_VALUE : limits.window().toMillis();
    long start = run.from();
    while (start < run.to()) {
      long end = run.to() - start <= window ? run.to() : start + window;
      JsonNode body =
          get(
              run,
              path,
              "period1",
              String.valueOf(Math.floorDiv(start, 1000)),
              "period2",
              String.valueOf(Math.floorDiv(end + 999, 1000)),
              "interval",
              limits.code(),
              "includePrePost",
              "false",
              "events",
              "div,splits");
      read(reader, run, body);
      run.pageDone(end - run.from());
      start = end;
    }
  }

  /**
   * {@code {"chart":{"result":[{"timestamp":[...], "indicators":{"quote":[{"open":[...],
   * ...}]}}]}}}, timestamps in epoch seconds; a window without trading has no {@code timestamp} at
   * all.
   */
  private void read(CandleReader reader, FetchRun run, JsonNode body) {
    JsonNode chart = body.path("chart");
    if (chart.path("error").isObject()) {
      FetchException error = error(run.symbol(), 200, body);
      throw error != null
          ? error
          : new FetchException(
              Kind.BAD_REQUEST,
              "Yahoo Finance refused the request for "
                  + run.symbol()
                  + ": "
                  + chart.path("error").path("description").asString("no reason given"));
    }
    JsonNode result = chart.path("result").path(0);
    if (!result.isObject()) {
      throw new FetchException(
          Kind.MALFORMED, "Yahoo Finance sent a chart for " + run.symbol() + " without a result");
    }
    Listing listing = listing(result.path("meta"));
    run.describe(listing);
    events(
        run,
        result.path("events"),
        listing.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(listing.timeZone()));
    JsonNode timestamps = result.path("timestamp");
    if (timestamps.isMissingNode() || timestamps.isNull()) {
      return;
    }
    if (!timestamps.isArray()) {
      throw reader.malformed(null, "timestamp is not a list");
    }
    JsonNode quote = result.path("indicators").path("quote").path(0);
    int count = timestamps.size();
    JsonNode open = column(reader, quote, "open", count);
    JsonNode high = column(reader, quote, "high", count);
    JsonNode low = column(reader, quote, "low", count);
    JsonNode close = column(reader, quote, "close", count);
    JsonNode volume = column(reader, quote, "volume", count);
    for (int i = 0; i < count; i++) {
      JsonNode timestamp = timestamps.get(i);
      if (!timestamp.isIntegralNumber()) {
        throw reader.malformed(
            null, "timestamp[" + i + "] is not a whole number (" + timestamp + ")");
      }
      if (open.get(i).isNull()
          || high.get(i).isNull()
          || low.get(i).isNull()
          || close.get(i).isNull()) {
        continue;
      }
      JsonNode quantity = volume.get(i).isNull() ? IntNode.valueOf(0) : volume.get(i);
      run.add(
          reader.bar(
              timestamp.longValue() * 1000,
              open.get(i),
              high.get(i),
              low.get(i),
              close.get(i),
              quantity));
    }
  }

  /**
   * {@code events: {dividends: {"<epoch s>": {amount, date}}, splits: {"<epoch s>": {date,
   * numerator, denominator, splitRatio}}}}, dates in epoch seconds at the session's open, read as
   * days in the exchange's zone. A split's ratio is numerator / denominator (4:1 is 4, 1:10 a
   * reverse split of 0.1); {@code splitRatio} ("4:1") stands in when they are missing. A dividend's
   * amount is kept as Yahoo states it (split-adjusted). Anything malformed fails the fetch, naming
   * the event: a wrong split silently stored would corrupt every adjusted price before it.
   */
  private static void events(FetchRun run, JsonNode events, ZoneId zone) {
    for (JsonNode d : events.path("dividends")) {
      LocalDate date = eventDate(run, d, "dividend", zone);
      JsonNode amount = d.path("amount");
      if (!amount.isNumber()
          || !(amount.doubleValue() > 0)
          || !Double.isFinite(amount.doubleValue())) {
        throw new FetchException(
            Kind.MALFORMED,
            "Yahoo Finance sent a dividend of "
                + run.symbol()
                + " on "
                + date
                + " with amount "
                + amount
                + "; expected a positive number");
      }
      run.action(new CorporateAction.CashDividend(date, amount.doubleValue()));
    }
    for (JsonNode s : events.path("splits")) {
      LocalDate date = eventDate(run, s, "split", zone);
      double ratio = splitRatio(s);
      if (!(ratio > 0) || !Double.isFinite(ratio) || ratio == 1) {
        throw new FetchException(
            Kind.MALFORMED,
            "Yahoo Finance sent a split of "
                + run.symbol()
                + " on "
                + date
                + " with ratio "
                + s.path("splitRatio").asString(s.path("numerator") + "/" + s.path("denominator"))
                + "; expected two positive numbers");
      }
      run.action(new CorporateAction.Split(date, ratio));
    }
  }

  private static LocalDate eventDate(FetchRun run, JsonNode event, String kind, ZoneId zone) {
    JsonNode date = event.path("date");
    if (!date.isIntegralNumber()) {
      throw new FetchException(
          Kind.MALFORMED,
          "Yahoo Finance sent a "
              + kind
              + " of "
              + run.symbol()
              + " without a date ("
              + event
              + ")");
    }
    return Instant.ofEpochSecond(date.longValue()).atZone(zone).toLocalDate();
  }

  /** numerator / denominator, or Yahoo's "4:1"; NaN when neither reads. */
  private static double splitRatio(JsonNode split) {
    JsonNode numerator = split.path("numerator");
    JsonNode denominator = split.path("denominator");
    if (numerator.isNumber() && denominator.isNumber() && denominator.doubleValue() != 0) {
      return numerator.doubleValue() / denominator.doubleValue();
    }
    String[] parts = split.path("splitRatio").asString("").split("[:/]", -1);
    try {
      return parts.length == 2
          ? Double.parseDouble(parts[0].trim()) / Double.parseDouble(parts[1].trim())
          : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Yahoo's exchange codes (meta.exchangeName) of the markets the platform names. */
  private static final Map<String, String> MARKETS =
      Map.ofEntries(
          Map.entry("NMS", "NASDAQ"),
          Map.entry("NGM", "NASDAQ"),
          Map.entry("NCM", "NASDAQ"),
          Map.entry("NAS", "NASDAQ"),
          Map.entry("NYQ", "NYSE"),
          Map.entry("PCX", "NYSE"),
          Map.entry("ASE", "NYSE"),
          // S&P Dow Jones' indices (^GSPC, ^SP500TR) follow the US market's days and hours.
          Map.entry("SNP", "NYSE"),
          Map.entry("KSC", "KRX"),
          Map.entry("KOE", "KRX"),
          Map.entry("KNX", "KRX"));

  private static final Map<String, String> ASSET_CLASSES =
      Map.of(
          "EQUITY",
          "stock",
          "ETF",
          "etf",
          "INDEX",
          "index",
          "CURRENCY",
          "fx",
          "CRYPTOCURRENCY",
          "crypto");

  /** Currencies Yahoo quotes in their minor unit, and the codes markets use for those units. */
  private static final Map<String, String> MINOR_UNITS = Map.of("GBp", "GBX", "ZAc", "ZAC");

  /**
   * The chart's {@code meta}: {@code exchangeName} (NMS, PCX, KSC, ...), {@code instrumentType}
   * (EQUITY, ETF, ...), {@code currency}, {@code exchangeTimezoneName} and, in newer answers,
   * {@code longName} and {@code shortName}. Yahoo quotes London in pence ("GBp") and Johannesburg
   * in cents ("ZAc"): those become GBX and ZAC, never GBP or ZAR, which would be a hundred times
   * off.
   */
  static Listing listing(JsonNode meta) {
    String name = text(meta, "longName");
    if (name == null) {
      name = text(meta, "shortName");
    }
    String exchange = text(meta, "exchangeName");
    String market =
        exchange == null ? null : MARKETS.getOrDefault(exchange.toUpperCase(Locale.ROOT), "CUSTOM");
    String type = text(meta, "instrumentType");
    String assetClass =
        type == null ? null : ASSET_CLASSES.getOrDefault(type.toUpperCase(Locale.ROOT), "other");
    String currency = text(meta, "currency");
    currency = currency == null ? null : MINOR_UNITS.getOrDefault(currency, currency);
    if (currency != null && !currency.matches("[A-Z]{3}")) {
      currency = null;
    }
    String zone = text(meta, "exchangeTimezoneName");
    if (zone != null) {
      try {
        zone = ZoneId.of(zone).getId();
      } catch (DateTimeException e) {
        zone = null;
      }
    }
    return new Listing(name, market, assetClass, currency, zone);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() && !value.asString().isBlank() ? value.asString().trim() : null;
  }

  private static JsonNode column(CandleReader reader, JsonNode quote, String name, int count) {
    JsonNode column = quote.path(name);
    if (!column.isArray() || column.size() != count) {
      throw reader.malformed(
          null,
          count
              + " timestamps but "
              + (column.isArray() ? column.size() : "no")
              + " "
              + name
              + " values");
    }
    return column;
  }

  /**
   * Yahoo's errors read {@code {"chart":{"result":null,"error":{"code":"Not
   * Found","description":...}}}}; an unknown ticker is 404, a range or interval it will not serve
   * 400 or 422.
   */
  @Override
  FetchException error(String symbol, int status, JsonNode body) {
    JsonNode error = body.path("chart").path("error");
    String code = error.path("code").asString("");
    String description = error.path("description").asString("");
    if (status == 404 || code.equalsIgnoreCase("Not Found")) {
      return new FetchException(Kind.NOT_FOUND, "Yahoo Finance does not know the ticker " + symbol);
    }
    if (status == 400
        || status == 422
        || code.equalsIgnoreCase("Bad Request")
        || code.equalsIgnoreCase("Unprocessable Entity")) {
      return new FetchException(
          Kind.BAD_REQUEST,
          "Yahoo Finance rejected the request for "
              + symbol
              + (description.isBlank() ? " (HTTP " + status + ")" : ": " + description));
    }
    return null;
  }
}
