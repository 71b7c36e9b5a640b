package com.tradingbacktest.app.backtest.optimize;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tradingbacktest.app.backtest.BacktestSettings;
import com.tradingbacktest.app.backtest.JobFailures;
import com.tradingbacktest.app.backtest.PolledStop;
import com.tradingbacktest.app.backtest.RunLimits;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.backtest.run.PortfolioBars;
import com.tradingbacktest.app.backtest.run.PortfolioSetup;
import com.tradingbacktest.app.backtest.run.PortfolioSweep;
import com.tradingbacktest.app.backtest.run.RunFunding;
import com.tradingbacktest.app.backtest.run.RunPrices;
import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.optimize.Constraint;
import com.tradingbacktest.engine.optimize.GridSearch;
import com.tradingbacktest.engine.optimize.Objective;
import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.optimize.SweepResult;
import com.tradingbacktest.engine.optimize.ValidCombinations;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.sim.BacktestConfig;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one slice of an optimisation's grid on a worker and stores its results; the slice that finds
 * every slice done completes the optimisation. Slices are idempotent (a finished slice is recorded
 * with its results in one transaction), so JobRunr may retry any of them. The bars of a running
 * optimisation stay cached in the process for a few minutes: its other slices on this worker skip
 * the load.
 */
@Component
class OptimizationRunner {

  private static final Logger log = LoggerFactory.getLogger(OptimizationRunner.class);

  /**
   * A time and five prices, and the buy-and-hold curve the engine keeps with a series once it has
   * been backtested ({@code BarSeries.buyAndHoldEquity}, shared by the optimisation's backtests).
   */
  private static final long BYTES_PER_BAR = 56;

  private final OptimizationRepository optimizations;
  private final MarketDataService marketData;
  private final BacktestSettings settings;
  private final RunLimits limits;
  private final JobFailures failures;
  private final TransactionTemplate transaction;
  private final JsonMapper json;
  private final Cache<UUID, BarSeries> bars;
  private final RunFunding funding;
  private final RunPrices runPrices;
  private final OptimizationFinisher finisher;

  OptimizationRunner(
      OptimizationRepository optimizations,
      MarketDataService marketData,
      BacktestSettings settings,
      RunLimits limits,
      TransactionTemplate transaction,
      JsonMapper json,
      RunFunding funding,
      RunPrices runPrices,
      OptimizationFinisher finisher) {
    this.finisher = finisher;
    this.funding = funding;
    this.runPrices = runPrices;
    this.optimizations = optimizations;
    this.marketData = marketData;
    this.settings = settings;
    this.limits = limits;
    this.failures = new JobFailures(limits, settings.maxAttempts());
    // At most one run's memory of bars (56 bytes each) stays cached besides the running slices.
    this.bars =
        Caffeine.newBuilder()
            .maximumWeight(Math.max(1, limits.memoryBytes() / BYTES_PER_BAR))
            .weigher((UUID id, BarSeries series) -> Math.max(1, series.size()))
            .expireAfterAccess(Duration.ofMinutes(5))
            .build();
    this.transaction = transaction;
    this.json = json;
  }

  /**
   * @param failuresSoFar earlier failed attempts of this slice's job (JobRunr's count)
   */
  void runSlice(UUID id, int slice, int failuresSoFar) {
    OptimizationRow row = optimizations.findForRun(id).orElse(null);
    if (row == null) {
      return;
    }
    if (row.status().isFinal() || optimizations.sliceDone(id, slice)) {
      // A retry of the slice that completed the grid but could not queue the finish step.
      finisher.enqueueIfPending(row);
      return;
    }
    optimizations.markRunning(id);
    failures.run(
        new JobFailures.Work(
            "Optimisation " + id + " slice " + slice,
            "A slice of the grid (" + settings.combinationsPerSlice() + " combinations)",
            "The strategy",
            "A slice of the grid",
            "optimisation " + id,
            reason -> optimizations.fail(id, reason)),
        failuresSoFar,
        () -> {
          List<SweepResult> results = evaluate(row, slice);
          transaction.executeWithoutResult(
              tx ->
                  optimizations.saveSlice(
                      id,
                      slice,
                      results,
                      r -> json.writeValueAsString(r.parameters()),
                      r -> json.writeValueAsString(r.metrics().toMap())));
          if (optimizations.completeIfAllSlicesDone(id)) {
            log.info("Optimisation {} completed: {} combinations", id, row.combinations());
            finisher.enqueueIfPending(optimizations.findForRun(id).orElse(row));
          }
        });
  }

