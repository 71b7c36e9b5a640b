package com.tradingbacktest.engine.portfolio;

import com.tradingbacktest.engine.sim.Trade;

/**
 * A round trip of one symbol: a position (or, for a rebalanced symbol, the part of it sold) opened
 * and closed. The trade's prices, pnl and costs are in the symbol's currency.
 *
 * @param symbol the leg's symbol
 * @param leg the leg's position in the run's legs
 * @param trade the round trip, bar indices of the symbol's own bars
 * @param pnlInBase the trade's pnl converted at the exit's FX rate
 */
public record PortfolioTrade(String symbol, int leg, Trade trade, double pnlInBase) {

  /**
   * The cash dividends the round trip received while open (negative when a short paid them), in the
   * symbol's currency; a scale-out's parts share them by units, as they share funding.
   */
  public double dividends() {
    return trade.dividends();
  }
}
