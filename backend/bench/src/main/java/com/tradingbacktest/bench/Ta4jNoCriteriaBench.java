package com.tradingbacktest.bench;

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
import org.ta4j.core.BarSeries;

/**
 * Diagnostic, not part of the comparison: ta4j's backtest of {@link Ta4jSingleLargeBench} without
 * the three criteria (indicators + BarSeriesManager.run only), to show how much of ta4j's time its
 * metrics take. Our engine always computes its metrics; see {@link StagesBench} for our own split.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class Ta4jNoCriteriaBench {

  @Param({"1000000"})
  public int bars;

  @Param({"DoubleNum", "DecimalNum"})
  public String num;

  private BarSeries series;

  @Setup(Level.Trial)
  public void setUp() {
    series =
        Ta4jEngine.series(
            MarketData.randomWalk(bars),
            num.equals("DoubleNum") ? Ta4jEngine.doubles() : Ta4jEngine.decimal());
  }

  @Benchmark
  public Object ta4jWithoutCriteria() {
    return Ta4jEngine.run(series, 10, 30);
  }
}
