package com.tradingbacktest.engine.sim;

/**
 * A round trip: a position opened and closed.
 *
 * @param side long or short
 * @param quantity units, positive
 * @param entryIndex bar of the entry fill
 * @param entryTime that bar's time (epoch ms)
 * @param entryPrice entry fill price (after slippage)
 * @param exitIndex bar of the exit fill
 * @param exitTime that bar's time (epoch ms)
 * @param exitPrice exit fill price (after slippage)
 * @param pnl profit in cash, net of both fills' commissions and taxes and of the funding and borrow
 *     costs below, with the dividends below
 * @param returnPct {@code pnl / (entryPrice x quantity)}: the net return on the capital put in
 * @param costs commissions and taxes of both fills
 * @param mae maximum adverse excursion: the worst price move against the position while open, as a
 *     fraction of the entry price (0 or negative)
 * @param mfe maximum favourable excursion, as a fraction of the entry price (0 or positive)
 * @param exitReason what closed it
 * @param funding perpetual funding paid while open (negative when received), in cash
 * @param borrowCost short borrow fees and the position's share of the interest on borrowed cash, in
 *     cash
 * @param dividends cash dividends received while open (negative when a short paid them), in cash:
 *     quantity x the dividend per share at each ex-date bar it was held into (docs/ENGINE.md,
 *     "Dividends, halts and KRX rules")
 */
public record Trade(
    Side side,
    double quantity,
    int entryIndex,
    long entryTime,
    double entryPrice,
    int exitIndex,
    long exitTime,
    double exitPrice,
    double pnl,
    double returnPct,
    double costs,
    double mae,
    double mfe,
    ExitReason exitReason,
    double funding,
    double borrowCost,
    double dividends) {

  /** A round trip without dividends (the simulator's, whose bars carry none). */
  public Trade(
      Side side,
      double quantity,
      int entryIndex,
      long entryTime,
      double entryPrice,
      int exitIndex,
      long exitTime,
      double exitPrice,
      double pnl,
      double returnPct,
      double costs,
      double mae,
      double mfe,
      ExitReason exitReason,
      double funding,
      double borrowCost) {
    this(
        side,
        quantity,
        entryIndex,
        entryTime,
        entryPrice,
        exitIndex,
        exitTime,
        exitPrice,
        pnl,
        returnPct,
        costs,
        mae,
        mfe,
        exitReason,
        funding,
        borrowCost,
        0);
  }

  /** Bars between entry and exit: 0 when both happened in one bar. */
  public int barsHeld() {
    return exitIndex - entryIndex;
  }

  public boolean isWin() {
    return pnl > 0;
  }
}
