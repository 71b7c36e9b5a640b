package com.tradingbacktest.engine.portfolio;

import com.tradingbacktest.engine.sim.Fill;

/**
 * One execution of a portfolio run. The fill's bar index is the symbol's own bar; its price,
 * commission and tax are in the symbol's currency.
 *
 * @param symbol the leg's symbol
 * @param leg the leg's position in the run's legs
 * @param fill the execution, in the symbol's currency
 * @param fxRate the base-currency value of one unit of the symbol's currency at the fill (1 for the
 *     base currency)
 */
public record PortfolioFill(String symbol, int leg, Fill fill, double fxRate) {

  /** Why the order waited before this fill (a halt, a limit-locked bar), or null. */
  public com.tradingbacktest.engine.sim.FillNote note() {
    return fill.note();
  }

  /** The fill's traded value in the base currency. */
  public double valueInBase() {
    return fill.value() * fxRate;
  }
}
