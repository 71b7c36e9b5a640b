package com.tradingbacktest.bench;

import com.tradingbacktest.engine.series.BarSeries;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The {@link MarketData} bars as our engine's series, built (and validated) once per trial, outside
 * the op. How many is the benchmark's own {@code bars} parameter: the benchmarks run different
 * sizes, which one state's {@code @Param} values could not, so each declares its sizes and this
 * reads them from the benchmark's parameters.
 */
@State(Scope.Benchmark)
public class OurBars {

  BarSeries series;

  @Setup(Level.Trial)
  public void build(BenchmarkParams params) {
    series = OurEngine.series(MarketData.randomWalk(count(params)));
  }

  /** The benchmark's {@code bars} parameter. */
  static int count(BenchmarkParams params) {
    return Integer.parseInt(params.getParam("bars"));
  }
}
