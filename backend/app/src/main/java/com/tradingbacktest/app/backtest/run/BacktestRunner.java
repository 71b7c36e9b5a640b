package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.BacktestSettings;
import com.tradingbacktest.app.backtest.JsonTypes;
import com.tradingbacktest.app.backtest.RunLimits;
import com.tradingbacktest.app.backtest.RunResult;
import com.tradingbacktest.app.backtest.RunSeries;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.backtest.events.RunEvent;
import com.tradingbacktest.app.backtest.events.RunEvents;
import com.tradingbacktest.app.marketdata.BarsFingerprint;
import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.lang.StrategyCompiler;
import com.tradingbacktest.engine.portfolio.PortfolioResult;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.sim.BacktestCancelledException;
import com.tradingbacktest.engine.sim.RunControl;
import com.tradingbacktest.engine.sim.RunTimeLimitException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one stored backtest on a worker (docs/ARCHITECTURE.md, "The flow of one backtest"): claims
 * the row, loads the bars with one streaming query, evaluates the strategy, simulates, and stores
 * result, series, round trips and fills in one transaction.
 *
 * <p>Failures are sorted by what a retry could change. A problem of the run itself (the strategy
 * fails on this data, no bars) fails it at once with a reason the user can act on. Anything else
 * (the database went away, the worker is stopping) puts it back to pending and rethrows, so JobRunr
 * retries it; after {@code maxAttempts} the run fails with a reason. A worker that dies outright
 * leaves the job to JobRunr's orphan detection, which retries it elsewhere: the next claim counts
 * the attempt.
 */
@Component
class BacktestRunner {

  private static final Logger log = LoggerFactory.getLogger(BacktestRunner.class);

  private final BacktestRepository runs;
  private final RoundTripRepository roundTrips;
  private final PlotRepository plots;
  private final MarketDataService marketData;
  private final RunEvents events;
  private final RunMetrics metrics;
  private final BacktestSettings settings;
  private final RunLimits limits;
  private final TransactionTemplate transaction;
  private final JsonMapper json;
  private final RunFunding funding;
  private final RunPrices runPrices;

  BacktestRunner(
      BacktestRepository runs,
      RoundTripRepository roundTrips,
      PlotRepository plots,
      MarketDataService marketData,
      RunEvents events,
      RunMetrics metrics,
      BacktestSettings settings,
      RunLimits limits,
      TransactionTemplate transaction,
      JsonMapper json,
      RunFunding funding,
      RunPrices runPrices) {
    this.funding = funding;
    this.runPrices = runPrices;
    this.runs = runs;
    this.roundTrips = roundTrips;
    this.plots = plots;
    this.marketData = marketData;
    this.events = events;
    this.metrics = metrics;
    this.settings = settings;
    this.limits = limits;
    this.transaction = transaction;
    this.json = json;
  }

  void run(UUID id) {
    Optional<Integer> claimed = runs.claim(id);
    if (claimed.isEmpty()) {
      log.info("Run {} is cancelled, finished or deleted; nothing to do", id);
      return;
    }
    int attempt = claimed.get();
    if (attempt > settings.maxAttempts()) {
      runs.fail(
          id,
          "The run was interrupted " + (attempt - 1) + " times (its worker stopped); giving up.");
      metrics.finished("failed", 0);
      return;
    }
    long started = System.nanoTime();
    Progress progress = new Progress(id);
    try (RunEvents.Subscription ignored = events.subscribe(id, progress::onEvent)) {
      execute(id, progress);
      metrics.finished("completed", System.nanoTime() - started);
    } catch (BacktestCancelledException e) {
      log.info("Run {} was cancelled", id);
      metrics.finished("cancelled", System.nanoTime() - started);
    } catch (RunFailure e) {
      log.info("Run {} failed: {}", id, e.getMessage());
      runs.fail(id, e.getMessage());
      metrics.finished("failed", System.nanoTime() - started);
    } catch (RuntimeException e) {
      if (attempt >= settings.maxAttempts()) {
        log.error("Run {} failed on its last attempt ({})", id, attempt, e);
        runs.fail(
            id,
            "The run failed because of an internal error, "
                + attempt
                + " times; the operators have "
                + "been told. Reference: run "
                + id
                + ".");
        metrics.finished("failed", System.nanoTime() - started);
        return;
      }
      log.warn("Run {} attempt {} failed; it will be retried", id, attempt, e);
      try {
        runs.requeue(id, "Attempt " + attempt + " was interrupted; retrying.");
      } catch (RuntimeException requeueFailed) {
        e.addSuppressed(requeueFailed);
      }
      throw e;
    }
  }

