package com.tradingbacktest.app.backtest.walkforward;

import com.tradingbacktest.app.backtest.RunLimits;
import com.tradingbacktest.app.backtest.run.PortfolioBars;
import com.tradingbacktest.app.backtest.run.PortfolioSetup;
import com.tradingbacktest.app.backtest.run.PortfolioSweep;
import com.tradingbacktest.app.backtest.run.RunFunding;
import com.tradingbacktest.app.backtest.run.RunPrices;
import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.optimize.SweepResult;
import com.tradingbacktest.engine.robust.WalkForwardResult;
import com.tradingbacktest.engine.robust.WindowTest;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.Signals;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portfolio side of a walk-forward's jobs: a train part's grid searched as a portfolio
 * optimisation over the part's days (the universe read for those days, as an optimisation over them
 * reads it), and each window's choice traded on its test part with the capital carried.
 */
@Component
class WalkForwardPortfolio {

  private final MarketDataService marketData;
  private final RunPrices runPrices;
  private final RunFunding funding;
  private final RunLimits limits;
  private final JsonMapper json;

  WalkForwardPortfolio(
      MarketDataService marketData,
      RunPrices runPrices,
      RunFunding funding,
      RunLimits limits,
      JsonMapper json) {
    this.marketData = marketData;
    this.runPrices = runPrices;
    this.funding = funding;
    this.limits = limits;
    this.json = json;
  }

  List<SweepResult> search(
      WalkForwardRow row,
      WalkForwardRunner.Setup setup,
      WindowRow w,
      long[] indices,
      EvaluationLimits evaluation) {
    PortfolioSetup portfolio = json.readValue(row.portfolio(), PortfolioSetup.class);
    ZoneId zone = ZoneId.of(portfolio.timeZone());
    LocalDate first = w.trainStart().atZone(zone).toLocalDate();
    LocalDate last = w.trainEnd().atZone(zone).toLocalDate();
    PortfolioBars universe =
        PortfolioSweep.load(
            marketData,
            runPrices,
            setup.runSettings().prices(),
            portfolio,
            Interval.fromCode(row.interval()),
            first,
            last,
            limits.memoryBytes());
    return PortfolioSweep.run(
        setup.strategy(),
        universe,
        portfolio,
        funding.portfolio(setup.runSettings(), portfolio, universe.universe()),
        setup.runSettings(),
        row.initialCapital(),
        setup.grid(),
        indices,
        setup.objective(),
        setup.constraints(),
        evaluation);
  }

  List<WalkForwardResult.WindowOutcome> test(
      WalkForwardRow row,
      WalkForwardRunner.Setup setup,
      List<WindowRow> windows,
      Map<Integer, WalkForwardRepository.SliceBest> chosen,
      EvaluationLimits evaluation) {
    throw new IllegalArgumentException("portfolio walk-forwards are not supported yet");
  }

  /**
   * A test part that stays in cash (no combination was feasible on its train part): the capital
   * unchanged at every bar, no trade, and the metrics of a run that never trades.
   */
  static WindowTest inCash(BarSeries part, BacktestConfig config, double capital) {
    double[] equity = new double[part.size()];
    Arrays.fill(equity, capital);
    return new WindowTest(
        part.times().clone(),
        equity,
        List.of(),
        Backtest.run(part, Signals.builder(part.size()).build(), config).metrics());
  }
}
