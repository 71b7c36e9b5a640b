package com.tradingbacktest.engine;

import com.tradingbacktest.engine.metrics.EquityCurveStats;
import com.tradingbacktest.engine.portfolio.PortfolioBacktest;
import com.tradingbacktest.engine.portfolio.PortfolioConfig;
import com.tradingbacktest.engine.portfolio.PortfolioFill;
import com.tradingbacktest.engine.portfolio.PortfolioLeg;
import com.tradingbacktest.engine.portfolio.PortfolioResult;
import com.tradingbacktest.engine.portfolio.PortfolioTrade;
import com.tradingbacktest.engine.portfolio.Rebalance;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.RunControl;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.Simulation;
import com.tradingbacktest.engine.sim.Simulator;
import java.util.List;

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
    if (config.hasAccountFeatures()
        || config.tradesInLots(signals)
        || !config.marketRules().isNone()
        || !bars.events().isNone()) {
      return runWithAccount(bars, signals, config, control);
    }
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

  /**
   * Margin terms and funding need the portfolio's account, positions in lots (pyramiding,
   * scale-outs) its lot book, and dividends, halts and an exchange's rules (docs/ENGINE.md,
   * "Dividends, halts and KRX rules") its execution: the run is a portfolio of this one symbol
   * (which gives the simulator's results bit for bit where the settings are plain), handed back in
   * the single run's shape.
   */
  private static BacktestResult runWithAccount(
      BarSeries bars, Signals signals, BacktestConfig config, RunControl control) {
    PortfolioConfig portfolio = PortfolioBacktest.configOf(config, Rebalance.MONTHLY);
    PortfolioLeg leg =
        new PortfolioLeg(
            bars.symbol(),
            bars,
            portfolio.baseCurrency(),
            config.costs(),
            config.quantityStep(),
            signals,
            null,
            config.funding(),
            config.marketRules());
    PortfolioResult result = PortfolioBacktest.run(List.of(leg), portfolio, control);
    double[] position = result.quantity()[0];
    boolean[] inMarket = new boolean[position.length];
    for (int i = 0; i < position.length; i++) {
      inMarket[i] = position[i] != 0;
    }
    List<PortfolioTrade> open = result.openTrades();
    Simulation simulation =
        new Simulation(
            result.equity(),
            position,
            inMarket,
            result.fills().stream().map(PortfolioFill::fill).toList(),
            result.trades().stream().map(PortfolioTrade::trade).toList(),
            open.isEmpty() ? null : open.get(0).trade(),
            result.rejectedOrders(),
            result.commissions(),
            result.liquidations());
    return new BacktestResult(simulation, result.metrics());
  }
}
