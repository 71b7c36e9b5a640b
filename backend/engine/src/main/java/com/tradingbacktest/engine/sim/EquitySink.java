package com.tradingbacktest.engine.sim;

/**
 * Receives each bar's closing equity the moment the bar loop has marked it, so that per-bar
 * statistics can be computed in the simulation's own pass instead of a second pass over the equity
 * column ({@code Backtest.run} feeds the metrics this way).
 */
public interface EquitySink {

  /**
   * Bar {@code i} (every bar in order, from 0) closed with {@code equity}; {@code inMarket} is true
   * when a position was open at that close.
   */
  void bar(int i, double equity, boolean inMarket);
}
