package com.tradingbacktest.app.marketdata.fetch;

import java.util.List;
import java.util.Optional;

/**
 * What one fetch brought: the bars, oldest first, and what the exchange said about the instrument
 * when its answers carry that (Yahoo's do; Upbit's and Binance's candles do not).
 */
public record Fetched(List<FetchedBar> bars, Optional<Listing> listing) {

  public Fetched {
    bars = List.copyOf(bars);
  }
}
