package com.tradingbacktest.app.backtest.walkforward;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tradingbacktest.app.backtest.BacktestSettings;
import com.tradingbacktest.app.backtest.JobFailures;
import com.tradingbacktest.app.backtest.JobQueue;
import com.tradingbacktest.app.backtest.JsonTypes;
import com.tradingbacktest.app.backtest.PolledStop;
import com.tradingbacktest.app.backtest.RunLimits;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.backtest.optimize.StoredGrid;
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
import com.tradingbacktest.engine.robust.StitchBasis;
import com.tradingbacktest.engine.robust.WalkForward;
import com.tradingbacktest.engine.robust.WalkForwardResult;
import com.tradingbacktest.engine.robust.WalkForwardWindow;
import com.tradingbacktest.engine.robust.WindowTest;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a walk-forward's jobs on a worker. A slice searches its part of the grid on its window's
 * train part and stores the best result (GridSearch's ranking); slices are idempotent (a finished
 * slice is one row), so JobRunr may retry any of them. The slice that finds every slice done queues
 * the finish job ({@link WalkForwardFinishJob}, one per walk-forward whatever the race), which
 * chooses each window's combination, trades it on the test part with the capital carried, stitches
 * the parts and completes the walk-forward in one transaction; it may be retried too. The bars of a
 * running walk-forward stay cached in the process for a few minutes, so its other slices on this
 * worker skip the load.
 */
@Component
class WalkForwardRunner {

  private static final Logger log = LoggerFactory.getLogger(WalkForwardRunner.class);

  /** Points of the stitched equity kept in the result, as the contract bounds it. */
  static final int EQUITY_POINTS = 1_000;

  /** A time and five prices, and the buy-and-hold curve a backtested series keeps. */
  private static final long BYTES_PER_BAR = 56;

  private final WalkForwardRepository walkForwards;
  private final MarketDataService marketData;
  private final BacktestSettings settings;
  private final RunLimits limits;
  private final JobFailures failures;
  private final TransactionTemplate transaction;
  private final JsonMapper json;
  private final RunFunding funding;
  private final RunPrices runPrices;
  private final JobQueue queue;
  private final WalkForwardPortfolio portfolio;
  private final Cache<UUID, BarSeries> bars;

  WalkForwardRunner(
      WalkForwardRepository walkForwards,
      MarketDataService marketData,
      BacktestSettings settings,
      RunLimits limits,
      TransactionTemplate transaction,
      JsonMapper json,
      RunFunding funding,
      RunPrices runPrices,
      JobQueue queue,
      WalkForwardPortfolio portfolio) {
    this.walkForwards = walkForwards;
    this.marketData = marketData;
    this.settings = settings;
    this.limits = limits;
    this.failures = new JobFailures(limits, settings.maxAttempts());
    this.transaction = transaction;
    this.json = json;
    this.funding = funding;
    this.runPrices = runPrices;
    this.queue = queue;
    this.portfolio = portfolio;
    // At most one run's memory of bars stays cached besides the running slices.
    this.bars =
        Caffeine.newBuilder()
            .maximumWeight(Math.max(1, limits.memoryBytes() / BYTES_PER_BAR))
            .weigher((UUID id, BarSeries series) -> Math.max(1, series.size()))
            .expireAfterAccess(Duration.ofMinutes(5))
            .build();
  }

  /**
   * @param failuresSoFar earlier failed attempts of this slice's job (JobRunr's count)
   */
  void runSlice(WalkForwardRow row, int window, int slice, int failuresSoFar) {
    UUID id = row.id();
    if (!walkForwards.sliceDone(id, window, slice)) {
      walkForwards.markRunning(id, window);
      boolean searched =
          failures.run(
              new JobFailures.Work(
                  "Walk-forward " + id + " window " + window + " slice " + slice,
                  "A slice of window "
                      + window
                      + "'s grid ("
                      + settings.combinationsPerSlice()
                      + " combinations)",
                  "The strategy",
                  "A slice of the grid",
                  "walk-forward " + id,
                  reason -> walkForwards.fail(id, reason)),
              failuresSoFar,
              () -> {
                WindowRow w = window(id, window);
                Setup setup = setup(row);
                long from = (long) slice * settings.combinationsPerSlice();
                long[] indices =
                    setup
                        .valid()
                        .indices(
                            Math.min(from, setup.valid().size()),
                            Math.min(setup.valid().size(), from + settings.combinationsPerSlice()));
                EvaluationLimits evaluation =
                    limits.start(new PolledStop(() -> walkForwards.isActive(id)));
                List<SweepResult> results =
                    row.isPortfolio()
                        ? portfolio.search(row, setup, w, indices, evaluation)
                        : searchTrainPart(row, setup, w, indices, evaluation);
                SweepResult best = GridSearch.rank(results).get(0);
                walkForwards.saveSlice(
                    id,
                    window,
                    slice,
                    results.size(),
                    new WalkForwardRepository.SliceBest(
                        window,
                        best.index(),
                        json.writeValueAsString(best.parameters()),
                        finiteOrNull(best.score()),
                        best.feasible(),
                        json.writeValueAsString(best.metrics().toMap())));
              });
      if (!searched) {
        return;
      }
    }
    // Also on a retry of a slice that was done: the finish job may not have been queued then.
    if (walkForwards.allSlicesDone(id)) {
      UUID finish = WalkForwardFinishJob.jobId(id);
      if (!queue.exists(finish)) {
        queue.enqueue(
            finish, "Walk-forward " + id + ": test and stitch", new WalkForwardFinishJob(id));
      }
    }
  }

