package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.Signals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strategy that compiled: its parameters, its outputs and the plan that computes them. Immutable.
 */
public final class CompiledStrategy {

  private final List<Node> nodes;
  private final Map<String, ParamSpec> params;
  private final Map<String, Node> outputs;

  CompiledStrategy(List<Node> nodes, Map<String, ParamSpec> params, Map<String, Node> outputs) {
    this.nodes = nodes;
    this.params = params;
    this.outputs = outputs;
  }

  /** Declared parameters in source order. */
  public List<ParamSpec> params() {
    return List.copyOf(params.values());
  }

  /** The output names the strategy assigns, in source order. */
  public List<String> outputNames() {
    return List.copyOf(outputs.keySet());
  }

  /** How many distinct computations the plan has (after merging equal sub-expressions). */
  public int planSize() {
    return nodes.size();
  }

  /** An evaluator bound to these bars, caching columns across parameter sets (for sweeps). */
  public StrategyEvaluator evaluator(BarSeries bars) {
    return new StrategyEvaluator(this, bars);
  }

  /** One evaluation: the signals for these bars and parameter values. */
  public Signals signals(BarSeries bars, Map<String, Double> paramValues) {
    return evaluator(bars).signals(paramValues);
  }

  List<Node> nodes() {
    return nodes;
  }

  Map<String, Node> outputs() {
    return outputs;
  }

  /**
   * Defaults overridden by {@code overrides}.
   *
   * @throws StrategyEvaluationException for an unknown name or a value outside the declared range
   */
  Map<String, Double> resolveParams(Map<String, Double> overrides) {
    Map<String, Double> values = new LinkedHashMap<>();
    params.forEach((name, spec) -> values.put(name, spec.defaultValue()));
    List<String> problems = new ArrayList<>();
    overrides.forEach(
        (name, value) -> {
          ParamSpec spec = params.get(name);
          if (spec == null) {
            problems.add(
                "unknown parameter '"
                    + name
                    + "'"
                    + (params.isEmpty()
                        ? "; this strategy has none"
                        : "; this strategy has " + String.join(", ", params.keySet())));
            return;
          }
          String problem = value == null ? name + " needs a value" : spec.problem(value);
          if (problem != null) {
            problems.add(problem);
          } else {
            values.put(name, value);
          }
        });
    if (!problems.isEmpty()) {
      throw new StrategyEvaluationException(String.join("; ", problems));
    }
    return values;
  }
}
