package com.tradingbacktest.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * (a)+(b) The same backtest with ta4j, at 10k and 100k bars (1M is {@link Ta4jSingleLargeBench}).
 * One op = fresh ClosePrice/SMA indicators, BarSeriesManager.run with the crossed-up/crossed-down
 * rules, and ta4j's NetReturn, MaximumDrawdown and SharpeRatio criteria. The Bar objects are built
 * once, outside.
 */
public class Ta4jSingleBench extends AveragedBench {

  /** The bar count of {@link Ta4jBars}. */
  @Param({"10000", "100000"})
  public int bars;

  @Benchmark
  public Object ta4j(Ta4jBars data) {
    return Ta4jEngine.smaCross(data.series, 10, 30);
  }
}
