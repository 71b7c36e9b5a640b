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
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;

/**
 * The ta4j backtest of {@link Ta4jSingleBench} on 1M bars. One op takes minutes (ta4j's drawdown
 * and Sharpe criteria each rebuild a cash-flow curve in O(positions x bars)), so this is a single
 * shot without warm-up iterations: the hot loops are compiled within the first seconds of an op
 * that lasts minutes, so an extra warm-up op would change the figure by little and cost the run
 * many minutes.
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
public class Ta4jSingleLargeBench {

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
  public Object ta4j() {
    return Ta4jEngine.smaCross(series, 10, 30);
  }
}
