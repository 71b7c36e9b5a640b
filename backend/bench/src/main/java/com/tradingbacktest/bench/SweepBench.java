package com.tradingbacktest.bench;

import com.tradingbacktest.engine.series.BarSeries;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * (c) The SMA-crossover sweep ({@link Sweep}: 174 combinations) on 100k bars with our engine. One
 * op = the 25 distinct SMAs, computed once and shared, then one full backtest (crosses, signals,
 * simulation, metrics) per combination: on one thread, or over a ForkJoinPool with one thread per
 * core.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class SweepBench {

  @Param({"100000"})
  public int bars;

  private BarSeries series;
  private ForkJoinPool pool;

  @Setup(Level.Trial)
  public void setUp() {
    series = OurEngine.series(MarketData.randomWalk(bars));
    pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdown();
  }

  @Benchmark
  public double oursSingleCore() {
    return OurEngine.sweepSequential(series);
  }

  @Benchmark
  public double oursAllCores() {
    return OurEngine.sweepParallel(series, pool);
  }
}
