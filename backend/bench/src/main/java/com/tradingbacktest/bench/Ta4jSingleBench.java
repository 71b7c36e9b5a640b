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
 * (a)+(b) The same backtest with ta4j, at 10k and 100k bars (1M is {@link Ta4jSingleLargeBench}).
 * One op = fresh ClosePrice/SMA indicators, BarSeriesManager.run with the crossed-up/crossed-down
 * rules, and ta4j's NetReturn, MaximumDrawdown and SharpeRatio criteria. The Bar objects are built
 * once, outside.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class Ta4jSingleBench {

  @Param({"10000", "100000"})
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
  public Object ta4j() {
    return Ta4jEngine.smaCross(series, 10, 30);
  }
}
