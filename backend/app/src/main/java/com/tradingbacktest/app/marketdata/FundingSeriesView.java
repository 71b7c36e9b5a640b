package com.tradingbacktest.app.marketdata;

import java.time.Instant;
import java.util.List;

/**
 * A symbol's funding-rate series as the API shows it: what it covers and a page of its rates.
 *
 * @param symbol the ticker
 * @param dataset own (your upload) or shared
 * @param perpetual whether the symbol is a perpetual futures contract (a stored funding series
 *     makes it one), so runs on it may be charged funding
 * @param count rates stored in all
 * @param first the first stored funding time; null when there is none
 * @param last the last stored funding time; null when there is none
 * @param rates a page of rates in the asked range, oldest first
 * @param nextStart pass as {@code start} for the next page; null after the last
 */
public record FundingSeriesView(
    String symbol,
    String dataset,
    boolean perpetual,
    long count,
    Instant first,
    Instant last,
    List<Rate> rates,
    Instant nextStart) {

  /** One funding event: a long pays {@code rate} times its value at {@code time}. */
  public record Rate(Instant time, double rate) {}
}