  /**
   * Chooses each window's combination, tests it with the capital carried, stitches the tests and
   * completes the walk-forward; nothing when it no longer runs.
   */
  void finish(UUID id, int failuresSoFar) {
    WalkForwardRow row = walkForwards.findForRun(id).orElse(null);
    if (row == null || row.status().isFinal()) {
      return;
    }
    failures.run(
        new JobFailures.Work(
            "Walk-forward " + id + " finish",
            "Testing the windows",
            "The strategy",
            "Testing the windows",
            "walk-forward " + id,
            reason -> walkForwards.fail(id, reason)),
        failuresSoFar,
        () -> {
          Setup setup = setup(row);
          Map<Integer, WalkForwardRepository.SliceBest> chosen = walkForwards.windowBests(id);
          EvaluationLimits evaluation =
              limits.start(new PolledStop(() -> walkForwards.isActive(id)));
          Tested tested =
              row.isPortfolio()
                  ? portfolio.test(row, setup, walkForwards.windows(id), chosen, evaluation)
                  : testWindows(row, setup, walkForwards.windows(id), chosen, evaluation);
          List<WalkForwardResult.WindowOutcome> outcomes = tested.outcomes();
          WalkForwardResult result =
              WalkForwardResult.stitch(
                  outcomes, row.initialCapital().doubleValue(), tested.basis());
          String stitched = json.writeValueAsString(stitched(result));
          boolean completed =
              Boolean.TRUE.equals(
                  transaction.execute(
                      tx -> {
                        for (WalkForwardResult.WindowOutcome o : outcomes) {
                          walkForwards.completeWindow(id, completedWindow(o));
                        }
                        if (!walkForwards.complete(id, stitched)) {
                          tx.setRollbackOnly(); // cancelled meanwhile: leave the windows as they
                          // were
                          return false;
                        }
                        return true;
                      }));
          if (completed) {
            log.info(
                "Walk-forward {} completed: {} windows x {} combinations",
                id,
                row.windowCount(),
                row.combinations());
          }
        });
  }

  /** Every window's outcome, and how their stitched run is measured. */
  record Tested(List<WalkForwardResult.WindowOutcome> outcomes, StitchBasis basis) {}

  /** The strategy, grid and conditions of a walk-forward, as its slices and finish read them. */
  record Setup(
      CompiledStrategy strategy,
      RunSettings runSettings,
      ParameterGrid grid,
      ValidCombinations valid,
      Objective objective,
      List<Constraint> constraints) {}

  private Setup setup(WalkForwardRow row) {
    StoredGrid stored =
        StoredGrid.read(
            json, row.strategyCode(), row.ranges(), row.constraints(), row.paramConstraints());
    return new Setup(
        stored.strategy(),
        json.readValue(row.settings(), RunSettings.class),
        stored.grid(),
        stored.valid(),
        Objective.parse(row.objective()),
        stored.constraints());
  }

  private WindowRow window(UUID id, int number) {
    return walkForwards.windows(id).stream()
        .filter(w -> w.number() == number)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no window " + number + " of " + id));
  }

  /**
   * The walk-forward's bars in its prices, as its windows were planned on them (the same days read
   * the same way, so the same indices).
   */
  private BarSeries bars(WalkForwardRow row, RunSettings runSettings) {
    BarSeries series =
        bars.get(
            row.id(),
            key -> {
              Interval interval = Interval.fromCode(row.interval());
              BarSeries stored =
                  marketData.loadDays(row.seriesKey(), interval, row.startDate(), row.endDate());
              return runPrices.read(row.seriesKey(), interval, stored, runSettings.prices()).bars();
            });
    if (series.size() == 0) {
      throw new IllegalArgumentException(
          "no " + row.interval() + " bars of " + row.symbol() + " in the date range");
    }
    return series;
  }

