package com.tradingbacktest.app.marketdata.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.Test;

class CandleSourcesTests {

  @Test
  void findsASourceByItsDataSource() {
    CandleSource binance = new Fake(DataSource.BINANCE);
    CandleSources sources = CandleSources.of(new Fake(DataSource.UPBIT), binance);

    assertThat(sources.get(DataSource.BINANCE)).isSameAs(binance);
    assertThat(sources.find(DataSource.YAHOO)).isEmpty();
    assertThat(sources.all())
        .extracting(CandleSource::source)
        .containsExactly(DataSource.UPBIT, DataSource.BINANCE);
  }

  @Test
  void aMissingSourceIsAnError() {
    CandleSources sources = CandleSources.of(new Fake(DataSource.UPBIT));

    assertThatThrownBy(() -> sources.get(DataSource.YAHOO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No candle source for YAHOO");
  }

  @Test
  void refusesTwoSourcesForOneDataSource() {
    assertThatThrownBy(
            () -> CandleSources.of(new Fake(DataSource.UPBIT), new Fake(DataSource.UPBIT)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dataSourcesHaveTheCodesSymbolsAreStoredWith() {
    assertThat(List.of(DataSource.values()))
        .extracting(DataSource::code)
        .containsExactly("upbit", "binance", "yahoo");
  }

  private record Fake(DataSource source) implements CandleSource {

    @Override
    public Set<String> intervals() {
      return Set.of("1d");
    }

    @Override
    public Fetched fetch(
        String symbol,
        String interval,
        Instant from,
        Instant to,
        DoubleConsumer progress,
        BooleanSupplier cancelled) {
      return new Fetched(List.of(), Optional.empty());
    }
  }
}
