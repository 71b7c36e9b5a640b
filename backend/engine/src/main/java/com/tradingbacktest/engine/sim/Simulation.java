package com.tradingbacktest.engine.sim;

import java.util.List;

/**
 * What the bar loop produced.
 *
 * @param equity cash plus position value at each bar's close
 * @param position signed units held at each bar's close (negative when short)
 * @param inMarket true where a position was open at the bar's close
 * @param fills every execution, in order
 * @param trades closed round trips, in exit order
 * @param openTrade the position still open after the last bar, valued at the last close (not in
 *     {@code trades}), or null
 * @param rejectedOrders entries skipped because the cash did not afford one quantity step
 * @param commissions commissions and taxes of all fills
 * @param liquidations the account's liquidations, in order (docs/ENGINE.md, "Margin, borrowing and
 *     funding"); after one that stopped the account nothing more was traded
 */
public record Simulation(
    double[] equity,
    double[] position,
    boolean[] inMarket,
    List<Fill> fills,
    List<Trade> trades,
    Trade openTrade,
    int rejectedOrders,
    double commissions,
    List<Liquidation> liquidations) {

  public Simulation {
    liquidations = List.copyOf(liquidations);
  }

  /** The liquidation that stopped the account, or null when it traded to the end. */
  public Liquidation accountStop() {
    for (Liquidation l : liquidations) {
      if (l.stopped()) {
        return l;
      }
    }
    return null;
  }

  public double finalEquity() {
    return equity.length == 0 ? Double.NaN : equity[equity.length - 1];
  }
}
