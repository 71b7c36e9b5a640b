package com.tradingbacktest.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.ta4j.core.BarSeries;

/**
 * The {@link MarketData} bars as a ta4j series in each of ta4j's number types, built once per
 * trial, outside the op. How many is the benchmark's own {@code bars} parameter, as for {@link
 * OurBars}.
 */
@State(Scope.Benchmark)
public class Ta4jBars {

  @Param({"DoubleNum", "DecimalNum"})
  public String num;

  BarSeries series;

  @Setup(Level.Trial)
  public void build(BenchmarkParams params) {
    series =
        Ta4jEngine.series(MarketData.randomWalk(OurBars.count(params)), Ta4jEngine.numFactory(num));
  }
}
