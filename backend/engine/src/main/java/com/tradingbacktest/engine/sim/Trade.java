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
 *     costs below
 * @param returnPct {@code pnl / (entryPrice x quantity)}: the net return on the capital put in
 * @param costs commissions and taxes of both fills
 * @param mae maximum adverse excursion: the worst price move against the position while open, as a
 *     fraction of the entry price (0 or negative)
 * @param mfe maximum favourable excursion, as a fraction of the entry price (0 or positive)
 * @param exitReason what closed it
 * @param funding perpetual funding paid while open (negative when received), in cash
 * @param borrowCost short borrow fees and the position's share of the interest on borrowed cash, in
 *     cash
 * @param dividends placeholder of the krx lane's dividends received while open (replaced at merge)
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

  /** Bars between entry and exit: 0 when both happened in one bar. */
  public int barsHeld() {
    return exitIndex - entryIndex;
  }

  public boolean isWin() {
    return pnl > 0;
  }
}
