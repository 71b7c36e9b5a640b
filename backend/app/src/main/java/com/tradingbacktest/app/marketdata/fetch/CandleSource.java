package com.tradingbacktest.app.marketdata.fetch;

import java.time.Instant;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * One exchange's candle API. Implementations: UpbitCandleClient, BinanceKlineClient,
 * YahooChartClient.
 */
public interface CandleSource {

  DataSource source();

  /**
   * Intervals this source serves, as codes "1m","5m","15m","1h","4h","1d","1w" (those the source
   * supports), finest first.
   */
  Set<String> intervals();

  /**
   * Every bar with open time in [from, to), oldest first (and what the source says of the
   * instrument), fetched page by page; calls progress with the fraction done (0..1) after each page
   * and 1.0 at the end; checks cancelled between pages. An empty range gives an empty list. When
   * {@code to} lies in the future the newest bar may still be forming: callers that keep history
   * should end the range at the last closed bar.
   *
   * @param symbol the exchange's own code: KRW-BTC (Upbit), BTCUSDT (Binance), AAPL or 005930.KS
   *     (Yahoo); trimmed and upper-cased
   * @param interval one of {@link #intervals()}
   * @throws FetchException with a clear, user-facing message (unknown symbol, unsupported interval,
   *     rate limited after retries, server error after retries, malformed response, cancelled)
   */
  Fetched fetch(
      String symbol,
      String interval,
      Instant from,
      Instant to,
      DoubleConsumer progress,
      BooleanSupplier cancelled);
}
