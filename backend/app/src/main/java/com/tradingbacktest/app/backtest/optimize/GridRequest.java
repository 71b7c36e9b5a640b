package com.tradingbacktest.app.backtest.optimize;

import com.tradingbacktest.app.backtest.run.ResolvedRun;
import com.tradingbacktest.engine.lang.ParamConstraint;
import com.tradingbacktest.engine.lang.ParamSpec;
import com.tradingbacktest.engine.optimize.Constraint;
import com.tradingbacktest.engine.optimize.Objective;
import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.optimize.ParameterRange;
import com.tradingbacktest.engine.optimize.ValidCombinations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The grid part of a request that searches a parameter grid (an optimisation, a walk-forward):
 * objective, constraints, parameter constraints and ranges checked against the resolved run, and
 * the combinations that meet every constraint counted against the grid limit. Problems go into the
 * caller's error map under the request's field names, so both endpoints answer alike.
 */
public final class GridRequest {

  public static final String DEFAULT_OBJECTIVE = "sharpe_ratio";

  private GridRequest() {}

  /**
   * A checked grid.
   *
   * @param objective the objective's canonical name
   * @param constraints the constraints as given, each parsed once
   * @param paramConstraints the parameter constraints' texts, stripped
   * @param combinations the grid's combinations that meet every parameter constraint
   * @param skipped those that break one
   */
  public record Checked(
      List<ParameterRange> ranges,
      String objective,
      List<OptimizationResponse.ConstraintView> constraints,
      List<String> paramConstraints,
      long combinations,
      long skipped) {

    public List<OptimizationResponse.RangeView> rangeViews() {
      return ranges.stream()
          .map(
              r ->
                  new OptimizationResponse.RangeView(
                      r.name(), r.from(), r.to(), r.step(), r.count()))
          .toList();
    }
  }

  /**
   * Checks the grid fields of a request; on any problem the result's counts are meaningless and
   * {@code errors} is not empty.
   *
   * @param maxCombinations the most valid combinations one grid may have
   */
  public static Checked check(
      ResolvedRun run,
      Map<String, OptimizeRequest.RangeSpec> requestedRanges,
      String requestedObjective,
      List<OptimizeRequest.ConstraintSpec> requestedConstraints,
      List<String> requestedParamConstraints,
      long maxCombinations,
      Map<String, String> errors) {
    String objectiveName = requestedObjective == null ? DEFAULT_OBJECTIVE : requestedObjective;
    try {
      objectiveName = Objective.parse(objectiveName).jsonName();
    } catch (IllegalArgumentException e) {
      errors.put("objective", e.getMessage());
    }
    List<OptimizationResponse.ConstraintView> constraints = new ArrayList<>();
    List<OptimizeRequest.ConstraintSpec> given =
        requestedConstraints == null ? List.of() : requestedConstraints;
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
        requestedParamConstraints == null ? List.of() : requestedParamConstraints;
    List<ParamConstraint> paramConstraints =
        parseParamConstraints(run, paramConstraintTexts, errors);
    List<ParameterRange> ranges = gridRanges(run, requestedRanges, errors);
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
      if (size > maxCombinations) {
        errors.put(
            "ranges",
            "the grid has "
                + (size == Long.MAX_VALUE ? "too many" : size)
                + " combinations"
                + (skipped > 0 ? " that meet its parameter constraints" : "")
                + ", more than the limit of "
                + maxCombinations
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
    return new Checked(
        ranges,
        objectiveName,
        constraints,
        paramConstraintTexts.stream().map(String::strip).toList(),
        size,
        skipped);
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
}
