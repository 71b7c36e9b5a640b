package com.tradingbacktest.app.backtest.optimize;

import com.tradingbacktest.app.backtest.BacktestSettings;
import com.tradingbacktest.app.backtest.JobQueue;
import com.tradingbacktest.app.backtest.JsonTypes;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.backtest.RunStatus;
import com.tradingbacktest.app.backtest.run.BacktestService;
import com.tradingbacktest.app.backtest.run.BacktestStatusResponse;
import com.tradingbacktest.app.backtest.run.ResolvedRun;
import com.tradingbacktest.app.backtest.run.RunSettingsResolver;
import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.common.error.NotFoundException;
import com.tradingbacktest.app.common.web.PageResponse;
import com.tradingbacktest.engine.optimize.ParameterRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parameter optimisation: a grid over a strategy's parameters, checked against the declarations and
 * the size limit, stored, and fanned out as one JobRunr job per slice of the grid so every worker
 * shares it.
 */
@Service
class OptimizationService {

  private final RunSettingsResolver resolver;
  private final OptimizationRepository optimizations;
  private final BacktestService backtests;
  private final JobQueue queue;
  private final BacktestSettings settings;
  private final TransactionTemplate transaction;
  private final JsonMapper json;
  private final SplitPlanner splits;

  OptimizationService(
      RunSettingsResolver resolver,
      OptimizationRepository optimizations,
      BacktestService backtests,
      JobQueue queue,
      BacktestSettings settings,
      TransactionTemplate transaction,
      JsonMapper json,
      SplitPlanner splits) {
    this.splits = splits;
    this.resolver = resolver;
    this.optimizations = optimizations;
    this.backtests = backtests;
    this.queue = queue;
    this.settings = settings;
    this.transaction = transaction;
    this.json = json;
  }

  UUID create(UUID userId, OptimizeRequest request) {
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
    int partitions =
        request.cscvPartitions() == null
            ? OptimizeRequest.DEFAULT_CSCV_PARTITIONS
            : request.cscvPartitions();
    if (partitions < 4 || partitions > 32 || partitions % 2 != 0) {
      errors.put("cscv_partitions", "must be an even number from 4 to 32");
    }
    OptimizationRobustness.Split split = null;
    if (request.outOfSample() != null && errors.isEmpty()) {
      // Reads the bars' times: only once everything else is known to be right.
      split = splits.plan(run, request.outOfSample(), partitions, errors);
    }
    if (!errors.isEmpty()) {
      throw new FieldValidationException(errors);
    }

    int combinations = (int) grid.combinations();
    String splitJson = split == null ? null : json.writeValueAsString(split);
    long skippedCombinations = grid.skipped();
    int perSlice = settings.combinationsPerSlice();
    int sliceCount = (combinations + perSlice - 1) / perSlice;
    UUID id = UUID.randomUUID();
    List<OptimizationResponse.RangeView> rangeViews = grid.rangeViews();
    String objective = grid.objective();
    List<OptimizationResponse.ConstraintView> constraints = grid.constraints();
    transaction.executeWithoutResult(
        tx -> {
          backtests.requireRoomToStart(userId); // runs and optimisations count together
          optimizations.insert(
              id,
              userId,
              run,
              json.writeValueAsString(run.settings()),
              json.writeValueAsString(rangeViews),
              objective,
              json.writeValueAsString(constraints),
              json.writeValueAsString(grid.paramConstraints()),
              combinations,
              skippedCombinations,
              sliceCount,
              run.portfolio() == null ? null : json.writeValueAsString(run.portfolio()),
              splitJson,
              partitions);
        });
    List<JobQueue.Queued> jobs = new ArrayList<>(sliceCount);
    for (int slice = 0; slice < sliceCount; slice++) {
      jobs.add(
          new JobQueue.Queued(
              OptimizationSliceJob.jobId(id, slice),
              "Optimisation "
                  + run.strategy().name()
                  + " on "
                  + run.symbol().symbol()
                  + ", slice "
                  + (slice + 1)
                  + "/"
                  + sliceCount,
              new OptimizationSliceJob(id, slice)));
    }
    try {
      queue.enqueueAll(jobs);
    } catch (RuntimeException e) {
      optimizations.fail(id, "The optimisation could not be queued; please try again.");
      throw e;
    }
    return id;
  }

  OptimizationResponse get(UUID userId, UUID id, int limit, String x, String y) {
    OptimizationRow row = optimizations.find(id, userId).orElseThrow(() -> notFound(id));
    OptimizationRobustness.Finished finished =
        row.robustness() == null
            ? null
            : json.readValue(row.robustness(), OptimizationRobustness.Finished.class);
    List<OptimizationResponse.RangeView> ranges = json.readValue(row.ranges(), StoredGrid.RANGES);
    List<OptimizationResponse.RankedResult> results = new ArrayList<>();
    int rank = 1;
    for (OptimizationRepository.ResultRow r : optimizations.ranked(id, limit)) {
      results.add(
          new OptimizationResponse.RankedResult(
              rank++,
              r.combination(),
              json.readValue(r.parameters(), JsonTypes.DOUBLES),
              r.score(),
              r.feasible(),
              json.readValue(r.metrics(), JsonTypes.NUMBERS)));
    }
    return new OptimizationResponse(
        row.id(),
        row.status().code(),
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
        ranges,
        row.objective(),
        json.readValue(row.constraints(), StoredGrid.CONSTRAINTS),
        json.readValue(row.paramConstraints(), StoredGrid.PARAM_CONSTRAINTS),
        row.combinations(),
        row.skippedCombinations(),
        row.evaluated(),
        progress(row),
        row.createdAt(),
        row.startedAt(),
        row.completedAt(),
        BacktestStatusResponse.durationMs(row.startedAt(), row.completedAt()),
        results,
        heatmap(id, ranges, x, y),
        row.benchmarkSymbol(),
        row.outOfSample() == null
            ? null
            : OptimizationRobustness.OutOfSampleView.of(
                json.readValue(row.outOfSample(), OptimizationRobustness.Split.class), finished),
        finished == null ? null : finished.statistics());
  }

