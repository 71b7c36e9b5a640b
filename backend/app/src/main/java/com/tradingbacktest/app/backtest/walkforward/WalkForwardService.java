package com.tradingbacktest.app.backtest.walkforward;

import com.tradingbacktest.app.backtest.BacktestSettings;
import com.tradingbacktest.app.backtest.JobQueue;
import com.tradingbacktest.app.backtest.JsonTypes;
import com.tradingbacktest.app.backtest.RunLimits;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.backtest.optimize.GridRequest;
import com.tradingbacktest.app.backtest.optimize.StoredGrid;
import com.tradingbacktest.app.backtest.run.BacktestService;
import com.tradingbacktest.app.backtest.run.BacktestStatusResponse;
import com.tradingbacktest.app.backtest.run.PortfolioBars;
import com.tradingbacktest.app.backtest.run.PortfolioSweep;
import com.tradingbacktest.app.backtest.run.ResolvedRun;
import com.tradingbacktest.app.backtest.run.RunPrices;
import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.common.error.NotFoundException;
import com.tradingbacktest.app.common.web.PageResponse;
import com.tradingbacktest.app.marketdata.DataRange;
import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.engine.robust.WalkForwardWindow;
import com.tradingbacktest.engine.robust.WindowMode;
import com.tradingbacktest.engine.robust.WindowPlan;
import com.tradingbacktest.engine.series.BarSeries;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walk-forward optimisation: the request checked like an optimisation's plus its windows, the
 * windows planned on the bars' times, the budget of windows x combinations enforced, stored, and
 * fanned out as one JobRunr job per (window, slice of the grid) at once.
 */
@Service
class WalkForwardService {

  static final int DEFAULT_WINDOWS = 5;

  /** A loaded bar for the planning read: its time and five doubles, and headroom. */
  private static final long BYTES_PER_BAR = 56;

  private final com.tradingbacktest.app.backtest.run.RunSettingsResolver resolver;
  private final WalkForwardRepository walkForwards;
  private final BacktestService backtests;
  private final JobQueue queue;
  private final BacktestSettings settings;
  private final WalkForwardSettings walkForwardSettings;
  private final MarketDataService marketData;
  private final RunPrices runPrices;
  private final RunLimits limits;
  private final TransactionTemplate transaction;
  private final JsonMapper json;

  WalkForwardService(
      com.tradingbacktest.app.backtest.run.RunSettingsResolver resolver,
      WalkForwardRepository walkForwards,
      BacktestService backtests,
      JobQueue queue,
      BacktestSettings settings,
      WalkForwardSettings walkForwardSettings,
      MarketDataService marketData,
      RunPrices runPrices,
      RunLimits limits,
      TransactionTemplate transaction,
      JsonMapper json) {
    this.resolver = resolver;
    this.walkForwards = walkForwards;
    this.backtests = backtests;
    this.queue = queue;
    this.settings = settings;
    this.walkForwardSettings = walkForwardSettings;
    this.marketData = marketData;
    this.runPrices = runPrices;
    this.limits = limits;
    this.transaction = transaction;
    this.json = json;
  }

