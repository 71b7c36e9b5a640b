package com.tradingbacktest.app.marketdata.fetch;

/**
 * One funding event of a perpetual futures contract.
 *
 * @param time when funding was charged, epoch ms UTC
 * @param rate the fraction of a position's value a long pays at that time (a short receives it);
 *     negative when shorts pay
 */
public record FundingRate(long time, double rate) {}
