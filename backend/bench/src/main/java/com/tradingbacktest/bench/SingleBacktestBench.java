package com.tradingbacktest.bench;

import com.tradingbacktest.engine.series.BarSeries;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (a) One SMA(10)/SMA(30) backtest with our engine. One op = both SMAs + both crosses + signals +
 * simulation + every metric of docs/METRICS.md. The bars are built (and validated) once, outside
 * the op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class SingleBacktestBench {

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
