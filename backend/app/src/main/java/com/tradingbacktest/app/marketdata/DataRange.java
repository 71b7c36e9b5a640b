package com.tradingbacktest.app.marketdata;

import java.time.Instant;

/**
 * The bars stored for one interval of a symbol.
 *
 * @param interval the interval code (1m, 1d, ...)
 * @param firstBar open time of the first bar
 * @param lastBar open time of the last bar
 * @param barCount how many bars
 * @param priceBasis the basis the bars are stored in: {@code raw} or {@code split_adjusted}
 */
public record DataRange(
    String interval, Instant firstBar, Instant lastBar, long barCount, String priceBasis) {}
