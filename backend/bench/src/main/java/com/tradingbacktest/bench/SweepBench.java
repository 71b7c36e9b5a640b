package com.tradingbacktest.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (c) The SMA-crossover sweep ({@link Sweep}: 174 combinations) on 100k bars with our engine. One
 * op = the 25 distinct SMAs, computed once and shared, then one full backtest (crosses, signals,
 * simulation, metrics) per combination: on one thread, or over a ForkJoinPool with one thread per
 * core. Iterations of 5 s rather than 2, as an op is 174 backtests.
 */
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SweepBench extends AveragedBench {

  /** The bar count of {@link OurBars}. */
  @Param({"100000"})
  public int bars;

  @Benchmark
  public double oursSingleCore(OurBars data) {
    return OurEngine.sweepSequential(data.series);
  }

  @Benchmark
  public double oursAllCores(OurBars data, AllCores cores) {
    return OurEngine.sweepParallel(data.series, cores.pool);
  }
}
