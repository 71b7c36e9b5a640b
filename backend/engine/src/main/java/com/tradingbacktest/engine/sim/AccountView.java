package com.tradingbacktest.engine.sim;

/**
 * The account as a strategy sees it at a bar's close, after the bar's fills (the open's, the
 * protective exits', the entry orders') and before the orders its own close decides. Amounts are in
 * the account's currency; prices in the symbol's.
 *
 * @param positionSize signed units: above 0 long, below 0 short, 0 flat
 * @param entryPrice the open position's entry price (its average when entered in parts); NaN when
 *     flat
 * @param barsSinceEntry bars since the entry's bar (0 on it); NaN when flat
 * @param equity cash plus the position at this close
 * @param cash the cash, negative when borrowed
 * @param openProfit the open position's profit at this close, before exit costs: {@code
 *     positionSize x (close - entryPrice)}; 0 when flat
 */
public record AccountView(
    double positionSize,
    double entryPrice,
    double barsSinceEntry,
    double equity,
    double cash,
    double openProfit) {

  /**
   * The view of one position: {@code quantity} units (signed) entered at {@code entryPrice} on bar
   * {@code entryBar}, now at bar {@code bar} whose close is {@code close}.
   */
  public static AccountView of(
      double quantity,
      double entryPrice,
      int entryBar,
      int bar,
      double close,
      double equity,
      double cash) {
    if (quantity == 0) {
      return new AccountView(0, Double.NaN, Double.NaN, equity, cash, 0);
    }
    return new AccountView(
        quantity, entryPrice, bar - entryBar, equity, cash, quantity * (close - entryPrice));
  }

  /** 1 long, -1 short, 0 flat. */
  public double positionSide() {
    return Math.signum(positionSize);
  }
}
