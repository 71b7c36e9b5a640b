package com.tradingbacktest.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The ta4j backtest of {@link Ta4jSingleBench} on 1M bars. One op takes minutes (ta4j's drawdown
 * and Sharpe criteria each rebuild a cash-flow curve in O(positions x bars)), so this is a single
 * shot.
 */
public class Ta4jSingleLargeBench extends SingleShotBench {

  /** The bar count of {@link Ta4jBars}. */
  @Param({"1000000"})
  public int bars;

  @Benchmark
  public Object ta4j(Ta4jBars data) {
    return Ta4jEngine.smaCross(data.series, 10, 30);
  }
}
