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
import com.tradingbacktest.engine.lang.ParamConstraint;
import com.tradingbacktest.engine.lang.ParamSpec;
import com.tradingbacktest.engine.optimize.Constraint;
import com.tradingbacktest.engine.optimize.Objective;
import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.optimize.ParameterRange;
import com.tradingbacktest.engine.optimize.ValidCombinations;
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

  static final String DEFAULT_OBJECTIVE = "sharpe_ratio";

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

    String objectiveName = request.objective() == null ? DEFAULT_OBJECTIVE : request.objective();
    try {
      objectiveName = Objective.parse(objectiveName).jsonName();
    } catch (IllegalArgumentException e) {
      errors.put("objective", e.getMessage());
    }
    List<OptimizationResponse.ConstraintView> constraints = new ArrayList<>();
    List<OptimizeRequest.ConstraintSpec> given =
        request.constraints() == null ? List.of() : request.constraints();
    for (int i = 0; i < given.size(); i++) {
      OptimizeRequest.ConstraintSpec c = given.get(i);
      try {
        Constraint.parse(c.metric(), c.op(), c.value());
        constraints.add(new OptimizationResponse.ConstraintView(c.metric(), c.op(), c.value()));
      } catch (IllegalArgumentException e) {
        errors.put("constraints[" + i + "]", e.getMessage());
      }
    }
    List<String> paramConstraintTexts =
        request.paramConstraints() == null ? List.of() : request.paramConstraints();
    List<ParamConstraint> paramConstraints =
        parseParamConstraints(run, paramConstraintTexts, errors);
    List<ParameterRange> ranges = gridRanges(run, request.ranges(), errors);
    long size = 0;
    long skipped = 0;
    if (errors.isEmpty()) {
      ParameterGrid grid = null;
      try {
        grid = new ParameterGrid(ranges);
      } catch (IllegalArgumentException | ArithmeticException e) {
        size = Long.MAX_VALUE;
      }
      if (grid != null) {
        try {
          // The limits count only the combinations that run, so constraints may cut a larger grid
          // down to size (each one checked before anything is stored: at most a million).
          ValidCombinations valid = ValidCombinations.of(run.compiled(), grid, paramConstraints);
          size = valid.size();
          skipped = valid.skipped();
        } catch (IllegalArgumentException e) {
          errors.put("param_constraints", e.getMessage());
        }
      }
      if (size > settings.maxCombinations()) {
        errors.put(
            "ranges",
            "the grid has "
                + (size == Long.MAX_VALUE ? "too many" : size)
                + " combinations"
                + (skipped > 0 ? " that meet its parameter constraints" : "")
                + ", more than the limit of "
                + settings.maxCombinations()
                + "; narrow the ranges or take larger steps");
      } else if (size == 0 && errors.isEmpty()) {
        errors.put(
            "param_constraints",
            "every one of the grid's "
                + skipped
                + " combinations breaks a parameter constraint (the strategy's or the"
                + " request's); nothing would run");
      }
    }
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

    int combinations = (int) size;
    String splitJson = split == null ? null : json.writeValueAsString(split);
    long skippedCombinations = skipped;
    int perSlice = settings.combinationsPerSlice();
    int sliceCount = (combinations + perSlice - 1) / perSlice;
    UUID id = UUID.randomUUID();
    List<OptimizationResponse.RangeView> rangeViews =
        ranges.stream()
            .map(
                r ->
                    new OptimizationResponse.RangeView(
                        r.name(), r.from(), r.to(), r.step(), r.count()))
            .toList();
    String objective = objectiveName;
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
              json.writeValueAsString(paramConstraintTexts.stream().map(String::strip).toList()),
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

  /**
   * The request's parameter constraints, each parsed and naming declared params; problems go to
   * {@code param_constraints[i]}.
   */
  private static List<ParamConstraint> parseParamConstraints(
      ResolvedRun run, List<String> texts, Map<String, String> errors) {
    List<ParamConstraint> parsed = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      try {
        ParamConstraint c = ParamConstraint.parse(texts.get(i));
        String unknown = run.compiled().unknownParamIn(List.of(c));
        if (unknown != null) {
          errors.put("param_constraints[" + i + "]", unknown);
        } else {
          parsed.add(c);
        }
      } catch (IllegalArgumentException e) {
        errors.put("param_constraints[" + i + "]", e.getMessage());
      }
    }
    return parsed;
  }

  /**
   * The grid: the requested ranges, or every declared range; every other parameter fixed at the
   * run's value (a one-value range), so each combination is a complete parameter set.
   */
  private static List<ParameterRange> gridRanges(
      ResolvedRun run,
      Map<String, OptimizeRequest.RangeSpec> requested,
      Map<String, String> errors) {
    List<ParamSpec> declared = run.compiled().params();
    List<ParameterRange> ranges = new ArrayList<>();
    boolean explicit = requested != null && !requested.isEmpty();
    if (explicit) {
      for (String name : requested.keySet()) {
        if (declared.stream().noneMatch(p -> p.name().equals(name))) {
          errors.put("ranges." + name, "the strategy has no parameter " + name);
        }
      }
    }
    boolean anyVaries = false;
    for (ParamSpec spec : declared) {
      double fixed = run.parameters().get(spec.name());
      if (explicit && requested.containsKey(spec.name())) {
        OptimizeRequest.RangeSpec r = requested.get(spec.name());
        try {
          ParameterRange range = new ParameterRange(spec.name(), r.from(), r.to(), r.step());
          String low = spec.problem(range.from());
          String high = spec.problem(range.value(range.count() - 1));
          if (low != null || high != null) {
            errors.put("ranges." + spec.name(), low != null ? low : high);
          }
          ranges.add(range);
          anyVaries |= range.count() > 1;
        } catch (IllegalArgumentException e) {
          errors.put("ranges." + spec.name(), e.getMessage());
        }
      } else if (!explicit && spec.min() != null) {
        ParameterRange range = ParameterRange.of(spec);
        ranges.add(range);
        anyVaries |= range.count() > 1;
      } else {
        ranges.add(new ParameterRange(spec.name(), fixed, fixed, 1));
      }
    }
    if (!anyVaries && errors.isEmpty()) {
      errors.put(
          "ranges",
          explicit
              ? "no range has more than one value"
              : "the strategy declares no parameter with a range (param x = 10 in 2..50); give ranges");
    }
    return ranges;
  }

  OptimizationResponse get(UUID userId, UUID id, int limit, String x, String y) {
    OptimizationRow row = optimizations.find(id, userId).orElseThrow(() -> notFound(id));
    OptimizationRobustness.Finished finished =
        row.robustness() == null
            ? null
            : json.readValue(row.robustness(), OptimizationRobustness.Finished.class);
    List<OptimizationResponse.RangeView> ranges =
        json.readValue(row.ranges(), OptimizationRow.RANGES);
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
        json.readValue(row.constraints(), OptimizationRow.CONSTRAINTS),
        json.readValue(row.paramConstraints(), OptimizationRow.PARAM_CONSTRAINTS),
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
