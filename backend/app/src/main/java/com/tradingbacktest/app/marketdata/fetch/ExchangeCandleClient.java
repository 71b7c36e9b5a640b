package com.tradingbacktest.app.marketdata.fetch;

import com.tradingbacktest.app.marketdata.fetch.FetchException.Kind;
import com.tradingbacktest.engine.series.Interval;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every exchange client does the same way: checking the symbol and interval, the empty range,
 * each request (cancellation first, then paced and retried by {@link ExchangeHttp}), the final
 * progress report and the ordered, deduplicated result. Subclasses only fetch the pages and read
 * their exchange's answers.
 */
abstract class ExchangeCandleClient implements CandleSource {

  /**
   * Letters, digits and the few marks real symbols use (KRW-BTC, 005930.KS, ^KS11, KRW=X, BRK-B),
   * so a symbol can never change the path or query it is put into.
   */
  private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9.^=_-]{1,40}");

  private final DataSource source;
  private final Set<Interval> supported;
  private final Set<String> codes;
  private final String baseUrl;
  private final ExchangeHttp http;

  ExchangeCandleClient(
      DataSource source,
      Collection<Interval> supported,
      FetchSettings settings,
      HttpClient client,
      JsonMapper json,
      FetchTiming timing) {
    this.source = source;
    this.baseUrl = settings.baseUrl(source);
    this.http = new ExchangeHttp(source, client, json, settings, timing);
    this.supported = EnumSet.copyOf(supported);
    Set<String> codes = new LinkedHashSet<>();
    this.supported.forEach(interval -> codes.add(interval.code()));
    this.codes = Collections.unmodifiableSet(codes);
  }

  @Override
  public final DataSource source() {
    return source;
  }

  @Override
  public final Set<String> intervals() {
    return codes;
  }

  @Override
  public final Fetched fetch(
      String symbol,
      String interval,
      Instant from,
      Instant to,
      DoubleConsumer progress,
      BooleanSupplier cancelled) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(cancelled, "cancelled");
    FetchRun run =
        new FetchRun(
            source,
            symbol(symbol),
            interval(interval),
            from.toEpochMilli(),
            to.toEpochMilli(),
            progress,
            cancelled);
    if (run.from() < run.to()) {
      fetchPages(run);
    }
    return run.finish();
  }

  /**
   * Fetches pages until the run's range is covered or the source has no more, adding their bars.
   */
  abstract void fetchPages(FetchRun run);

  /**
   * What an error answer of this exchange about {@code symbol} means, or null to let the generic
   * reading of the status stand (see {@link ExchangeHttp.ErrorReader}).
   */
  abstract FetchException error(String symbol, int status, JsonNode body);

  /**
   * The parsed answer to {@code GET path?query} of this exchange, for {@code run}: throws CANCELLED
   * first when the run is cancelled.
   *
   * @param query names and values, alternating
   */
  final JsonNode get(FetchRun run, String path, String... query) {
    run.checkCancelled();
    return http.get(
        ExchangeHttp.uri(baseUrl, path, query),
        run.cancelled(),
        (status, body) -> error(run.symbol(), status, body));
  }

  /**
   * Adds the bars of a page that is a JSON list of candles, each read by {@code read}, to the run.
   *
   * @param candles what the exchange calls them, for the message when the page is not a list
   * @return the open times of the page's bars: no count for an empty page (the source has no more)
   */
  final LongSummaryStatistics addPage(
      FetchRun run, JsonNode page, String candles, Function<JsonNode, FetchedBar> read) {
    if (!page.isArray()) {
      throw new FetchException(
          Kind.MALFORMED, source.displayName() + " sent " + candles + " that are not a list");
    }
    LongSummaryStatistics times = new LongSummaryStatistics();
    for (JsonNode candle : page) {
      FetchedBar bar = read.apply(candle);
      run.add(bar);
      times.accept(bar.time());
    }
    return times;
  }

  private String symbol(String symbol) {
    String normalised = symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
    if (!SYMBOL.matcher(normalised).matches()) {
      throw new FetchException(
          Kind.BAD_REQUEST, "'" + symbol + "' is not a valid " + source.displayName() + " symbol");
    }
    return normalised;
  }

  private Interval interval(String code) {
    for (Interval interval : supported) {
      if (interval.code().equals(code)) {
        return interval;
      }
    }
    throw new FetchException(
        Kind.BAD_REQUEST,
        source.displayName()
            + " has no "
            + code
            + " candles; choose one of "
            + String.join(", ", codes));
  }
}
