package com.tradingbacktest.engine.metrics;

import com.tradingbacktest.engine.sim.Side;
import com.tradingbacktest.engine.sim.Trade;
import java.util.List;

/**
 * Statistics of the closed trades, in one pass over them. A trade wins when its pnl (net of costs)
 * is positive and loses when it is negative; a break-even trade is neither but counts in the win
 * rate's denominator. Without trades every ratio and average is NaN and every count is 0. The units
 * and edge cases of each field are those of the same-named {@link PerformanceMetrics} components.
 */
record TradeStats(
    int count,
    int winning,
    int losing,
    int longs,
    int shorts,
    double winRate,
    double best,
    double worst,
    double average,
    double averageDurationMillis,
    double averageDurationBars,
    double maxDurationMillis,
    double maxDurationBars,
    double profitFactor,
    double expectancy,
    double expectancyPct,
    double sqn,
    double kelly) {

  /**
   * A pnl standard deviation at or below this fraction of the mean absolute pnl is rounding noise
   * (the pnl were all equal): SQN is then undefined rather than 1e15.
   */
  static final double NOISE = 1e-12;

  static TradeStats of(List<Trade> trades) {
    int n = 0;
    int winning = 0;
    int losing = 0;
    int longs = 0;
    double grossProfit = 0;
    double grossLoss = 0;
    double best = Double.NEGATIVE_INFINITY;
    double worst = Double.POSITIVE_INFINITY;
    double returnSum = 0;
    double logGrowthSum = 0;
    double millisSum = 0;
    double barsSum = 0;
    long maxMillis = Long.MIN_VALUE;
    int maxBars = Integer.MIN_VALUE;
    double pnlMean = 0;
    double pnlM2 = 0;
    double pnlAbsSum = 0;
    for (Trade t : trades) {
      n++;
      double pnl = t.pnl();
      double r = t.returnPct();
      if (pnl > 0) {
        winning++;
        grossProfit += pnl;
      } else if (pnl < 0) {
        losing++;
        grossLoss -= pnl;
      }
      if (t.side() == Side.LONG) {
        longs++;
      }
      best = Math.max(best, r);
      worst = Math.min(worst, r);
      returnSum += r;
      // log1p(-1) = -Infinity gives a geometric mean of -1; below -1 it is NaN: no compounding
      // exists.
      logGrowthSum += Math.log1p(r);
      long millis = t.exitTime() - t.entryTime();
      millisSum += millis;
      barsSum += t.barsHeld();
      maxMillis = Math.max(maxMillis, millis);
      maxBars = Math.max(maxBars, t.barsHeld());
      // Welford: exact when all pnl are equal, stable for many trades.
      double delta = pnl - pnlMean;
      pnlMean += delta / n;
      pnlM2 += delta * (pnl - pnlMean);
      pnlAbsSum += Math.abs(pnl);
    }
    if (n == 0) {
      double nan = Double.NaN;
      return new TradeStats(
          0, 0, 0, 0, 0, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan);
    }
    double winRate = (double) winning / n;
    return new TradeStats(
        n,
        winning,
        losing,
        longs,
        n - longs,
        winRate,
        best,
        worst,
        Math.expm1(logGrowthSum / n),
        millisSum / n,
        barsSum / n,
        maxMillis,
        maxBars,
        profitFactor(grossProfit, grossLoss),
        pnlMean,
        returnSum / n,
        sqn(n, pnlMean, pnlM2, pnlAbsSum),
        kelly(winRate, winning, losing, grossProfit, grossLoss));
  }

  /** +Infinity with profits and no losses; NaN when every trade broke even. */
  private static double profitFactor(double grossProfit, double grossLoss) {
    if (grossLoss == 0) {
      return grossProfit > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    return grossProfit / grossLoss;
  }

  /** sqrt(n) * mean / sample stdev; NaN below two trades or when all pnl are equal. */
  private static double sqn(int n, double mean, double m2, double absSum) {
    if (n < 2) {
      return Double.NaN;
    }
    double sd = Math.sqrt(m2 / (n - 1));
    if (!(sd > NOISE * absSum / n)) {
      return Double.NaN;
    }
    return Math.sqrt(n) * mean / sd;
  }

  /**
   * W - (1 - W) / R with R = average win / |average loss|. Without losers R is infinite and the
   * formula gives W itself; without winners R is 0 and it diverges, so the result is NaN.
   */
  private static double kelly(
      double winRate, int winning, int losing, double grossProfit, double grossLoss) {
    if (winning == 0) {
      return Double.NaN;
    }
    if (losing == 0) {
      return winRate;
    }
    double payoff = (grossProfit / winning) / (grossLoss / losing);
    return winRate - (1 - winRate) / payoff;
  }
}