  private List<SweepResult> evaluate(OptimizationRow row, int slice) {
    StoredGrid search =
        StoredGrid.read(
            json, row.strategyCode(), row.ranges(), row.constraints(), row.paramConstraints());
    CompiledStrategy strategy = search.strategy();
    ParameterGrid grid = search.grid();
    List<Constraint> constraints = search.constraints();
    ValidCombinations valid = search.valid();
    RunSettings runSettings = json.readValue(row.settings(), RunSettings.class);
    long from = (long) slice * settings.combinationsPerSlice();
    long[] indices =
        valid.indices(
            Math.min(from, valid.size()),
            Math.min(valid.size(), from + settings.combinationsPerSlice()));
    Long splitTime = splitTime(row);
    int returnBlocks = row.cscvPartitions() == null ? 0 : row.cscvPartitions();
    if (row.isPortfolio()) {
      // Each slice reads the universe itself: 500 series are one bulk read, and caching them
      // would hold a portfolio's bars beyond the run that needs them.
      PortfolioSetup setup = json.readValue(row.portfolio(), PortfolioSetup.class);
      PortfolioBars loaded =
          PortfolioSweep.load(
              marketData,
              runPrices,
              runSettings.prices(),
              setup,
              Interval.fromCode(row.interval()),
              row.startDate(),
              row.endDate(),
              limits.memoryBytes());
      PortfolioBars universe =
          splitTime == null ? loaded : PortfolioSweep.before(loaded, splitTime);
      return PortfolioSweep.run(
          strategy,
          universe,
          setup,
          funding.portfolio(runSettings, setup, universe.universe()),
          runSettings,
          row.initialCapital(),
          grid,
          indices,
          Objective.parse(row.objective()),
          constraints,
          limits.start(new PolledStop(() -> optimizations.isActive(row.id()))),
          returnBlocks);
    }
    BarSeries all =
        bars.get(
            row.id(),
            id -> {
              Interval interval = Interval.fromCode(row.interval());
              BarSeries stored =
                  marketData.loadDays(row.seriesKey(), interval, row.startDate(), row.endDate());
              return runPrices.read(row.seriesKey(), interval, stored, runSettings.prices()).bars();
            });
    if (all.size() == 0) {
      throw new IllegalArgumentException(
          "no " + row.interval() + " bars of " + row.symbol() + " in the date range");
    }
    // With a split the grid is ranked on the bars before the held-out part only.
    BarSeries series =
        splitTime == null
            ? all
            : all.slice(0, PortfolioSweep.firstAtOrAfter(all.times(), splitTime));
    if (series.size() - 1 < returnBlocks) {
      returnBlocks = 0; // too few returns to cut into blocks: no CSCV for this one
    }
    BacktestConfig config =
        runSettings.toConfig(
            row.initialCapital().doubleValue(),
            funding.single(runSettings, row.seriesKey(), series));
    Objective objective = Objective.parse(row.objective());
    EvaluationLimits evaluation =
        limits.start(new PolledStop(() -> optimizations.isActive(row.id())));
    return returnBlocks == 0
        ? GridSearch.run(
            strategy, series, config, grid, indices, objective, constraints, evaluation)
        : GridSearch.run(
            strategy,
            series,
            config,
            grid,
            indices,
            objective,
            constraints,
            evaluation,
            returnBlocks);
  }

  /** The first held-out bar's time (epoch ms), or null when nothing is held out. */
  private Long splitTime(OptimizationRow row) {
    return row.outOfSample() == null
        ? null
        : json.readValue(row.outOfSample(), OptimizationRobustness.Split.class)
            .splitTime()
            .toEpochMilli();
  }
}