  private void execute(UUID id, Progress progress) {
    EvaluationLimits runLimits = limits.start(progress); // the time limit counts from the claim
    BacktestRow row = runs.findForRun(id).orElseThrow(() -> new BacktestCancelledException(0));
    RunSettings runSettings = json.readValue(row.settings(), RunSettings.class);
    Map<String, Double> parameters = json.readValue(row.parameters(), JsonTypes.DOUBLES);

    StrategyCompiler.Compilation compilation = StrategyCompiler.compile(row.strategyCode());
    if (!compilation.ok()) {
      var first = compilation.errors().get(0);
      throw new RunFailure(
          "The strategy no longer compiles: line "
              + first.line()
              + ", column "
              + first.column()
              + ": "
              + first.message());
    }
    CompiledStrategy strategy = compilation.strategy();
    if (row.isPortfolio()) {
      executePortfolio(id, progress, row, strategy, runSettings, parameters, runLimits);
      return;
    }

    Interval interval = Interval.fromCode(row.interval());
    RunPrices.Priced priced =
        runPrices.read(
            row.seriesKey(),
            interval,
            marketData.loadDays(row.seriesKey(), interval, row.startDate(), row.endDate()),
            runSettings.prices());
    BarSeries bars = priced.bars();
    if (bars.size() == 0) {
      throw RunFailure.noBars(row.symbol(), row.interval(), row.startDate(), row.endDate());
    }
    RunPrices.Priced pricedBenchmark =
        row.benchmarkSeriesKey() == null
            ? null
            : runPrices.benchmark(
                row.benchmarkSeriesKey(),
                interval,
                BenchmarkBars.load(
                        marketData,
                        row.benchmarkSymbol(),
                        row.benchmarkSeriesKey(),
                        interval,
                        row.startDate(),
                        row.endDate(),
                        bars.zone(),
                        limits.memoryBytes())
                    .bars(),
                runSettings.prices());
    RunExecution.Benchmark benchmark =
        pricedBenchmark == null
            ? null
            : new RunExecution.Benchmark(row.benchmarkSymbol(), pricedBenchmark.bars());
    String fingerprint = RunPrices.fingerprint(priced, pricedBenchmark);
    String inputsFingerprint =
        BarsFingerprint.ofPriceInputs(RunPrices.inputs(priced, pricedBenchmark));
    progress.report(10);

    RunExecution execution;
    try {
      execution =
          RunExecution.of(
              strategy,
              bars,
              parameters,
              runSettings,
              funding.single(runSettings, row.seriesKey(), bars),
              row.initialCapital(),
              benchmark,
              runLimits,
              () -> progress.report(20));
    } catch (RunTimeLimitException e) {
      throw new RunFailure(limits.timeLimitReason("The run"));
    }
    if (progress.isCancelled()) {
      throw new BacktestCancelledException(bars.size());
    }
    progress.report(96);

    BacktestResult result = execution.result();
    RunSeries series = execution.series();
    RunResult stored = execution.summary(settings.chartPoints());
    String resultJson = json.writeValueAsString(stored);
    boolean completed =
        Boolean.TRUE.equals(
            transaction.execute(
                status -> {
                  runs.deleteOutputs(id); // an earlier attempt may have got this far
                  roundTrips.delete(id);
                  runs.insertFills(id, result.simulation().fills());
                  roundTrips.insert(id, result.simulation().trades());
                  runs.saveSeries(id, series);
                  plots.insert(id, execution.plots());
                  runs.recordFingerprint(id, fingerprint, inputsFingerprint);
                  if (!runs.complete(id, resultJson)) {
                    status.setRollbackOnly(); // cancelled or deleted while storing: keep nothing
                    return false;
                  }
                  return true;
                }));
    if (!completed) {
      throw new BacktestCancelledException(bars.size());
    }
    log.info(
        "Run {} completed: {} bars, {} trades, final equity {}",
        id,
        bars.size(),
        result.simulation().trades().size(),
        result.simulation().finalEquity());
  }

