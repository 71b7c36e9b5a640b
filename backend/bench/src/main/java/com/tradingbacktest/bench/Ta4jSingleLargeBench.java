package com.tradingbacktest.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.ta4j.core.BarSeries;

/**
 * The ta4j backtest of {@link Ta4jSingleBench} on 1M bars. One op takes minutes (ta4j's drawdown
 * and Sharpe criteria each rebuild a cash-flow curve in O(positions x bars)), so this is a single
 * shot.
 */
public class Ta4jSingleLargeBench extends SingleShotBench {

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
  public Object ta4j() {
    return Ta4jEngine.smaCross(series, 10, 30);
  }
}