  private OptimizationResponse.Heatmap heatmap(
      UUID id, List<OptimizationResponse.RangeView> ranges, String x, String y) {
    List<OptimizationResponse.RangeView> varying =
        ranges.stream().filter(r -> r.count() > 1).toList();
    OptimizationResponse.RangeView xr = pick(ranges, varying, x, 0, "x");
    OptimizationResponse.RangeView yr = pick(ranges, varying, y, 1, "y");
    if (xr == null || yr == null) {
      return null;
    }
    if (xr.name().equals(yr.name())) {
      throw new FieldValidationException("y", "must name a different parameter than x");
    }
    double[] xs = values(xr);
    double[] ys = values(yr);
    Double[][] scores = new Double[ys.length][xs.length];
    for (double[] cell : optimizations.heatmap(id, xr.name(), yr.name())) {
      int i = indexOf(xs, cell[0]);
      int j = indexOf(ys, cell[1]);
      if (i >= 0 && j >= 0 && !Double.isNaN(cell[2])) {
        scores[j][i] = cell[2];
      }
    }
    return new OptimizationResponse.Heatmap(xr.name(), yr.name(), xs, ys, scores);
  }

  private static OptimizationResponse.RangeView pick(
      List<OptimizationResponse.RangeView> all,
      List<OptimizationResponse.RangeView> varying,
      String name,
      int position,
      String field) {
    if (name == null) {
      return varying.size() >= 2 ? varying.get(position) : null;
    }
    return all.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new FieldValidationException(
                    field, "no parameter " + name + " in this optimisation"));
  }

  private static double[] values(OptimizationResponse.RangeView r) {
    ParameterRange range = new ParameterRange(r.name(), r.from(), r.to(), r.step());
    double[] values = new double[range.count()];
    for (int i = 0; i < values.length; i++) {
      values[i] = range.value(i);
    }
    return values;
  }

  private static int indexOf(double[] values, double v) {
    for (int i = 0; i < values.length; i++) {
      if (Math.abs(values[i] - v) <= 1e-9 * Math.max(1, Math.abs(v))) {
        return i;
      }
    }
    return -1;
  }

  PageResponse<OptimizationSummary> list(UUID userId, int page, int size) {
    long total = optimizations.count(userId);
    List<OptimizationSummary> items =
        optimizations.list(userId, page * size, size).stream()
            .map(
                r ->
                    new OptimizationSummary(
                        r.id(),
                        r.status().code(),
                        r.error(),
                        r.strategyId(),
                        r.strategyName(),
                        r.symbol(),
                        r.dataset(),
                        r.interval(),
                        r.startDate(),
                        r.endDate(),
                        r.objective(),
                        r.combinations(),
                        r.evaluated(),
                        progress(r),
                        r.createdAt(),
                        r.completedAt()))
            .toList();
    return PageResponse.of(items, page, size, total);
  }

  /**
   * Cancels a queued or running optimisation (its queued slices are dropped), or deletes a final
   * one.
   */
  BacktestService.Removal remove(UUID userId, UUID id) {
    OptimizationRow row = optimizations.find(id, userId).orElseThrow(() -> notFound(id));
    if (!row.status().isFinal() && optimizations.cancel(id, userId)) {
      for (int slice = 0; slice < row.sliceCount(); slice++) {
        queue.delete(OptimizationSliceJob.jobId(id, slice), "Optimisation cancelled by the user");
      }
      return BacktestService.Removal.CANCELLED;
    }
    if (optimizations.delete(id, userId)) {
      return BacktestService.Removal.DELETED;
    }
    throw notFound(id);
  }

  /**
   * Runs one combination of the grid as a full backtest, with the optimisation's snapshot of the
   * strategy.
   */
  UUID rerun(UUID userId, UUID id, long combination) {
    OptimizationRow row = optimizations.find(id, userId).orElseThrow(() -> notFound(id));
    OptimizationRepository.ResultRow result =
        optimizations
            .result(id, combination)
            .orElseThrow(
                () ->
                    new NotFoundException("Combination " + combination + " of optimisation " + id));
    ResolvedRun run = resolver.repeat(userId, row, result.parameters());
    return backtests.start(userId, run);
  }

  private static int progress(OptimizationRow row) {
    return row.status() == RunStatus.COMPLETED
        ? 100
        : (int) (100 * row.evaluated() / Math.max(1, row.combinations()));
  }

  static NotFoundException notFound(UUID id) {
    return new NotFoundException("Optimisation " + id);
  }
}
