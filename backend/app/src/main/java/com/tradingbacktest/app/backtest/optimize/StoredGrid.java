package com.tradingbacktest.app.backtest.optimize;

import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.ParamConstraint;
import com.tradingbacktest.engine.lang.StrategyCompiler;
import com.tradingbacktest.engine.optimize.Constraint;
import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.optimize.ParameterRange;
import com.tradingbacktest.engine.optimize.ValidCombinations;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A grid search as an optimisation or a walk-forward stores it (the strategy's code and the JSON of
 * its ranges, constraints and parameter constraints), read back by their jobs.
 *
 * @param valid the combinations that meet every parameter constraint: slices number these, as
 *     create counted them
 */
public record StoredGrid(
    CompiledStrategy strategy,
    ParameterGrid grid,
    List<Constraint> constraints,
    ValidCombinations valid) {

  /** The JSON shape of the stored ranges. */
  public static final TypeReference<List<OptimizationResponse.RangeView>> RANGES =
      new TypeReference<>() {};

  /** The JSON shape of the stored metric constraints. */
  public static final TypeReference<List<OptimizationResponse.ConstraintView>> CONSTRAINTS =
      new TypeReference<>() {};

  /** The JSON shape of the stored parameter constraints. */
  public static final TypeReference<List<String>> PARAM_CONSTRAINTS = new TypeReference<>() {};

  /** The stored search read back; see {@link #compile} for a strategy that no longer compiles. */
  public static StoredGrid read(
      JsonMapper json,
      String strategyCode,
      String rangesJson,
      String constraintsJson,
      String paramConstraintsJson) {
    CompiledStrategy strategy = compile(strategyCode);
    ParameterGrid grid = grid(json, rangesJson);
    List<Constraint> constraints =
        json.readValue(constraintsJson, CONSTRAINTS).stream()
            .map(c -> Constraint.parse(c.metric(), c.op(), c.value()))
            .toList();
    ValidCombinations valid =
        ValidCombinations.of(
            strategy,
            grid,
            json.readValue(paramConstraintsJson, PARAM_CONSTRAINTS).stream()
                .map(ParamConstraint::parse)
                .toList());
    return new StoredGrid(strategy, grid, constraints, valid);
  }

  /**
   * The stored strategy compiled again.
   *
   * @throws IllegalArgumentException when the code no longer compiles (the language changed)
   */
  public static CompiledStrategy compile(String strategyCode) {
    StrategyCompiler.Compilation compilation = StrategyCompiler.compile(strategyCode);
    if (!compilation.ok()) {
      throw new IllegalArgumentException(
          "the strategy no longer compiles: " + compilation.errors().get(0));
    }
    return compilation.strategy();
  }

  /** The grid of the stored ranges. */
  public static ParameterGrid grid(JsonMapper json, String rangesJson) {
    return new ParameterGrid(
        json.readValue(rangesJson, RANGES).stream()
            .map(r -> new ParameterRange(r.name(), r.from(), r.to(), r.step()))
            .toList());
  }
}