  UUID create(UUID userId, WalkForwardRequest request) {
    ResolvedRun run = resolver.resolve(userId, request.backtest());
    Map<String, String> errors = new LinkedHashMap<>();
    GridRequest.Checked grid =
        GridRequest.check(
            run,
            request.ranges(),
            request.objective(),
            request.constraints(),
            request.paramConstraints(),
            settings.maxCombinations(),
            errors);
    WindowsRequest windows = windowsRequest(request.windows(), errors);
    if (!errors.isEmpty()) {
      throw new FieldValidationException(errors);
    }

    // Checked again when stored; first here, so a caller at the limit makes no process read bars.
    transaction.executeWithoutResult(tx -> backtests.requireRoomToStart(userId));
    BarTimes bars = barTimes(run);
    List<WalkForwardWindow> planned;
    try {
      planned = windows.plan(bars.times(), bars.zone());
    } catch (IllegalArgumentException e) {
      throw new FieldValidationException("windows", e.getMessage());
    }
    int combinations = (int) grid.combinations();
    long backtestCount = (long) planned.size() * combinations;
    if (backtestCount > walkForwardSettings.maxBacktests()) {
      throw new FieldValidationException(
          "windows",
          String.format(
              Locale.ROOT,
              "%d windows x %d combinations are %d backtests, more than the limit of %d; use fewer"
                  + " windows or a smaller grid",
              planned.size(),
              combinations,
              backtestCount,
              walkForwardSettings.maxBacktests()));
    }

    List<WindowRow> windowRows = new ArrayList<>(planned.size());
    long[] times = bars.times();
    for (WalkForwardWindow w : planned) {
      windowRows.add(
          WindowRow.planned(
              w.number(),
              w.trainFrom(),
              w.trainTo(),
              w.testFrom(),
              w.testTo(),
              Instant.ofEpochMilli(times[w.trainFrom()]),
              Instant.ofEpochMilli(times[w.trainTo() - 1]),
              Instant.ofEpochMilli(times[w.testFrom()]),
              Instant.ofEpochMilli(times[w.testTo() - 1])));
    }
    int perSlice = settings.combinationsPerSlice();
    int slicesPerWindow = (combinations + perSlice - 1) / perSlice;
    UUID id = UUID.randomUUID();
    WalkForwardRepository.NewWalkForward stored =
        new WalkForwardRepository.NewWalkForward(
            json.writeValueAsString(run.settings()),
            json.writeValueAsString(grid.rangeViews()),
            grid.objective(),
            json.writeValueAsString(grid.constraints()),
            json.writeValueAsString(grid.paramConstraints()),
            json.writeValueAsString(windows.planned(planned.size())),
            combinations,
            slicesPerWindow,
            run.portfolio() == null ? null : json.writeValueAsString(run.portfolio()));
    transaction.executeWithoutResult(
        tx -> {
          backtests.requireRoomToStart(userId); // runs, optimisations and walk-forwards together
          walkForwards.insert(id, userId, run, stored, windowRows);
        });
    List<JobQueue.Queued> jobs = new ArrayList<>(planned.size() * slicesPerWindow);
    for (WalkForwardWindow w : planned) {
      for (int slice = 0; slice < slicesPerWindow; slice++) {
        jobs.add(
            new JobQueue.Queued(
                WalkForwardSliceJob.jobId(id, w.number(), slice),
                "Walk-forward "
                    + run.strategy().name()
                    + " on "
                    + run.symbol().symbol()
                    + ", window "
                    + w.number()
                    + "/"
                    + planned.size()
                    + ", slice "
                    + (slice + 1)
                    + "/"
                    + slicesPerWindow,
                new WalkForwardSliceJob(id, w.number(), slice)));
      }
    }
    try {
      queue.enqueueAll(jobs);
    } catch (RuntimeException e) {
      walkForwards.fail(id, "The walk-forward could not be queued; please try again.");
      throw e;
    }
    return id;
  }

  /** The bar times the windows are planned on and the zone of calendar periods. */
  private record BarTimes(long[] times, ZoneId zone) {}

  /**
   * A single symbol's bars in the run's days, or the union of a portfolio's times (every bar time
   * of any symbol, as the portfolio path trades on it). Their size is checked against a run's
   * memory before they are read, as a run's are.
   */
  private BarTimes barTimes(ResolvedRun run) {
    if (run.isPortfolio()) {
      PortfolioBars universe;
      try {
        universe =
            PortfolioSweep.load(
                marketData,
                runPrices,
                run.settings().prices(),
                run.portfolio(),
                run.interval(),
                run.startDate(),
                run.endDate(),
                limits.memoryBytes());
      } catch (IllegalArgumentException e) {
        throw new FieldValidationException("backtest", e.getMessage());
      }
      return new BarTimes(PortfolioSweep.times(universe), ZoneId.of(run.portfolio().timeZone()));
    }
    DataRange range = marketData.range(run.symbol().seriesKey(), run.interval()).orElse(null);
    if (range != null && range.barCount() * BYTES_PER_BAR > limits.memoryBytes()) {
      throw new FieldValidationException(
          "backtest",
          String.format(
              Locale.ROOT,
              "%s has %,d %s bars stored, more than a run may load (%,d MB); use a longer interval",
              run.symbol().symbol(),
              range.barCount(),
              run.interval().code(),
              limits.memoryBytes() >> 20));
    }
    BarSeries bars =
        marketData.loadDays(
            run.symbol().seriesKey(), run.interval(), run.startDate(), run.endDate());
    return new BarTimes(bars.times(), bars.zone());
  }

