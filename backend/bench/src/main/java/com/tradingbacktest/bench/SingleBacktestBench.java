package com.tradingbacktest.bench;

import com.tradingbacktest.engine.series.BarSeries;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * (a) One SMA(10)/SMA(30) backtest with our engine. One op = both SMAs + both crosses + signals +
 * simulation + every metric of docs/METRICS.md. The bars are built (and validated) once, outside
 * the op.
 */
public class SingleBacktestBench extends AveragedBench {

  @Param({"10000", "100000", "1000000"})
  public int bars;

  private BarSeries series;

  @Setup(Level.Trial)
  public void setUp() {
    series = OurEngine.series(MarketData.randomWalk(bars));
  }

  @Benchmark
  public Object ours() {
    return OurEngine.smaCross(series, 10, 30);
  }
}
