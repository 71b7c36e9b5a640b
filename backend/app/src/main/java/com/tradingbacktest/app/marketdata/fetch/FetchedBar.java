package com.tradingbacktest.app.marketdata.fetch;

/**
 * A fetched OHLCV bar, as the exchange reported it (prices are not adjusted for dividends).
 *
 * @param time the bar's open time, epoch milliseconds UTC
 * @param open first trade price of the bar, in the quote currency
 * @param high highest trade price, in the quote currency
 * @param low lowest trade price, in the quote currency
 * @param close last trade price, in the quote currency
 * @param volume quantity traded in base units (shares, coins)
 */
public record FetchedBar(
    long time, double open, double high, double low, double close, double volume) {}
