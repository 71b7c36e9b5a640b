package com.tradingbacktest.bench;

import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.sim.Trade;
import java.util.Locale;
import org.ta4j.core.BarSeries;
import org.ta4j.core.num.NumFactory;

/**
 * Before any timing: do both engines trade the same way on the same bars? Prints, per size, the
 * trade count, the compounded return of the closed trades, the maximum drawdown and the Sharpe
 * ratio of SMA(10)/SMA(30) for our engine, ta4j DoubleNum and (up to {@code decimalUpTo} bars) ta4j
 * DecimalNum, each with its wall time for one cold run.
 *
 * <p>Usage: {@code Sanity [sizes...]}, default {@code 10000 100000}; system property {@code
 * bench.decimalUpTo} (default 100000) and {@code bench.criteriaUpTo} (default 100000): above it
 * only ta4j's trade count and net return are computed, its O(trades x bars) criteria would take
 * minutes.
 */
public final class Sanity {

  public static void main(String[] args) {
    int[] sizes =
        args.length == 0
            ? new int[] {10_000, 100_000}
            : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    int decimalUpTo = Integer.getInteger("bench.decimalUpTo", 100_000);
    System.out.println("SMA(10)/SMA(30) crossover, long only, next-open fills, 0.1% commission");
    System.out.printf(
        Locale.ROOT,
        "%-9s %-16s %7s %14s %10s %8s %10s%n",
        "bars",
        "engine",
        "trades",
        "closed-return",
        "max-dd",
        "sharpe",
        "time-ms");
    for (int n : sizes) {
      MarketData d = MarketData.randomWalk(n);
      com.tradingbacktest.engine.series.BarSeries ours = OurEngine.series(d);
      long t0 = System.nanoTime();
      BacktestResult r = OurEngine.smaCross(ours, 10, 30);
      long t1 = System.nanoTime();
      PerformanceMetrics m = r.metrics();
      double compounded = 1;
      for (Trade t : r.simulation().trades()) {
        compounded *= 1 + t.returnPct();
      }
      System.out.printf(
          Locale.ROOT,
          "%-9d %-16s %7d %14.6e %10.4f %8.4f %10.1f%n",
          n,
          "ours",
          m.tradeCount(),
          compounded - 1,
          m.maxDrawdown(),
          m.sharpeRatio(),
          (t1 - t0) / 1e6);
      System.out.printf(
          Locale.ROOT,
          "%-9s %-16s %7s %14.6e %10s %8s   (our total return incl. open position)%n",
          "",
          "",
          "",
          m.totalReturn(),
          "",
          "");
      ta4j(d, n, "ta4j DoubleNum", Ta4jEngine.doubles());
      if (n <= decimalUpTo) {
        ta4j(d, n, "ta4j DecimalNum", Ta4jEngine.decimal());
      }
    }
  }

  private static void ta4j(MarketData d, int n, String name, NumFactory f) {
    BarSeries s = Ta4jEngine.series(d, f);
    long t0 = System.nanoTime();
    if (n > Integer.getInteger("bench.criteriaUpTo", 100_000)) {
      var close = new org.ta4j.core.indicators.helpers.ClosePriceIndicator(s);
      var fast = new org.ta4j.core.indicators.averages.SMAIndicator(close, 10);
      var slow = new org.ta4j.core.indicators.averages.SMAIndicator(close, 30);
      var record =
          new org.ta4j.core.backtest.BarSeriesManager(
                  s,
                  new org.ta4j.core.analysis.cost.LinearTransactionCostModel(0.001),
                  new org.ta4j.core.analysis.cost.ZeroCostModel(),
                  new org.ta4j.core.backtest.TradeOnNextOpenModel())
              .run(
                  new org.ta4j.core.BaseStrategy(
                      new org.ta4j.core.rules.CrossedUpIndicatorRule(fast, slow),
                      new org.ta4j.core.rules.CrossedDownIndicatorRule(fast, slow)));
      double ret =
          new org.ta4j.core.criteria.pnl.NetReturnCriterion(
                  org.ta4j.core.criteria.ReturnRepresentation.DECIMAL)
              .calculate(s, record)
              .doubleValue();
      long t1 = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "%-9s %-16s %7d %14.6e %10s %8s %10.1f  (criteria skipped)%n",
          "",
          name,
          record.getPositionCount(),
          ret,
          "-",
          "-",
          (t1 - t0) / 1e6);
      return;
    }
    Ta4jEngine.Result r = Ta4jEngine.smaCross(s, 10, 30);
    long t1 = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "%-9s %-16s %7d %14.6e %10.4f %8.4f %10.1f%n",
        "",
        name,
        r.record().getPositionCount(),
        r.netReturn().doubleValue(),
        -r.maxDrawdown().doubleValue(),
        r.sharpe().doubleValue(),
        (t1 - t0) / 1e6);
  }
}
