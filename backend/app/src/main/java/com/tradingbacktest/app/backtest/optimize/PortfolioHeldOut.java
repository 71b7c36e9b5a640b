package com.tradingbacktest.app.backtest.optimize;

import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.backtest.run.PortfolioBars;
import com.tradingbacktest.app.backtest.run.PortfolioSetup;
import com.tradingbacktest.app.backtest.run.PortfolioSweep;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.sim.Funding;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The finish step's two runs of a combination over a portfolio: on the held-out part ({@link
 * PortfolioSweep#heldOut}) and over the whole range, for the in-sample best's curve.
 */
record PortfolioHeldOut(
    CompiledStrategy strategy,
    PortfolioBars bars,
    PortfolioSetup setup,
    List<Funding> funding,
    RunSettings settings,
    BigDecimal initialCapital,
    long splitTime,
    EvaluationLimits limits) {

  PerformanceMetrics test(Map<String, Double> parameters) {
    return PortfolioSweep.heldOut(
        strategy, bars, setup, funding, settings, initialCapital, parameters, splitTime, limits);
  }

  TimedEquity equity(Map<String, Double> parameters) {
    var result =
        PortfolioSweep.simulate(
            strategy, bars, setup, funding, settings, initialCapital, parameters, limits);
    return new TimedEquity(result.times(), result.equity());
  }
}
