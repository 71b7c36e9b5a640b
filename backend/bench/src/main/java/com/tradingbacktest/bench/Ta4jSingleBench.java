package com.tradingbacktest.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.ta4j.core.BarSeries;

/**
 * (a)+(b) The same backtest with ta4j, at 10k and 100k bars (1M is {@link Ta4jSingleLargeBench}).
 * One op = fresh ClosePrice/SMA indicators, BarSeriesManager.run with the crossed-up/crossed-down
 * rules, and ta4j's NetReturn, MaximumDrawdown and SharpeRatio criteria. The Bar objects are built
 * once, outside.
 */
public class Ta4jSingleBench extends AveragedBench {

  @Param({"10000", "100000"})
  public int bars;

  @Param({"DoubleNum", "DecimalNum"})
  public String num;

  private BarSeries series;

  @Setup(Level.Trial)
  public void setUp() {
    series = Ta4jEngine.series(MarketData.randomWalk(bars), Ta4jEngine.numFactory(num));
  }

  @Benchmark
  public Object ta4j() {
    return Ta4jEngine.smaCross(series, 10, 30);
  }
}
