package com.tradingbacktest.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.ta4j.core.BarSeries;

/**
 * Diagnostic, not part of the comparison: ta4j's backtest of {@link Ta4jSingleLargeBench} without
 * the three criteria (indicators + BarSeriesManager.run only), to show how much of ta4j's time its
 * metrics take. Our engine always computes its metrics; see {@link StagesBench} for our own split.
 */
public class Ta4jNoCriteriaBench extends AveragedBench {

  @Param({"1000000"})
  public int bars;

  @Param({"DoubleNum", "DecimalNum"})
  public String num;

  private BarSeries series;

  @Setup(Level.Trial)
  public void setUp() {
    series = Ta4jEngine.series(MarketData.randomWalk(bars), Ta4jEngine.numFactory(num));
  }

  @Benchmark
  public Object ta4jWithoutCriteria() {
    return Ta4jEngine.run(series, 10, 30);
  }
}
