package com.tradingbacktest.engine.metrics;

/**
 * What the account paid over a run beyond commissions (docs/METRICS.md, "Account charges"), in the
 * account currency; positive amounts are costs.
 *
 * @param funding perpetual funding paid (negative when received on balance)
 * @param borrowCost short borrow fees
 * @param interest interest on borrowed cash
 */
public record AccountCharges(double funding, double borrowCost, double interest) {

  /** A cash account without funding: nothing charged. */
  public static final AccountCharges NONE = new AccountCharges(0, 0, 0);
}
