package com.tradingbacktest.app.marketdata;

/**
 * A symbol's stored funding rates over a span, as columns: what a run is charged.
 *
 * @param times funding times, epoch ms UTC, strictly ascending
 * @param rates the rate at each time (a long pays it)
 */
public record FundingSeries(long[] times, double[] rates) {

  public int size() {
    return times.length;
  }
}
