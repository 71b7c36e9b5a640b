package com.tradingbacktest.app.backtest.walkforward;

import com.tradingbacktest.app.backtest.JsonTypes;
import com.tradingbacktest.app.backtest.RunLimits;
import com.tradingbacktest.app.backtest.run.PortfolioBars;
import com.tradingbacktest.app.backtest.run.PortfolioSetup;
import com.tradingbacktest.app.backtest.run.PortfolioSweep;
import com.tradingbacktest.app.backtest.run.RunFunding;
import com.tradingbacktest.app.backtest.run.RunPrices;
import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.optimize.SweepResult;
import com.tradingbacktest.engine.robust.StitchBasis;
import com.tradingbacktest.engine.robust.WalkForwardResult;
import com.tradingbacktest.engine.robust.WalkForwardWindow;
import com.tradingbacktest.engine.robust.WindowTest;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
        evaluation,
        /* returnBlocks= */ 0);
  }

  /**
   * Each window's choice traded on its test part in order, the capital carried; the universe is
   * read up to each part's last day, so nothing after it is seen.
   */
  WalkForwardRunner.Tested test(
      WalkForwardRow row,
      WalkForwardRunner.Setup setup,
      List<WindowRow> windows,
      Map<Integer, WalkForwardRepository.SliceBest> chosen,
      EvaluationLimits evaluation) {
    PortfolioSetup portfolio = json.readValue(row.portfolio(), PortfolioSetup.class);
    ZoneId zone = ZoneId.of(portfolio.timeZone());
    Interval interval = Interval.fromCode(row.interval());
    // Any valid combination gives the account its schedule when a part stays in cash.
    Map<String, Double> anyValid = setup.grid().combination(setup.valid().indices(0, 1)[0]);
    double capital = row.initialCapital().doubleValue();
    List<WalkForwardResult.WindowOutcome> outcomes = new ArrayList<>(windows.size());
    MarketCalendar calendar = MarketCalendar.STOCK;
    for (WindowRow w : windows) {
      PortfolioBars universe =
          PortfolioSweep.load(
              marketData,
              runPrices,
              setup.runSettings().prices(),
              portfolio,
              interval,
              row.startDate(),
              w.testEnd().atZone(zone).toLocalDate(),
              limits.memoryBytes());
      if (universe.universe().stream().anyMatch(b -> b.calendar() == MarketCalendar.CRYPTO)) {
        calendar = MarketCalendar.CRYPTO; // as a portfolio run annualises
      }
      WalkForwardRepository.SliceBest best = chosen.get(w.number());
      boolean feasible = best != null && best.feasible();
      Map<String, Double> parameters =
          feasible ? json.readValue(best.parameters(), JsonTypes.DOUBLES) : null;
      WindowTest test =
          PortfolioSweep.testPart(
              setup.strategy(),
              universe,
              portfolio,
              funding.portfolio(setup.runSettings(), portfolio, universe.universe()),
              parameters,
              anyValid,
              setup.runSettings(),
              capital,
              w.testStart().toEpochMilli(),
              w.testEnd().toEpochMilli(),
              evaluation);
      WalkForwardWindow window =
          new WalkForwardWindow(w.number(), w.trainFrom(), w.trainTo(), w.testFrom(), w.testTo());
      if (feasible) {
        // The chosen combination's train run again, for its full metrics (slices keep a map).
        SweepResult inSample =
            search(row, setup, w, new long[] {best.combination()}, evaluation).get(0);
        outcomes.add(
            new WalkForwardResult.WindowOutcome(
                window,
                parameters,
                best.combination(),
                inSample.score(),
                inSample.metrics(),
                test));
      } else {
        outcomes.add(
            new WalkForwardResult.WindowOutcome(window, Map.of(), -1, Double.NaN, null, test));
      }
      capital = test.endEquity();
    }
    // The parts' equal-weight buy-and-hold curves chained: a portfolio has no one close.
    return new WalkForwardRunner.Tested(
        outcomes,
        StitchBasis.chained(calendar, interval, zone, setup.runSettings().riskFreeRate()));
  }
}
