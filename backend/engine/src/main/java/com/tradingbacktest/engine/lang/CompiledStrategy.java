package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.portfolio.Rebalance;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.Signals;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A strategy that compiled: its parameters, its outputs and the plan that computes them. Immutable.
 */
public final class CompiledStrategy {

  private final List<Node> nodes;
  private final Map<String, ParamSpec> params;
  private final Map<String, Node> outputs;
  private final List<Plots.Declared> plots;
  private final Rebalance rebalance;
  private final Integer pyramiding;

  /** Each self-referencing series by name ({@link Node.Op#RECUR}). */
  private final Map<String, Node> recursions = new HashMap<>();

  /** Per self-referencing series (by id), the nodes of its definition computed bar by bar. */
  private final Map<Integer, int[]> regions = new HashMap<>();

  /** The nodes computed bar by bar with the account, by id (see {@link BarByBar}). */
  private final boolean[] stateful;

  CompiledStrategy(
      List<Node> nodes,
      Map<String, ParamSpec> params,
      Map<String, Node> outputs,
      List<Plots.Declared> plots,
      Rebalance rebalance,
      Integer pyramiding) {
    this.nodes = nodes;
    this.params = params;
    this.outputs = outputs;
    this.plots = plots;
    this.rebalance = rebalance;
    this.pyramiding = pyramiding;
    this.stateful = new boolean[nodes.size()];
    for (Node n : nodes) {
      stateful[n.id] = n.dependsOnState;
      if (n.op == Node.Op.RECUR) {
        recursions.put(n.name, n);
        int[] region = region(n);
        regions.put(n.id, region);
        if (n.dependsOnState) {
          for (int r : region) {
            stateful[r] = true; // a series reading the account: its whole definition goes with it
          }
        }
      }
    }
  }