  /**
   * A checked windows spec with every default filled in, and how to plan it: by periods, by
   * lengths, or by count.
   */
  record WindowsRequest(WalkForwardRequest.WindowsSpec spec, WindowMode mode) {

    /** The spec as stored: parts given in bars or periods count the windows that fit. */
    WalkForwardRequest.WindowsSpec planned(int windows) {
      if (spec.trainBars() == null && spec.trainPeriod() == null) {
        return spec;
      }
      return new WalkForwardRequest.WindowsSpec(
          spec.mode(),
          windows,
          spec.trainTestRatio(),
          spec.trainBars(),
          spec.testBars(),
          spec.trainPeriod(),
          spec.testPeriod(),
          spec.gapBars());
    }

    List<WalkForwardWindow> plan(long[] times, ZoneId zone) {
      int gap = spec.gapBars();
      if (spec.trainPeriod() != null) {
        return WindowPlan.byPeriods(
            times,
            zone,
            mode,
            Period.parse(spec.trainPeriod()),
            Period.parse(spec.testPeriod()),
            gap);
      }
      if (spec.trainBars() != null) {
        return WindowPlan.byLengths(times.length, mode, spec.trainBars(), spec.testBars(), gap);
      }
      return WindowPlan.byCount(times.length, mode, spec.count(), spec.trainTestRatio(), gap);
    }
  }

  /** The windows fields checked together; problems go to {@code windows.<field>}. */
  static WindowsRequest windowsRequest(
      WalkForwardRequest.WindowsSpec given, Map<String, String> errors) {
    WalkForwardRequest.WindowsSpec spec =
        given == null
            ? new WalkForwardRequest.WindowsSpec(null, null, null, null, null, null, null, null)
            : given;
    WindowMode mode = WindowMode.ROLLING;
    if (spec.mode() != null) {
      String name = spec.mode().strip().toLowerCase(Locale.ROOT);
      if (name.equals("anchored")) {
        mode = WindowMode.ANCHORED;
      } else if (!name.equals("rolling")) {
        errors.put("windows.mode", "must be rolling or anchored");
      }
    }
    if ((spec.trainBars() == null) != (spec.testBars() == null)) {
      errors.put(
          spec.trainBars() == null ? "windows.train_bars" : "windows.test_bars",
          "give train_bars and test_bars together, or neither");
    }
    boolean trainPeriod = spec.trainPeriod() != null && !spec.trainPeriod().isBlank();
    boolean testPeriod = spec.testPeriod() != null && !spec.testPeriod().isBlank();
    if (trainPeriod != testPeriod) {
      errors.put(
          trainPeriod ? "windows.test_period" : "windows.train_period",
          "give train_period and test_period together, or neither");
    }
    String train = trainPeriod ? period(spec.trainPeriod(), "windows.train_period", errors) : null;
    String test = testPeriod ? period(spec.testPeriod(), "windows.test_period", errors) : null;
    if (trainPeriod && spec.trainBars() != null) {
      errors.put(
          "windows",
          "give the parts in bars (train_bars, test_bars) or as periods (train_period,"
              + " test_period), not both");
    }
    double ratio =
        spec.trainTestRatio() == null ? WindowPlan.DEFAULT_TRAIN_TEST_RATIO : spec.trainTestRatio();
    WalkForwardRequest.WindowsSpec resolved =
        new WalkForwardRequest.WindowsSpec(
            mode.jsonName(),
            spec.count() == null ? DEFAULT_WINDOWS : spec.count(),
            ratio,
            spec.trainBars(),
            spec.testBars(),
            train,
            test,
            spec.gapBars() == null ? 0 : spec.gapBars());
    return new WindowsRequest(resolved, mode);
  }

  /** An ISO-8601 period of days, weeks, months or years, more than zero, normalised. */
  @SuppressWarnings("JavaPeriodGetDays") // months and days are bounded apart, on purpose
  private static String period(String text, String field, Map<String, String> errors) {
    try {
      Period p = Period.parse(text.strip().toUpperCase(Locale.ROOT));
      if (p.isNegative() || p.isZero()) {
        errors.put(field, "must be longer than zero");
        return null;
      }
      if (p.toTotalMonths() > 1200 || p.getDays() > 36_600) {
        errors.put(field, "must be at most 100 years");
        return null;
      }
      return p.toString();
    } catch (DateTimeParseException e) {
      errors.put(field, "must be an ISO-8601 period such as P2Y, P6M or P30D");
      return null;
    }
  }