  /**
   * A portfolio run: every symbol's bars in one bulk read (after checking that the stored bars fit
   * the memory limit), its FX series and benchmark, the universe evaluated and simulated in one
   * account, and its fills, round trips, series and holdings stored in one transaction.
   */
  private void executePortfolio(
      UUID id,
      Progress progress,
      BacktestRow row,
      CompiledStrategy strategy,
      RunSettings runSettings,
      Map<String, Double> parameters,
      EvaluationLimits runLimits) {
    PortfolioSetup setup = json.readValue(row.portfolio(), PortfolioSetup.class);
    Interval interval = Interval.fromCode(row.interval());
    ZoneId zone = ZoneId.of(setup.timeZone());
    String tooLarge = PortfolioBars.tooLarge(marketData, setup, interval, limits.memoryBytes());
    if (tooLarge != null) {
      throw new RunFailure(tooLarge);
    }
    PortfolioBars loaded =
        PortfolioBars.load(
            marketData,
            runPrices,
            runSettings.prices(),
            setup,
            interval,
            row.startDate(),
            row.endDate());
    List<BarSeries> universe = loaded.universe();
    for (BarSeries bars : universe) {
      if (bars.size() == 0) {
        throw RunFailure.noBars(bars.symbol(), row.interval(), row.startDate(), row.endDate());
      }
    }
    Map<String, BarSeries> fx = loaded.fx();
    RunPrices.Priced pricedBenchmark =
        row.benchmarkSeriesKey() == null
            ? null
            : runPrices.benchmark(
                row.benchmarkSeriesKey(),
                interval,
                BenchmarkBars.load(
                        marketData,
                        row.benchmarkSymbol(),
                        row.benchmarkSeriesKey(),
                        interval,
                        row.startDate(),
                        row.endDate(),
                        zone,
                        limits.memoryBytes())
                    .bars(),
                runSettings.prices());
    RunExecution.Benchmark benchmark =
        pricedBenchmark == null
            ? null
            : new RunExecution.Benchmark(row.benchmarkSymbol(), pricedBenchmark.bars());
    String inputs = RunPrices.portfolioInputs(loaded, pricedBenchmark);
    String fingerprint =
        BarsFingerprint.withPriceInputs(
            BarsFingerprint.ofPortfolio(
                universe, List.copyOf(fx.values()), benchmark == null ? null : benchmark.bars()),
            inputs);
    String inputsFingerprint = BarsFingerprint.ofPriceInputs(inputs);
    progress.report(10);

    PortfolioExecution execution;
    try {
      execution =
          PortfolioExecution.of(
              strategy,
              universe,
              setup,
              fx,
              funding.portfolio(runSettings, setup, universe),
              parameters,
              runSettings,
              row.initialCapital(),
              benchmark,
              runLimits,
              () -> progress.report(20));
    } catch (RunTimeLimitException e) {
      throw new RunFailure(limits.timeLimitReason("The run"));
    }
    int symbolTimes = execution.series().size() * universe.size();
    if (progress.isCancelled()) {
      throw new BacktestCancelledException(symbolTimes);
    }
    progress.report(96);

    PortfolioResult result = execution.result();
    double[][] weights = execution.weights();
    String resultJson = json.writeValueAsString(execution.summary(settings.chartPoints(), setup));
    boolean completed =
        Boolean.TRUE.equals(
            transaction.execute(
                status -> {
                  runs.deleteOutputs(id);
                  roundTrips.delete(id);
                  runs.insertPortfolioFills(id, result.fills());
                  roundTrips.insertPortfolio(id, result.trades());
                  runs.saveSeries(id, execution.series());
                  runs.saveHoldings(id, result.symbols(), result.quantity(), weights);
                  runs.recordFingerprint(id, fingerprint, inputsFingerprint);
                  if (!runs.complete(id, resultJson)) {
                    status.setRollbackOnly();
                    return false;
                  }
                  return true;
                }));
    if (!completed) {
      throw new BacktestCancelledException(symbolTimes);
    }
    log.info(
        "Portfolio run {} completed: {} symbols, {} times, {} fills, final equity {}",
        id,
        universe.size(),
        result.times().length,
        result.fills().size(),
        result.finalEquity());
  }

  /**
   * The engine's progress hook: writes the row at most four times a second (which also refreshes
   * the heartbeat) and stops the run when it was cancelled, seen either in the update (the row left
   * {@code running}) or at once through a cancellation event.
   */
  private final class Progress implements RunControl {
    private static final long MIN_INTERVAL_NANOS = 250_000_000L;

    private final UUID id;
    private volatile boolean cancelled;
    private long lastWrite = System.nanoTime();
    private int lastPercent = -1;

    Progress(UUID id) {
      this.id = id;
    }

    void onEvent(RunEvent event) {
      if ("cancelled".equals(event.status())) {
        cancelled = true;
      }
    }

    /** Engine percent maps into 20..95: loading and evaluating come before, storing after. */
    @Override
    public void progress(int percent) {
      report(20 + percent * 75 / 100);
    }

    synchronized void report(int percent) {
      long now = System.nanoTime();
      if (percent <= lastPercent || (now - lastWrite < MIN_INTERVAL_NANOS && percent < 95)) {
        return;
      }
      lastWrite = now;
      lastPercent = percent;
      if (!runs.progress(id, percent)) {
        cancelled = true;
      }
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }
  }
}
