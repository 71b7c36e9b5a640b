package com.tradingbacktest.bench;

import com.tradingbacktest.engine.indicator.Crosses;
import com.tradingbacktest.engine.indicator.Indicators;
import com.tradingbacktest.engine.metrics.Metrics;
import com.tradingbacktest.engine.metrics.MetricsInput;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.Simulation;
import com.tradingbacktest.engine.sim.Simulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Where our single backtest's time goes: each stage of {@link SingleBacktestBench#ours} alone, on
 * the same 1M bars (inputs of each stage precomputed). Diagnostic for the engine's owner, not a
 * comparison.
 */
public class StagesBench extends AveragedBench {

  @Param({"1000000"})
  public int bars;

  private BarSeries series;
  private double[] fast;
  private double[] slow;
  private Signals signals;
  private MetricsInput metricsInput;

  @Setup(Level.Trial)
  public void setUp() {
    series = OurEngine.series(MarketData.randomWalk(bars));
    fast = Indicators.sma(series.close(), 10);
    slow = Indicators.sma(series.close(), 30);
    signals =
        Signals.builder(bars)
            .longEntry(Crosses.crossover(fast, slow))
            .longExit(Crosses.crossunder(fast, slow))
            .build();
    Simulation sim = Simulator.run(series, signals, OurEngine.CONFIG);
    metricsInput =
        new MetricsInput(
            series.times(),
            sim.equity(),
            series.close(),
            sim.inMarket(),
            sim.trades(),
            sim.commissions(),
            OurEngine.CONFIG.initialCapital(),
            series.calendar(),
            series.interval(),
            series.zone(),
            OurEngine.CONFIG.riskFreeRate());
  }

  @Benchmark
  public Object s1TwoSmas() {
    return new double[][] {Indicators.sma(series.close(), 10), Indicators.sma(series.close(), 30)};
  }

  @Benchmark
  public Object s2TwoCrosses() {
    return new boolean[][] {Crosses.crossover(fast, slow), Crosses.crossunder(fast, slow)};
  }

  @Benchmark
  public Object s3Simulation() {
    return Simulator.run(series, signals, OurEngine.CONFIG);
  }

  @Benchmark
  public Object s4Metrics() {
    return Metrics.compute(metricsInput);
  }
}
