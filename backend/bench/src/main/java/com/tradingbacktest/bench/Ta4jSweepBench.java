package com.tradingbacktest.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.ta4j.core.BarSeries;

/**
 * (c) The same sweep with ta4j DoubleNum (its fast mode) on 100k bars. One op = 25 shared SMA
 * indicators (ta4j caches their values, thread-safely in 0.22) and one BarSeriesManager run plus
 * the three criteria per combination. One op runs 174 backtests and takes minutes, so it is a
 * single shot without warm-up iterations (the code is compiled during the first of the 174
 * backtests).
 */
public class Ta4jSweepBench extends SingleShotBench {

  @Param({"100000"})
  public int bars;

  private BarSeries series;

  @Setup(Level.Trial)
  public void setUp() {
    series = Ta4jEngine.series(MarketData.randomWalk(bars), Ta4jEngine.doubles());
  }

  @Benchmark
  public double ta4jDoubleNumSingleCore() {
    return Ta4jEngine.sweepSequential(series);
  }

  @Benchmark
  public double ta4jDoubleNumAllCores(AllCores cores) {
    return Ta4jEngine.sweepParallel(series, cores.pool);
  }
}
