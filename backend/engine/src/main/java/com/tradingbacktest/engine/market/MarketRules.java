package com.tradingbacktest.engine.market;

/** Placeholder of the krx lane's market rules (replaced at merge). */
public record MarketRules(Board board, boolean priceLimits) {

  public static MarketRules none() {
    return new MarketRules(null, false);
  }

  public static MarketRules krx(Board board) {
    return new MarketRules(board, true);
  }

  public MarketRules withPriceLimits(boolean on) {
    return new MarketRules(board, on);
  }
}
