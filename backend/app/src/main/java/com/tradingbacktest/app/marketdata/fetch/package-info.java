/**
 * Exchange candle fetchers (the seed's data_fetcher): Upbit, Binance spot and Yahoo Finance over
 * {@code java.net.http}, paged until a range is covered, paced per source, retried with backoff on
 * rate limits and outages, and every bar checked at the door. The rest of the market data feature
 * reaches them through {@link com.tradingbacktest.app.marketdata.fetch.CandleSources}; failures
 * arrive as {@link com.tradingbacktest.app.marketdata.fetch.FetchException} with a message fit for
 * the user.
 */
package com.tradingbacktest.app.marketdata.fetch;
