package com.tradingbacktest.app.marketdata;

import java.time.Instant;

/** One OHLCV bar as the API returns it; {@code time} is when the bar opens (UTC). */
record HistoryBar(
    Instant time, double open, double high, double low, double close, double volume) {}