  WalkForwardResponse get(UUID userId, UUID id) {
    WalkForwardRow row = walkForwards.find(id, userId).orElseThrow(() -> notFound(id));
    List<WalkForwardResponse.WindowView> windows = new ArrayList<>();
    for (WindowRow w : walkForwards.windows(id)) {
      windows.add(
          new WalkForwardResponse.WindowView(
              w.number(),
              w.status(),
              w.trainStart(),
              w.trainEnd(),
              w.testStart(),
              w.testEnd(),
              w.trainTo() - w.trainFrom(),
              w.testTo() - w.testFrom(),
              w.parameters() == null ? null : json.readValue(w.parameters(), JsonTypes.DOUBLES),
              w.combination(),
              w.inSampleScore(),
              w.inSampleMetrics() == null
                  ? null
                  : json.readValue(w.inSampleMetrics(), JsonTypes.NUMBERS),
              w.outOfSampleMetrics() == null
                  ? null
                  : json.readValue(w.outOfSampleMetrics(), JsonTypes.NUMBERS),
              w.startEquity(),
              w.endEquity(),
              w.tradeCount()));
    }
    WalkForwardResponse.Stitched stitched =
        row.result() == null
            ? null
            : json.readValue(row.result(), WalkForwardResponse.Stitched.class);
    return new WalkForwardResponse(
        row.id(),
        WalkForwardRow.statusCode(row.status()),
        row.error(),
        row.strategyId(),
        row.strategyName(),
        row.symbol(),
        row.dataset(),
        row.interval(),
        row.startDate(),
        row.endDate(),
        row.initialCapital(),
        json.readValue(row.settings(), RunSettings.class),
        json.readValue(row.ranges(), StoredGrid.RANGES),
        row.objective(),
        json.readValue(row.constraints(), StoredGrid.CONSTRAINTS),
        json.readValue(row.paramConstraints(), StoredGrid.PARAM_CONSTRAINTS),
        json.readValue(row.windowsSpec(), WalkForwardRequest.WindowsSpec.class),
        row.combinations(),
        row.windowCount(),
        row.progress(),
        row.createdAt(),
        row.startedAt(),
        row.completedAt(),
        BacktestStatusResponse.durationMs(row.startedAt(), row.completedAt()),
        windows,
        stitched == null ? null : stitched.outOfSample(),
        stitched == null ? null : stitched.efficiency(),
        stitched == null ? List.of() : stitched.parameterDrift());
  }

  PageResponse<WalkForwardSummary> list(UUID userId, int page, int size) {
    long total = walkForwards.count(userId);
    List<WalkForwardSummary> items =
        walkForwards.list(userId, page * size, size).stream()
            .map(
                r ->
                    new WalkForwardSummary(
                        r.id(),
                        WalkForwardRow.statusCode(r.status()),
                        r.error(),
                        r.strategyName(),
                        r.symbol(),
                        r.dataset(),
                        r.interval(),
                        r.startDate(),
                        r.endDate(),
                        r.objective(),
                        r.windowCount(),
                        r.combinations(),
                        r.progress(),
                        r.result() == null
                            ? null
                            : json.readValue(r.result(), WalkForwardResponse.Stitched.class)
                                .efficiency(),
                        r.createdAt(),
                        r.completedAt()))
            .toList();
    return PageResponse.of(items, page, size, total);
  }

  /**
   * Cancels a queued or running walk-forward (its queued jobs are dropped), or deletes a final one
   * with its windows.
   */
  void remove(UUID userId, UUID id) {
    WalkForwardRow row = walkForwards.find(id, userId).orElseThrow(() -> notFound(id));
    if (!row.status().isFinal() && walkForwards.cancel(id, userId)) {
      for (int window = 1; window <= row.windowCount(); window++) {
        for (int slice = 0; slice < row.slicesPerWindow(); slice++) {
          queue.delete(
              WalkForwardSliceJob.jobId(id, window, slice), "Walk-forward cancelled by the user");
        }
      }
      queue.delete(WalkForwardFinishJob.jobId(id), "Walk-forward cancelled by the user");
      return;
    }
    if (!walkForwards.delete(id, userId)) {
      throw notFound(id);
    }
  }

  static NotFoundException notFound(UUID id) {
    return new NotFoundException("Walk-forward " + id);
  }
}
