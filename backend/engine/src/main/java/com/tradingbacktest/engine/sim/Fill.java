package com.tradingbacktest.engine.sim;

/**
 * One execution: what the seed's {@code backtest_trades} table stores.
 *
 * @param barIndex the bar during which it executed
 * @param time that bar's open time (epoch ms)
 * @param buy true for a buy, false for a sell
 * @param price the execution price after slippage
 * @param quantity units, always positive
 * @param commission broker commission in cash
 * @param tax transaction tax in cash (sells only, e.g. the KRX securities transaction tax)
 */
public record Fill(
    int barIndex,
    long time,
    boolean buy,
    double price,
    double quantity,
    double commission,
    double tax) {

  /** Commission plus tax: everything this fill cost beyond its price. */
  public double costs() {
    return commission + tax;
  }

  public double value() {
    return price * quantity;
  }
}
