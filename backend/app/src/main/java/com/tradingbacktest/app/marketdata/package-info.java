/**
 * Market data: symbols, stored OHLCV bars per interval, history reads (with on-the-fly resampling),
 * CSV imports through PostgreSQL COPY, exchange fetchers and the sample data seeded on first start.
 * A CSV upload is its uploader's own series; shared series change only through exchange fetches and
 * administrators. Other features read bars through {@link
 * com.tradingbacktest.app.marketdata.MarketDataService}.
 */
package com.tradingbacktest.app.marketdata;
