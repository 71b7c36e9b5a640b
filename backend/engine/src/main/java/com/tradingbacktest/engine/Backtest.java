package com.tradingbacktest.engine;

import com.tradingbacktest.engine.metrics.EquityCurveStats;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.RunControl;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.Simulation;
import com.tradingbacktest.engine.sim.Simulator;

/**
 * The engine's front door: bars and signals in, simulation and metrics out.
 *
 * <pre>{@code
 * double[] fast = Indicators.sma(bars.close(), 10);
 * double[] slow = Indicators.sma(bars.close(), 30);
 * Signals signals = Signals.builder(bars.size())
 *     .longEntry(Crosses.crossover(fast, slow))
 *     .longExit(Crosses.crossunder(fast, slow))
 *     .build();
 * BacktestResult result = Backtest.run(bars, signals, BacktestConfig.defaults());
 * }</pre>
 *
 * Thread-safe: runs share nothing, so a parameter sweep can run them in parallel.
 */
public final class Backtest {

  private Backtest() {}

  public static BacktestResult run(BarSeries bars, Signals signals, BacktestConfig config) {
    return run(bars, signals, config, RunControl.NONE);
  }

  /**
   * Runs {@code signals} over {@code bars}, asking {@code control} between bars whether to go on.
   *
   * @throws com.tradingbacktest.engine.sim.BacktestCancelledException when {@code control} cancels
   */
  public static BacktestResult run(
      BarSeries bars, Signals signals, BacktestConfig config, RunControl control) {
    // The metrics' per-bar statistics ride along in the simulation's bar loop (see
    // EquityCurveStats): the same values as Metrics.compute over the finished columns, one pass.
    EquityCurveStats curve =
        new EquityCurveStats(
            bars.times(),
            bars.close(),
            config.initialCapital(),
            bars.calendar(),
            bars.interval(),
            bars.zone(),
            config.riskFreeRate());
    Simulation simulation = Simulator.run(bars, signals, config, control, curve);
    return new BacktestResult(
        simulation,
        curve.finish(
            simulation.trades(),
            simulation.commissions(),
            bars.buyAndHoldEquity(config.initialCapital())));
  }
}
