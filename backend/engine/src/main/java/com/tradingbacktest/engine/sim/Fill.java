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
 * @param note why the order waited before this fill (a halt, a bar locked at its price limit), or
 *     null when it filled when asked
 */
public record Fill(
    int barIndex,
    long time,
    boolean buy,
    double price,
    double quantity,
    double commission,
    double tax,
    FillNote note) {

  /** A fill that did not wait. */
  public Fill(
      int barIndex,
      long time,
      boolean buy,
      double price,
      double quantity,
      double commission,
      double tax) {
    this(barIndex, time, buy, price, quantity, commission, tax, null);
  }

  /** Commission plus tax: everything this fill cost beyond its price. */
  public double costs() {
    return commission + tax;
  }

  public double value() {
    return price * quantity;
  }
}