  /**
   * The nodes of a self-referencing series' definition that read its earlier values, in id order:
   * those below its definition that depend on one of its {@link Node.Op#SELF} nodes.
   */
  private static int[] region(Node recur) {
    java.util.TreeSet<Integer> ids = new java.util.TreeSet<>();
    ArrayDeque<Node> stack = new ArrayDeque<>();
    stack.push(recur.in[0]);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      if (n.selfReferencing && ids.add(n.id)) {
        Collections.addAll(stack, n.in);
      }
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * True when the strategy reads the account's state ({@code position_size}, {@code equity}, ...)
   * in an output, or in a plot when {@code withPlots}: it is then evaluated bar by bar as the run
   * goes, its {@link Signals} carrying the {@link com.tradingbacktest.engine.sim.BarDecider} that
   * fills them.
   */
  public boolean readsPositionState(boolean withPlots) {
    boolean[] needed = neededNodes(withPlots);
    for (Node n : nodes) {
      if (needed[n.id] && stateful[n.id]) {
        return true;
      }
    }
    return false;
  }

  /** True when an output or a plot reads the account's state: see {@link #readsPositionState}. */
  public boolean readsPositionState() {
    return readsPositionState(true);
  }

  boolean[] statefulNodes() {
    return stateful;
  }

  Map<String, Node> recursions() {
    return recursions;
  }

  /** The definition nodes of a self-referencing series computed bar by bar ({@link #region}). */
  int[] region(int recurId) {
    return regions.get(recurId);
  }

  /**
   * The strategy's {@code pyramiding} setting: the most entries its positions hold in one
   * direction; empty when it has none (a run's own setting, else 1). A run's own setting overrides
   * it, as for {@link #rebalance()}.
   */
  public OptionalInt pyramiding() {
    return pyramiding == null ? OptionalInt.empty() : OptionalInt.of(pyramiding);
  }

  /**
   * True when the strategy assigns {@code weight}: it sets target weights for the portfolio's
   * rebalancer ({@link #evaluateUniverse}) instead of entry and exit orders.
   */
  public boolean hasWeight() {
    return outputs.containsKey(Outputs.WEIGHT);
  }

  /**
   * The schedule of the weight output: the strategy's {@code rebalance} setting, else monthly;
   * empty when it has no weight.
   */
  public Optional<Rebalance> rebalance() {
    return Optional.ofNullable(rebalance);
  }

  /**
   * True when the strategy uses a cross-sectional function (rank, top, ...): evaluated on one
   * series, it sees a universe of that one symbol.
   */
  public boolean isCrossSectional() {
    return nodes.stream().anyMatch(n -> n.op == Node.Op.CROSS);
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
   * One evaluation over a universe, for a portfolio run: per symbol its signals, its weight column
   * and its plots, each over its own bars, and the rebalance schedule. Every symbol's indicators
   * are computed on its own bars; the cross-sectional functions compare the symbols with a bar at
   * each time. The memory of all symbols together is checked against {@code limits} first.
   *
   * @param universe 1 to {@link Limits#MAX_UNIVERSE_SYMBOLS} series with distinct symbols
   * @throws IllegalArgumentException for an empty, too large or duplicated universe
   * @throws StrategyEvaluationException when it needs more memory than allowed, a parameter is
   *     wrong, or a weight is negative
   * @throws com.tradingbacktest.engine.sim.BacktestCancelledException when the control cancels
   * @throws com.tradingbacktest.engine.sim.RunTimeLimitException when the control's deadline passes
   */
  public UniverseEvaluation evaluateUniverse(
      List<BarSeries> universe, Map<String, Double> paramValues, EvaluationLimits limits) {
    return new UniverseEvaluator(this, universe, limits, true).evaluate(paramValues);
  }

  /**
   * Like {@link #evaluateUniverse} without the plots (their lists are empty), for parameter sweeps:
   * it never pays for them.
   */
  public UniverseEvaluation universeSignals(
      List<BarSeries> universe, Map<String, Double> paramValues, EvaluationLimits limits) {
    return new UniverseEvaluator(this, universe, limits, false).evaluate(paramValues);
  }

  /**
   * The estimated peak memory, in bytes, of one portfolio run of this strategy ({@link
   * #evaluateUniverse}) over {@code symbols} series of {@code barsPerSymbol} bars each: what it
   * keeps for every symbol-bar until the end (its outputs and plots, the columns later stages of
   * cross-sectional functions read, the cross-sectional columns and their index, and the run's own
   * share) plus the whole plan over one symbol's bars while that symbol is computed.
   */
  public long memoryNeeded(int symbols, int barsPerSymbol) {
    return universeBytes(true, (long) symbols * barsPerSymbol, barsPerSymbol);
  }

  /**
   * The memory of a universe evaluation of {@code totalBars} bars whose longest series has {@code
   * longest}.
   */
  long universeBytes(boolean withPlots, long totalBars, int longest) {
    long perSymbolBar =
        MemoryEstimate.universeBytesPerBar(
                nodes, neededNodes(withPlots), keptAcrossStages(withPlots))
            + (withPlots ? MemoryEstimate.PLOT_BYTES_PER_BAR * plots.size() : 0)
            // an output fixed for the run still becomes a column of the symbol's signals
            + outputs.values().stream()
                .filter(Node::isConstant)
                .mapToLong(n -> n.type == Node.Type.BOOL ? 1 : 8)
                .sum();
    return perSymbolBar * totalBars + bytesPerBar(withPlots) * longest;
  }

  /**
   * Which needed nodes a universe evaluation keeps for every symbol after the stage that computes
   * them: the outputs, the plotted series (when asked), and the inputs of a later stage.
   */
  boolean[] keptAcrossStages(boolean withPlots) {
    boolean[] needed = neededNodes(withPlots);
    boolean[] kept = new boolean[nodes.size()];
    outputs.values().forEach(n -> kept[n.id] = true);
    if (withPlots) {
      plots.forEach(p -> kept[p.series().id] = true);
    }
    for (Node n : nodes) {
      if (needed[n.id]) {
        for (Node in : n.in) {
          kept[in.id] |= in.stage < n.stage;
        }
      }
    }
    return kept;
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
