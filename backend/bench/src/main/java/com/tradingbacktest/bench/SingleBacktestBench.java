package com.tradingbacktest.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * (a) One SMA(10)/SMA(30) backtest with our engine. One op = both SMAs + both crosses + signals +
 * simulation + every metric of docs/METRICS.md. The bars are built (and validated) once, outside
 * the op.
 */
public class SingleBacktestBench extends AveragedBench {

  /** The bar count of {@link OurBars}. */
  @Param({"10000", "100000", "1000000"})
  public int bars;

  @Benchmark
  public Object ours(OurBars data) {
    return OurEngine.smaCross(data.series, 10, 30);
  }
}
