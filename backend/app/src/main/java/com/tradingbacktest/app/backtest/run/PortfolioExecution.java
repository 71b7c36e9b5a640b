package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunResult;
import com.tradingbacktest.app.backtest.RunSeries;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.lang.UniverseEvaluation;
import com.tradingbacktest.engine.metrics.BenchmarkStats;
import com.tradingbacktest.engine.portfolio.PortfolioBacktest;
import com.tradingbacktest.engine.portfolio.PortfolioConfig;
import com.tradingbacktest.engine.portfolio.PortfolioLeg;
import com.tradingbacktest.engine.portfolio.PortfolioNote;
import com.tradingbacktest.engine.portfolio.PortfolioResult;
import com.tradingbacktest.engine.portfolio.PortfolioTrade;
import com.tradingbacktest.engine.portfolio.Rebalance;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.FillMode;
import com.tradingbacktest.engine.sim.Funding;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A resolved portfolio run executed on its bars: the strategy evaluated over the universe (each
 * symbol on its own bars, the cross-sectional functions across them), one leg per symbol (its
 * weights for the rebalancer, else its signals), and {@link PortfolioBacktest} over one account.
 * The counterpart of {@link RunExecution} for runs over several symbols.
 *
 * @param result the portfolio's simulation and metrics
 * @param legs the legs it ran, in the universe's order
 * @param fx per foreign currency, the FX series it converted with
 * @param series the equity (and equal-weight buy and hold) at each of the union's times
 * @param benchmark the run measured against its benchmark; null without one
 * @param rebalance the schedule its weights traded on; null when no leg had weights
 */
