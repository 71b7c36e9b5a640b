package com.tradingbacktest.app.marketdata.fetch;

import com.tradingbacktest.engine.prices.CorporateAction;
import java.util.List;
import java.util.Optional;

/**
 * What one fetch brought: the bars, oldest first, what the exchange said about the instrument when
 * its answers carry that (Yahoo's do; Upbit's and Binance's candles do not), and the splits and
 * dividends its answers listed in the range (Yahoo's events).
 *
 * @param actions splits and cash dividends by ex-date (a day in the exchange's zone), as the source
 *     states them: Yahoo's dividend amounts are split-adjusted (per share of today), which the
 *     importer turns into raw amounts
 */
public record Fetched(
    List<FetchedBar> bars, Optional<Listing> listing, List<CorporateAction> actions) {

  public Fetched {
    bars = List.copyOf(bars);
    actions = List.copyOf(actions);
  }

  /** Bars without events. */
  public Fetched(List<FetchedBar> bars, Optional<Listing> listing) {
    this(bars, listing, List.of());
  }
}
