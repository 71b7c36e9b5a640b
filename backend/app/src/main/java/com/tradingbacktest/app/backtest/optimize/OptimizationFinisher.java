package com.tradingbacktest.app.backtest.optimize;

import com.tradingbacktest.app.backtest.BacktestSettings;
import com.tradingbacktest.app.backtest.JobQueue;
import com.tradingbacktest.app.backtest.JsonTypes;
import com.tradingbacktest.app.backtest.PolledStop;
import com.tradingbacktest.app.backtest.RunLimits;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.backtest.RunStatus;
import com.tradingbacktest.app.backtest.run.PortfolioBars;
import com.tradingbacktest.app.backtest.run.PortfolioSetup;
import com.tradingbacktest.app.backtest.run.PortfolioSweep;
import com.tradingbacktest.app.backtest.run.RunFunding;
import com.tradingbacktest.app.backtest.run.RunPrices;
import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.optimize.Objective;
import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.optimize.SweepResult;
import com.tradingbacktest.engine.robust.OptimizationStatistics;
import com.tradingbacktest.engine.robust.WalkForward;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Downsampling;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.BacktestCancelledException;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.RunTimeLimitException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The finish step of an optimisation whose grid is done (one {@link OptimizationFinishJob}, queued
 * by the slice that completed it): the overfitting statistics from the stored results and their
 * return blocks and, with a held-out part, the top feasible in-sample combinations traded on it
 * ({@link WalkForward#test}: indicators warmed up on the bars before) and the in-sample best over
 * the whole range. It stores all of it at once, only if nothing is stored yet, so a retry or a
 * second job cannot store twice.
 */
@Component
class OptimizationFinisher {

  private static final Logger log = LoggerFactory.getLogger(OptimizationFinisher.class);

  /** Combinations traded on the held-out part. */
  static final int HELD_OUT_TOP = 10;

  /** Points of the in-sample best's equity over the whole range, as a run's overview has. */
  static final int EQUITY_POINTS = 1_000;

  private final OptimizationRepository optimizations;
  private final MarketDataService marketData;
  private final RunPrices runPrices;
  private final RunFunding funding;
  private final RunLimits limits;
  private final BacktestSettings settings;
  private final JobQueue queue;
  private final JsonMapper json;

  OptimizationFinisher(
      OptimizationRepository optimizations,
      MarketDataService marketData,
      RunPrices runPrices,
      RunFunding funding,
      RunLimits limits,
      BacktestSettings settings,
      JobQueue queue,
      JsonMapper json) {
    this.optimizations = optimizations;
    this.marketData = marketData;
    this.runPrices = runPrices;
    this.funding = funding;
    this.limits = limits;
    this.settings = settings;
    this.queue = queue;
    this.json = json;
  }

  static UUID jobId(UUID optimizationId) {
    return UUID.nameUUIDFromBytes((optimizationId + "/finish").getBytes(StandardCharsets.UTF_8));
  }

  /** Queues the finish step of a completed optimisation that keeps return blocks, once. */
  void enqueueIfPending(OptimizationRow row) {
    if (row.status() != RunStatus.COMPLETED
        || row.cscvPartitions() == null
        || row.robustness() != null
        || queue.exists(jobId(row.id()))) {
      return;
    }
    queue.enqueue(
        jobId(row.id()),
        "Optimisation " + row.strategyName() + " on " + row.symbol() + ": statistics",
        new OptimizationFinishJob(row.id()));
  }

  /**
   * @param failuresSoFar earlier failed attempts of the job (JobRunr's count)
   */
  void finish(UUID id, int failuresSoFar) {
    OptimizationRow row = optimizations.findForRun(id).orElse(null);
    if (row == null
        || row.status() != RunStatus.COMPLETED
        || row.robustness() != null
        || row.cscvPartitions() == null) {
      return;
    }
    OptimizationRobustness.Finished finished;
    try {
      finished = compute(row);
    } catch (BacktestCancelledException e) {
      log.info("Optimisation {} was deleted while finishing", id);
      return;
    } catch (RunTimeLimitException | IllegalArgumentException e) {
      // Nothing a retry changes (the time limit, the data or the strategy): what is known stays
      // unknown rather than pending for ever.
      log.warn("Optimisation {}: the finish step could not compute: {}", id, e.getMessage());
      finished = unknown();
    } catch (RuntimeException e) {
      if (failuresSoFar + 1 < settings.maxAttempts()) {
        throw e;
      }
      log.error("Optimisation {}: the finish step failed on its last attempt", id, e);
      finished = unknown();
    }
    if (optimizations.saveRobustness(id, json.writeValueAsString(finished))) {
      log.info("Optimisation {} finished: statistics stored", id);
    }
  }

  private static OptimizationRobustness.Finished unknown() {
    return new OptimizationRobustness.Finished(
        List.of(), List.of(), new OptimizationRobustness.Statistics(null, null, null));
  }

  private OptimizationRobustness.Finished compute(OptimizationRow row) {
    CompiledStrategy strategy = StoredGrid.compile(row.strategyCode());
    RunSettings runSettings = json.readValue(row.settings(), RunSettings.class);
    ParameterGrid grid = StoredGrid.grid(json, row.ranges());
    Objective objective = Objective.parse(row.objective());
    EvaluationLimits runLimits =
        limits.start(new PolledStop(() -> optimizations.findForRun(row.id()).isPresent()));

    List<SweepResult> results = new ArrayList<>();
    for (OptimizationRepository.BlockedResult r : optimizations.withBlocks(row.id())) {
      results.add(
          new SweepResult(
              r.combination(),
              json.readValue(r.parameters(), JsonTypes.DOUBLES),
              StoredMetrics.STAND_IN,
              r.score() == null ? Double.NaN : r.score(),
              r.feasible(),
              r.blocks()));
    }
    OptimizationStatistics statistics =
        OptimizationStatistics.of(grid, results, runLimits.control());

    OptimizationRobustness.Split split =
        row.outOfSample() == null
            ? null
            : json.readValue(row.outOfSample(), OptimizationRobustness.Split.class);
    Interval interval = Interval.fromCode(row.interval());
    List<OptimizationRobustness.HeldOutResult> heldOut = List.of();
    List<OptimizationRobustness.EquityPoint> bestEquity = List.of();
    double barsPerYear;
    if (row.isPortfolio()) {
      PortfolioSetup setup = json.readValue(row.portfolio(), PortfolioSetup.class);
      PortfolioBars bars =
          PortfolioSweep.load(
              marketData,
              runPrices,
              runSettings.prices(),
              setup,
              interval,
              row.startDate(),
              row.endDate(),
              limits.memoryBytes());
      barsPerYear = portfolioBarsPerYear(bars, interval);
      if (split != null) {
        PortfolioHeldOut portfolio =
            new PortfolioHeldOut(
                strategy,
                bars,
                setup,
                funding.portfolio(runSettings, setup, bars.universe()),
                runSettings,
                row.initialCapital(),
                split.splitTime().toEpochMilli(),
                runLimits);
        heldOut = heldOut(row, objective, portfolio::test);
        bestEquity = bestEquity(row, portfolio::equity);
      }
    } else {
      BarSeries all =
          runPrices
              .read(
                  row.seriesKey(),
                  interval,
                  marketData.loadDays(row.seriesKey(), interval, row.startDate(), row.endDate()),
                  runSettings.prices())
              .bars();
      barsPerYear = all.calendar().barsPerYear(all.interval());
      if (split != null) {
        BacktestConfig config =
            runSettings.toConfig(
                row.initialCapital().doubleValue(),
                funding.single(runSettings, row.seriesKey(), all));
        int from = PortfolioSweep.firstAtOrAfter(all.times(), split.splitTime().toEpochMilli());
        heldOut =
            heldOut(
                row,
                objective,
                parameters ->
                    WalkForward.test(strategy, all, config, parameters, from, all.size(), runLimits)
                        .metrics());
        bestEquity =
            bestEquity(
                row,
                parameters -> {
                  double[] equity =
                      Backtest.run(
                              all,
                              strategy.signals(all, parameters, runLimits),
                              config,
                              runLimits.control())
                          .simulation()
                          .equity();
                  return new TimedEquity(all.times(), equity);
                });
      }
    }
    return new OptimizationRobustness.Finished(
        heldOut, bestEquity, StatisticsViews.of(statistics, grid, barsPerYear));
  }

  /** The top feasible in-sample combinations, each traded on the held-out part. */
  private List<OptimizationRobustness.HeldOutResult> heldOut(
      OptimizationRow row,
      Objective objective,
      Function<Map<String, Double>, PerformanceMetrics> test) {
    List<OptimizationRobustness.HeldOutResult> out = new ArrayList<>();
    int rank = 1;
    for (OptimizationRepository.ResultRow r :
        optimizations.rankedFeasible(row.id(), HELD_OUT_TOP)) {
      Map<String, Double> parameters = json.readValue(r.parameters(), JsonTypes.DOUBLES);
      PerformanceMetrics metrics = test.apply(parameters);
      double score = objective.score(metrics);
      out.add(
          new OptimizationRobustness.HeldOutResult(
              rank++,
              r.combination(),
              parameters,
              r.score(),
              Double.isFinite(score) ? score : null,
              json.readValue(r.metrics(), JsonTypes.NUMBERS),
              metrics.toMap()));
    }
    return out;
  }

  /** The in-sample best (feasible first, as ranked) over the whole range, downsampled. */
  private List<OptimizationRobustness.EquityPoint> bestEquity(
      OptimizationRow row, Function<Map<String, Double>, TimedEquity> run) {
    List<OptimizationRepository.ResultRow> best = optimizations.ranked(row.id(), 1);
    if (best.isEmpty()) {
      return List.of();
    }
    TimedEquity curve = run.apply(json.readValue(best.get(0).parameters(), JsonTypes.DOUBLES));
    if (curve.equity().length == 0) {
      return List.of();
    }
    int[] kept =
        curve.equity().length <= EQUITY_POINTS
            ? IntStream.range(0, curve.equity().length).toArray()
            : Downsampling.indices(0, curve.equity().length, EQUITY_POINTS, curve.equity());
    List<OptimizationRobustness.EquityPoint> points = new ArrayList<>(kept.length);
    for (int i : kept) {
      points.add(
          new OptimizationRobustness.EquityPoint(
              Instant.ofEpochMilli(curve.times()[i]), curve.equity()[i]));
    }
    return points;
  }

  /** Bars per year as the portfolio's metrics annualise: crypto's when any symbol trades on it. */
  private static double portfolioBarsPerYear(PortfolioBars bars, Interval interval) {
    MarketCalendar calendar =
        bars.universe().stream().anyMatch(b -> b.calendar() == MarketCalendar.CRYPTO)
            ? MarketCalendar.CRYPTO
            : MarketCalendar.STOCK;
    return calendar.barsPerYear(interval);
  }
}