record PortfolioExecution(
    PortfolioResult result,
    List<PortfolioLeg> legs,
    Map<String, BarSeries> fx,
    RunSeries series,
    RunExecution.Measured benchmark,
    Rebalance rebalance) {

  /**
   * Runs {@code strategy} over {@code universe} (the bars of {@code setup}'s symbols, in its order,
   * none empty).
   *
   * @param fx per foreign currency, its FX series' bars
   * @throws RunFailure when the strategy or the portfolio cannot run on this data (over the memory
   *     limit, an FX series that starts too late, ...)
   * @throws com.tradingbacktest.engine.sim.RunTimeLimitException past the limits' deadline
   * @throws com.tradingbacktest.engine.sim.BacktestCancelledException when the control cancels
   */
  static PortfolioExecution of(
      CompiledStrategy strategy,
      List<BarSeries> universe,
      PortfolioSetup setup,
      Map<String, BarSeries> fx,
      List<Funding> funding,
      Map<String, Double> parameters,
      RunSettings settings,
      BigDecimal initialCapital,
      RunExecution.Benchmark benchmark,
      EvaluationLimits limits,
      Runnable evaluated) {
    try {
      Simulated simulated =
          simulate(
              strategy, universe, setup, fx, funding, parameters, settings, initialCapital, limits);
      evaluated.run();
      PortfolioResult result = simulated.result();
      List<PortfolioLeg> legs = simulated.legs();
      RunExecution.Measured measured = null;
      if (benchmark != null) {
        MarketCalendar calendar =
            universe.stream().anyMatch(b -> b.calendar() == MarketCalendar.CRYPTO)
                ? MarketCalendar.CRYPTO
                : MarketCalendar.STOCK;
        measured =
            new RunExecution.Measured(
                benchmark.symbol(),
                BenchmarkStats.compute(
                    result.times(),
                    result.equity(),
                    benchmark.bars().times(),
                    benchmark.bars().close(),
                    initialCapital.doubleValue(),
                    calendar.barsPerYear(universe.get(0).interval()),
                    settings.riskFreeRate()));
      }
      RunSeries series =
          new RunSeries(
              result.times(),
              result.equity(),
              result.metrics().buyAndHoldEquity(),
              measured == null ? null : measured.stats().rebasedEquity());
      return new PortfolioExecution(result, legs, fx, series, measured, simulated.rebalance());
    } catch (IllegalArgumentException e) {
      // StrategyEvaluationException (memory, a runtime error of the code), a missing or late FX
      // series, too many symbol-times: the run's own fault.
      throw new RunFailure("The portfolio could not run on this data: " + e.getMessage());
    }
  }

  /**
   * A portfolio's simulation alone.
   *
   * @param rebalance the schedule its weights traded on; null when no leg had weights
   */
  record Simulated(PortfolioResult result, List<PortfolioLeg> legs, Rebalance rebalance) {}

  /**
   * Evaluates {@code strategy} over {@code universe} with {@code parameters} (without plots) and
   * simulates the portfolio: what a stored run and each combination of an optimisation share.
   *
   * @throws IllegalArgumentException when the strategy or the portfolio cannot run on this data
   */
  static Simulated simulate(
      CompiledStrategy strategy,
      List<BarSeries> universe,
      PortfolioSetup setup,
      Map<String, BarSeries> fx,
      List<Funding> funding,
      Map<String, Double> parameters,
      RunSettings settings,
      BigDecimal initialCapital,
      EvaluationLimits limits) {
    Prepared prepared =
        prepare(
            strategy, universe, setup, fx, funding, parameters, settings, initialCapital, limits);
    PortfolioResult result =
        PortfolioBacktest.run(prepared.legs(), prepared.config(), limits.control());
    return new Simulated(
        result, prepared.legs(), prepared.weighted() ? prepared.config().rebalance() : null);
  }

  /**
   * A portfolio ready to simulate: one leg per symbol (its weights, else its signals) and the
   * account.
   *
   * @param weighted whether any leg trades on weights
   */
  record Prepared(List<PortfolioLeg> legs, PortfolioConfig config, boolean weighted) {}

  /**
   * The universe evaluated with {@code parameters} and the legs and account built from it, as
   * {@link #simulate} runs them.
   */
  static Prepared prepare(
      CompiledStrategy strategy,
      List<BarSeries> universe,
      PortfolioSetup setup,
      Map<String, BarSeries> fx,
      List<Funding> funding,
      Map<String, Double> parameters,
      RunSettings settings,
      BigDecimal initialCapital,
      EvaluationLimits limits) {
    UniverseEvaluation evaluation = strategy.universeSignals(universe, parameters, limits);
    List<PortfolioLeg> legs = new ArrayList<>(universe.size());
    boolean weighted = false;
    for (int i = 0; i < universe.size(); i++) {
      PortfolioSetup.Member member = setup.symbols().get(i);
      UniverseEvaluation.SymbolEvaluation symbol = evaluation.symbols().get(i);
      double[] weight = symbol.weight();
      weighted |= weight != null;
      legs.add(
          new PortfolioLeg(
              member.symbol(),
              universe.get(i),
              member.currency(),
              member.costs().toModel(),
              member.quantityStep(),
              weight == null ? symbol.signals() : null,
              weight,
              funding.get(i),
              member.marketRules(settings.prices())));
    }
    RunSettings.Account account = settings.accountOrCash();
    Rebalance rebalance =
        setup.rebalance() != null
            ? Rebalance.parse(setup.rebalance())
            : evaluation.rebalance().orElse(Rebalance.MONTHLY);
    PortfolioConfig config =
        PortfolioConfig.builder()
            .initialCapital(initialCapital.doubleValue())
            .baseCurrency(setup.baseCurrency())
            .fx(fx)
            .rebalance(rebalance)
            .zone(ZoneId.of(setup.timeZone()))
            .fillMode("close".equals(settings.fill()) ? FillMode.CLOSE : FillMode.NEXT_OPEN)
            .sizing(settings.sizing().toModel())
            .allowShort(settings.allowShort())
            .closeAtEnd(settings.closeAtEnd())
            .riskFreeRate(settings.riskFreeRate())
            .margin(account.toMargin())
            .closeAtEndPrice(account.endPrice())
            .pyramiding(account.pyramiding())
            .build();
    return new Prepared(legs, config, weighted);
  }

  /**
   * Per symbol and time, its weight: its position's value in the base currency over the equity (0
   * when flat), at each of the union's times; the position is marked at the symbol's last close and
   * the last FX rate, as the engine marks equity.
   */
  double[][] weights() {
    long[] times = result.times();
    double[] equity = result.equity();
    double[][] weights = new double[legs.size()][];
    for (int l = 0; l < legs.size(); l++) {
      PortfolioLeg leg = legs.get(l);
      double[] quantity = result.quantity()[l];
      long[] barTimes = leg.bars().times();
      double[] close = leg.bars().close();
      BarSeries rates = fx.get(leg.currency());
      double[] w = new double[times.length];
      int bar = -1;
      int rate = -1;
      for (int t = 0; t < times.length; t++) {
        while (bar + 1 < barTimes.length && barTimes[bar + 1] <= times[t]) {
          bar++;
        }
        double fxRate = 1;
        if (rates != null) {
          while (rate + 1 < rates.size() && rates.times()[rate + 1] <= times[t]) {
            rate++;
          }
          fxRate = rate < 0 ? Double.NaN : rates.close()[rate];
        }
        double q = quantity[t];
        w[t] = q == 0 || bar < 0 ? 0 : q * close[bar] * fxRate / equity[t];
      }
      weights[l] = w;
    }
    return weights;
  }

  /** What the API shows of the result, with the equity overview in {@code chartPoints} points. */
  RunResult summary(int chartPoints, PortfolioSetup setup) {
    int last = result.times().length - 1;
    double finalEquity = result.finalEquity();
    int[] tradeCount = new int[legs.size()];
    for (PortfolioTrade t : result.trades()) {
      tradeCount[t.leg()]++;
    }
    List<RunResult.SymbolSummary> symbols = new ArrayList<>(legs.size());
    for (int l = 0; l < legs.size(); l++) {
      PortfolioLeg leg = legs.get(l);
      double value = result.finalValue()[l];
      symbols.add(
          new RunResult.SymbolSummary(
              leg.symbol(),
              leg.currency(),
              result.contribution()[l],
              tradeCount[l],
              result.quantity()[l][last],
              leg.bars().close()[leg.bars().size() - 1],
              value,
              finalEquity != 0 && Double.isFinite(value / finalEquity)
                  ? value / finalEquity
                  : null));
    }
    List<RunResult.Note> notes = new ArrayList<>(result.notes().size());
    for (PortfolioNote n : result.notes()) {
      notes.add(
          new RunResult.Note(
              Instant.ofEpochMilli(n.time()),
              n.kind().name().toLowerCase(Locale.ROOT),
              n.message()));
    }
    Map<String, String> fxSymbols = new LinkedHashMap<>();
    setup.fx().forEach(f -> fxSymbols.put(f.currency(), f.symbol()));
    RunResult.PortfolioSummary portfolio =
        new RunResult.PortfolioSummary(
            setup.baseCurrency(),
            rebalance == null ? null : rebalance.toString(),
            setup.timeZone(),
            result.turnover(),
            Double.isFinite(result.annualTurnover()) ? result.annualTurnover() : null,
            result.tradedValue(),
            result.commissions(),
            symbols,
            fxSymbols,
            notes,
            result.notesOmitted());
    return RunResult.ofPortfolio(
        result.metrics(),
        series,
        chartPoints,
        result.trades().size(),
        result.fills().size(),
        result.rejectedOrders(),
        benchmark == null ? null : benchmark.symbol(),
        benchmark == null ? null : benchmark.stats(),
        portfolio,
        result.liquidations());
  }
}
