package com.tradingbacktest.app.marketdata.fetch;

import com.tradingbacktest.app.marketdata.fetch.FetchException.Kind;
import com.tradingbacktest.engine.series.Interval;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.regex.Pattern;

/**
 * What every exchange client does the same way: checking the symbol and interval, the empty range,
 * the final progress report and the ordered, deduplicated result. Subclasses only fetch the pages.
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

  ExchangeCandleClient(DataSource source, Collection<Interval> supported) {
    this.source = source;
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
