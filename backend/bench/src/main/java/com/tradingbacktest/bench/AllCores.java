package com.tradingbacktest.bench;

import java.util.concurrent.ForkJoinPool;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A pool with one thread per core for the parallel sweeps, ours and ta4j's alike; created only for
 * the benchmarks that take it as an argument, once per trial.
 */
@State(Scope.Benchmark)
public class AllCores {

  ForkJoinPool pool;

  @Setup(Level.Trial)
  public void setUp() {
    pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdown();
  }
}