  /** The train part alone, as an optimisation over its days sees it. */
  private List<SweepResult> searchTrainPart(
      WalkForwardRow row, Setup setup, WindowRow w, long[] indices, EvaluationLimits evaluation) {
    BarSeries all = bars(row, setup.runSettings());
    if (w.testTo() > all.size()) {
      throw new IllegalArgumentException(
          "the bars of " + row.symbol() + " changed since the windows were planned");
    }
    BarSeries train = all.slice(w.trainFrom(), w.trainTo());
    return GridSearch.run(
        setup.strategy(),
        train,
        setup
            .runSettings()
            .toConfig(
                row.initialCapital().doubleValue(),
                funding.single(setup.runSettings(), row.seriesKey(), train)),
        setup.grid(),
        indices,
        setup.objective(),
        setup.constraints(),
        evaluation);
  }

  private Tested testWindows(
      WalkForwardRow row,
      Setup setup,
      List<WindowRow> windows,
      Map<Integer, WalkForwardRepository.SliceBest> chosen,
      EvaluationLimits evaluation) {
    BarSeries all = bars(row, setup.runSettings());
    double capital = row.initialCapital().doubleValue();
    List<WalkForwardResult.WindowOutcome> outcomes = new ArrayList<>(windows.size());
    for (WindowRow w : windows) {
      if (w.testTo() > all.size()) {
        throw new IllegalArgumentException(
            "the bars of " + row.symbol() + " changed since the windows were planned");
      }
      WalkForwardWindow window =
          new WalkForwardWindow(w.number(), w.trainFrom(), w.trainTo(), w.testFrom(), w.testTo());
      WalkForwardRepository.SliceBest best = chosen.get(w.number());
      WindowTest test;
      WalkForwardResult.WindowOutcome outcome;
      if (best != null && best.feasible()) {
        Map<String, Double> parameters = json.readValue(best.parameters(), JsonTypes.DOUBLES);
        // The chosen combination's train run again, for its full metrics (slices keep a map).
        SweepResult inSample =
            searchTrainPart(row, setup, w, new long[] {best.combination()}, evaluation).get(0);
        test =
            WalkForward.test(
                setup.strategy(),
                all,
                setup
                    .runSettings()
                    .toConfig(capital, funding.single(setup.runSettings(), row.seriesKey(), all)),
                parameters,
                w.testFrom(),
                w.testTo(),
                evaluation);
        outcome =
            new WalkForwardResult.WindowOutcome(
                window, parameters, best.combination(), inSample.score(), inSample.metrics(), test);
      } else {
        test =
            WalkForward.idle(all, setup.runSettings().toConfig(capital), w.testFrom(), w.testTo());
        outcome = new WalkForwardResult.WindowOutcome(window, Map.of(), -1, Double.NaN, null, test);
      }
      outcomes.add(outcome);
      capital = test.endEquity();
    }
    // Measured as a run over the test parts' bars: their closes are the buy-and-hold.
    return new Tested(
        outcomes,
        StitchBasis.of(
            all,
            windows.get(0).testFrom(),
            windows.get(windows.size() - 1).testTo(),
            setup.runSettings().riskFreeRate()));
  }

  private WindowRow completedWindow(WalkForwardResult.WindowOutcome o) {
    WalkForwardWindow w = o.window();
    boolean chosen = o.combination() >= 0;
    WindowTest test = o.test();
    return new WindowRow(
        w.number(),
        w.trainFrom(),
        w.trainTo(),
        w.testFrom(),
        w.testTo(),
        null,
        null,
        null,
        null,
        "completed",
        chosen ? o.combination() : null,
        chosen ? json.writeValueAsString(o.parameters()) : null,
        chosen ? finiteOrNull(o.inSampleScore()) : null,
        o.inSampleMetrics() == null ? null : json.writeValueAsString(o.inSampleMetrics().toMap()),
        json.writeValueAsString(test.metrics().toMap()),
        finiteOrNull(test.startEquity()),
        finiteOrNull(test.endEquity()),
        test.trades().size());
  }

  private static WalkForwardResponse.Stitched stitched(WalkForwardResult result) {
    double[] equity = result.equity();
    long[] times = result.times();
    int[] keep =
        com.tradingbacktest.engine.series.Downsampling.indices(
            0, equity.length, EQUITY_POINTS, equity);
    List<WalkForwardResponse.EquityPoint> points = new ArrayList<>(keep.length);
    for (int i : keep) {
      points.add(
          new WalkForwardResponse.EquityPoint(java.time.Instant.ofEpochMilli(times[i]), equity[i]));
    }
    List<WalkForwardResponse.Drift> drift = new ArrayList<>();
    for (WalkForwardResult.ParameterDrift d : result.drift()) {
      List<Double> values = new ArrayList<>(d.values().length);
      for (double v : d.values()) {
        values.add(finiteOrNull(v));
      }
      drift.add(
          new WalkForwardResponse.Drift(
              d.name(), values, finiteOrNull(d.mean()), finiteOrNull(d.stdev()), d.changes()));
    }
    return new WalkForwardResponse.Stitched(
        new WalkForwardResponse.OutOfSample(
            result.metrics().toMap(), points, result.trades().size()),
        finiteOrNull(result.efficiency()),
        drift);
  }

  static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
