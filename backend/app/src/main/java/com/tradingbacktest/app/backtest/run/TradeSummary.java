package com.tradingbacktest.app.backtest.run;

/**
 * The trade statistics of one column of the performance summary (all trades, the longs or the
 * shorts), taken in one pass over the round trips in exit order with constant memory, so a run of
 * any number of trades is summed without loading them (docs/METRICS.md, "Performance summary").
 */
final class TradeSummary {

  private final double capital;
  private int count;
  private int wins;
  private int losses;
  private double grossProfit;
  private double grossLoss;
  private double commission;
  private double returnSum;
  private double winReturnSum;
  private double lossReturnSum;
  private double largestWin = Double.NaN;
  private double largestWinPct = Double.NaN;
  private double largestLoss = Double.NaN;
  private double largestLossPct = Double.NaN;
  private long bars;
  private long winBars;
  private long lossBars;
  private int winStreak;
  private int lossStreak;
  private int maxWinStreak;
  private int maxLossStreak;

  /**
   * @param capital the run's initial capital, which the money figures' percentages are of
   */
  TradeSummary(double capital) {
    this.capital = capital;
  }

  /**
   * Adds the next round trip in exit order.
   *
   * @param pnl net profit in money (negative for a loss)
   * @param returnPct pnl over the capital put in
   * @param costs commissions and taxes of both fills
   * @param barsHeld bars between entry and exit
   */
  void add(double pnl, double returnPct, double costs, int barsHeld) {
    count++;
    commission += costs;
    returnSum += returnPct;
    bars += barsHeld;
    if (pnl > 0) {
      wins++;
      grossProfit += pnl;
      winReturnSum += returnPct;
      winBars += barsHeld;
      largestWin = Double.isNaN(largestWin) ? pnl : Math.max(largestWin, pnl);
      largestWinPct = Double.isNaN(largestWinPct) ? returnPct : Math.max(largestWinPct, returnPct);
      maxWinStreak = Math.max(maxWinStreak, ++winStreak);
      lossStreak = 0;
    } else if (pnl < 0) {
      losses++;
      grossLoss += pnl;
      lossReturnSum += returnPct;
      lossBars += barsHeld;
      largestLoss = Double.isNaN(largestLoss) ? pnl : Math.min(largestLoss, pnl);
      largestLossPct =
          Double.isNaN(largestLossPct) ? returnPct : Math.min(largestLossPct, returnPct);
      maxLossStreak = Math.max(maxLossStreak, ++lossStreak);
      winStreak = 0;
    } else {
      // A break-even trade ends both streaks: the next win or loss is not consecutive to the last.
      winStreak = 0;
      lossStreak = 0;
    }
  }

  TradeSummaryResponse.Column toColumn() {
    double net = grossProfit + grossLoss;
    double averageWin = wins == 0 ? Double.NaN : grossProfit / wins;
    double averageLoss = losses == 0 ? Double.NaN : grossLoss / losses;
    return new TradeSummaryResponse.Column(
        count == 0 ? null : net,
        count == 0 ? null : finite(net / capital),
        grossProfit,
        finite(grossProfit / capital),
        grossLoss,
        finite(grossLoss / capital),
        commission,
        profitFactor(),
        count,
        wins,
        losses,
        count - wins - losses,
        count == 0 ? null : (double) wins / count,
        count == 0 ? null : net / count,
        count == 0 ? null : returnSum / count,
        finite(averageWin),
        wins == 0 ? null : winReturnSum / wins,
        finite(averageLoss),
        losses == 0 ? null : lossReturnSum / losses,
        wins == 0 || losses == 0 ? null : averageWin / Math.abs(averageLoss),
        finite(largestWin),
        finite(largestWinPct),
        finite(largestLoss),
        finite(largestLossPct),
        count == 0 ? null : (double) bars / count,
        wins == 0 ? null : (double) winBars / wins,
        losses == 0 ? null : (double) lossBars / losses,
        maxWinStreak,
        maxLossStreak);
  }

  /**
   * Gross profit over gross loss, as the run's profit_factor; null without losers (infinite with
   * winners, undefined without).
   */
  private Double profitFactor() {
    return losses == 0 ? null : grossProfit / Math.abs(grossLoss);
  }

  static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
