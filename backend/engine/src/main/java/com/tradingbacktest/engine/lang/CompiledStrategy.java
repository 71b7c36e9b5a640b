package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.Signals;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
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
  private final List<Plots.Declared> plots;

  CompiledStrategy(
      List<Node> nodes,
      Map<String, ParamSpec> params,
      Map<String, Node> outputs,
      List<Plots.Declared> plots) {
    this.nodes = nodes;
    this.params = params;
    this.outputs = outputs;
    this.plots = plots;
  }

  /** Declared parameters in source order. */
  public List<ParamSpec> params() {
    return List.copyOf(params.values());
  }

  /** The output names the strategy assigns, in source order. */
  public List<String> outputNames() {
    return List.copyOf(outputs.keySet());
  }

  /** The titles of the strategy's plots, in declaration order. */
  public List<String> plotTitles() {
    return plots.stream().map(Plots.Declared::title).toList();
  }

  /** How many distinct computations the plan has (after merging equal sub-expressions). */
  public int planSize() {
    return nodes.size();
  }

  /**
   * An evaluator bound to these bars, caching columns across parameter sets (for sweeps), within
   * {@link EvaluationLimits#defaults()}.
   *
   * @throws StrategyEvaluationException when the plan needs more memory for these bars than allowed
   */
  public StrategyEvaluator evaluator(BarSeries bars) {
    return evaluator(bars, EvaluationLimits.defaults());
  }

  /**
   * An evaluator bound to these bars within {@code limits}: its memory is checked now, its control
   * before every column.
   *
   * @throws StrategyEvaluationException when {@link #memoryNeeded} for these bars exceeds the limit
   */
  public StrategyEvaluator evaluator(BarSeries bars, EvaluationLimits limits) {
    return new StrategyEvaluator(this, bars, limits, false);
  }

  /** One evaluation: the signals for these bars and parameter values. */
  public Signals signals(BarSeries bars, Map<String, Double> paramValues) {
    return evaluator(bars).signals(paramValues);
  }

  /**
   * One evaluation within {@code limits}.
   *
   * @throws StrategyEvaluationException when it needs more memory than allowed
   * @throws com.tradingbacktest.engine.sim.BacktestCancelledException when the control cancels
   * @throws com.tradingbacktest.engine.sim.RunTimeLimitException when the control's deadline passes
   */
  public Signals signals(BarSeries bars, Map<String, Double> paramValues, EvaluationLimits limits) {
    return evaluator(bars, limits).signals(paramValues);
  }

  /**
   * One evaluation for a run that is shown to a person: the signals and every plotted series. The
   * plots' columns count toward the memory limit like any other.
   *
   * @throws StrategyEvaluationException when it needs more memory than allowed
   * @throws com.tradingbacktest.engine.sim.BacktestCancelledException when the control cancels
   * @throws com.tradingbacktest.engine.sim.RunTimeLimitException when the control's deadline passes
   */
  public Evaluation evaluate(
      BarSeries bars, Map<String, Double> paramValues, EvaluationLimits limits) {
    return new StrategyEvaluator(this, bars, limits, true).evaluate(paramValues);
  }

  /**
   * The estimated peak memory, in bytes, of one run of this strategy over {@code barCount} bars
   * ({@link #evaluate}): every series it computes and plots (each output of a multi-output function
   * counted, bools one byte per bar, numbers eight), the plots' own columns, the largest call's
   * work arrays, and what the run holds besides (bars, simulation, metrics).
   */
  public long memoryNeeded(int barCount) {
    return bytesPerBar(true) * barCount;
  }

  /** Bytes per bar of one evaluation, with or without the plots. */
  long bytesPerBar(boolean withPlots) {
    long bytes = MemoryEstimate.bytesPerBar(nodes, neededNodes(withPlots));
    return withPlots ? bytes + MemoryEstimate.PLOT_BYTES_PER_BAR * plots.size() : bytes;
  }

  /**
   * Which nodes the outputs (and, when asked, the plots) depend on, by id; iterative, since plans
   * can be very deep.
   */
  boolean[] neededNodes(boolean withPlots) {
    boolean[] needed = new boolean[nodes.size()];
    ArrayDeque<Node> stack = new ArrayDeque<>(outputs.values());
    if (withPlots) {
      plots.forEach(p -> stack.push(p.series()));
    }
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      if (!needed[n.id]) {
        needed[n.id] = true;
        Collections.addAll(stack, n.in);
      }
    }
    return needed;
  }

  List<Node> nodes() {
    return nodes;
  }

  Map<String, Node> outputs() {
    return outputs;
  }

  List<Plots.Declared> plots() {
    return plots;
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
