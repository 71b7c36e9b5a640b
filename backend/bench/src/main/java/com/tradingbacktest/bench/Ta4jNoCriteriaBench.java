package com.tradingbacktest.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Diagnostic, not part of the comparison: ta4j's backtest of {@link Ta4jSingleLargeBench} without
 * the three criteria (indicators + BarSeriesManager.run only), to show how much of ta4j's time its
 * metrics take. Our engine always computes its metrics; see {@link StagesBench} for our own split.
 */
public class Ta4jNoCriteriaBench extends AveragedBench {

  /** The bar count of {@link Ta4jBars}. */
  @Param({"1000000"})
  public int bars;

  @Benchmark
  public Object ta4jWithoutCriteria(Ta4jBars data) {
    return Ta4jEngine.run(data.series, 10, 30);
  }
}
