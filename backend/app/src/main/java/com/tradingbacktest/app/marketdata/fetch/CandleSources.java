package com.tradingbacktest.app.marketdata.fetch;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The candle sources the app can fetch from, one per {@link DataSource}. */
public final class CandleSources {

  private final Map<DataSource, CandleSource> bySource = new EnumMap<>(DataSource.class);

  CandleSources(Collection<? extends CandleSource> sources) {
    for (CandleSource source : sources) {
      if (bySource.putIfAbsent(source.source(), source) != null) {
        throw new IllegalArgumentException("Two candle sources for " + source.source());
      }
    }
  }

  /**
   * Any set of sources, one per {@link DataSource}; for tests that stand in fakes for the
   * exchanges.
   */
  public static CandleSources of(CandleSource... sources) {
    return new CandleSources(List.of(sources));
  }

  /** The source for {@code source}; throws {@link IllegalArgumentException} when there is none. */
  public CandleSource get(DataSource source) {
    return find(source)
        .orElseThrow(() -> new IllegalArgumentException("No candle source for " + source));
  }

  public Optional<CandleSource> find(DataSource source) {
    return Optional.ofNullable(bySource.get(source));
  }

  /** All sources, in {@link DataSource} order. */
  public List<CandleSource> all() {
    return List.copyOf(bySource.values());
  }
}
