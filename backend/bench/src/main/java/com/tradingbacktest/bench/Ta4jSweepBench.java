package com.tradingbacktest.bench;

import java.util.concurrent.ForkJoinPool;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;

/**
 * (c) The same sweep with ta4j DoubleNum (its fast mode) on 100k bars. One op = 25 shared SMA
 * indicators (ta4j caches their values, thread-safely in 0.22) and one BarSeriesManager run plus
 * the three criteria per combination. One op runs 174 backtests and takes minutes, so it is a
 * single shot without warm-up iterations (the code is compiled during the first of the 174
 * backtests).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Timeout(time = 90, timeUnit = TimeUnit.MINUTES)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class Ta4jSweepBench {

  @Param({"100000"})
  public int bars;

  private BarSeries series;
  private ForkJoinPool pool;

  @Setup(Level.Trial)
  public void setUp() {
    series = Ta4jEngine.series(MarketData.randomWalk(bars), Ta4jEngine.doubles());
    pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdown();
  }

  @Benchmark
  public double ta4jDoubleNumSingleCore() {
    return Ta4jEngine.sweepSequential(series);
  }

  @Benchmark
  public double ta4jDoubleNumAllCores() {
    return Ta4jEngine.sweepParallel(series, pool);
  }
}
