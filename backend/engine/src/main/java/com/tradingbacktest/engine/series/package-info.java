/**
 * Bars as columns: {@link com.tradingbacktest.engine.series.BarSeries} with its interval, market
 * calendar and time zone; validation; resampling to coarser intervals.
 */
package com.tradingbacktest.engine.series;
