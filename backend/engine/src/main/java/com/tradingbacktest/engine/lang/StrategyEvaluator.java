package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.lang.Node.Op;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.Signals;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs a compiled plan on one bar series, column by column. Columns that do not depend on a
 * parameter are computed once per evaluator; the others are cached per value of the parameters they
 * use, so a sweep over {@code slow} never recomputes {@code sma(close, fast)}. Not thread-safe: use
 * one per thread.
 */
public final class StrategyEvaluator {

  private final CompiledStrategy strategy;
  private final BarSeries bars;
  private final EvaluationLimits limits;
  private final long bytesPerEvaluation;
  private final EvalContext ctx;
  private final Map<Integer, Map<List<Double>, Object>> cache = new HashMap<>();
  private final List<String>[] sortedParams;
  private final boolean[] needed;
  private long cachedBytes;

  /** Whether a needed node reads the account's state: the evaluation then ends in the run. */
  private final boolean readsState;

  /** Whether this evaluator computes the plots too ({@link #evaluate}); a sweep's never does. */
  private final boolean withPlots;

  /** This series' own index for cross-sectional functions (a universe of one); built when used. */
  private CrossSection.Index singleIndex;

  StrategyEvaluator(
      CompiledStrategy strategy, BarSeries bars, EvaluationLimits limits, boolean withPlots) {
    this(strategy, bars, limits, withPlots, true);
  }

  /**
   * @param checkMemory false for one symbol of a universe, whose evaluation checks the memory of
   *     all its symbols together
   */
  @SuppressWarnings("unchecked")
  StrategyEvaluator(
      CompiledStrategy strategy,
      BarSeries bars,
      EvaluationLimits limits,
      boolean withPlots,
      boolean checkMemory) {
    this.strategy = strategy;
    this.bars = bars;
    this.limits = limits;
    this.ctx = new EvalContext(bars, () -> limits.control().checkpoint(0));
    List<Node> nodes = strategy.nodes();
    this.sortedParams = new List[nodes.size()];
    for (Node n : nodes) {
      sortedParams[n.id] = List.copyOf(new TreeSet<>(n.params));
    }
    this.withPlots = withPlots;
    this.needed = strategy.neededNodes(withPlots);
    boolean state = false;
    boolean[] stateful = strategy.statefulNodes();
    for (int id = 0; id < needed.length; id++) {
      state |= needed[id] && stateful[id];
    }
    this.readsState = state;
    this.bytesPerEvaluation = strategy.bytesPerBar(withPlots) * bars.size();
    if (checkMemory && bytesPerEvaluation > limits.maxBytes()) {
      throw new StrategyEvaluationException(tooBig(bytesPerEvaluation, bars.size(), limits));
    }
  }

  static String tooBig(long needed, int bars, EvaluationLimits limits) {
    return String.format(
        Locale.ROOT,
        "This strategy needs about %,d MB to run over %,d bars; the limit per run is %,d MB."
            + " Shorten the date range, use a longer interval, or compute fewer series"
            + " (each output of a function such as bbands or macd is a series of its own)",
        (needed + (1 << 20) - 1) >> 20, // up, and the limit down: never "needs 3 MB, limit 3 MB"
        bars,
        limits.maxBytes() >> 20);
  }

  /**
   * The engine's signals for these parameter values (defaults for those not given). For a strategy
   * that reads the account's state they are filled bar by bar during the run ({@link
   * Signals#decider()}): run them once at a time.
   */
  public Signals signals(Map<String, Double> overrides) {
    Object[] values = columns(overrides);
    return signalsOf(values, barByBar(values));
  }

  /**
   * The part of the evaluation that waits for the account, when this evaluator's outputs (and
   * plots) read it; null otherwise.
   */
  private BarByBar barByBar(Object[] values) {
    if (!readsState) {
      return null;
    }
    return new BarByBar(
        strategy,
        values,
        needed,
        withPlots ? strategy.plots() : List.of(),
        bars.size(),
        () -> limits.control().checkpoint(0));
  }

  /** The signals from evaluated columns (the weight output is not a signal: {@link #weightOf}). */
  Signals signalsOf(Object[] values) {
    return signalsOf(values, null);
  }

  private Signals signalsOf(Object[] values, BarByBar decider) {
    Signals.Builder b = Signals.builder(bars.size());
    strategy.outputs().forEach((name, node) -> apply(b, name, values[node.id]));
    if (decider != null) {
      b.decider(decider);
    }
    return b.build();
  }

  /** The plots from evaluated columns, in declaration order. */
  List<Plot> plotsOf(Object[] values) {
    return plotsOf(values, null);
  }

  private List<Plot> plotsOf(Object[] values, BarByBar decider) {
    boolean[] stateful = strategy.statefulNodes();
    List<Plot> plots = new ArrayList<>(strategy.plots().size());
    for (Plots.Declared p : strategy.plots()) {
      double[] column =
          decider != null && stateful[p.series().id]
              ? decider.plotColumn(p.series())
              : plotted(values[p.series().id]);
      plots.add(new Plot(p.title(), p.color(), p.style(), p.pane(), column));
    }
    return plots;
  }

  /**
   * The weight output's column from evaluated columns, in a fresh array; null when the strategy has
   * no weight.
   *
   * @throws StrategyEvaluationException for a negative or infinite weight, naming the bar
   */
  double[] weightOf(Object[] values) {
    Node weight = strategy.outputs().get(Outputs.WEIGHT);
    if (weight == null) {
      return null;
    }
    double[] column = plotted(values[weight.id]);
    for (int i = 0; i < column.length; i++) {
      double w = column[i];
      if (w < 0 || w == Double.POSITIVE_INFINITY) {
        throw new StrategyEvaluationException(
            "weight must be from 0 to 1 (na for no opinion), but "
                + bars.symbol()
                + " has "
                + w
                + " on the bar of "
                + Instant.ofEpochMilli(bars.times()[i]));
      }
    }
    return column;
  }

  /**
   * Computes, into {@code values}, every needed node of stage {@code stage} but the cross-sectional
   * ones (which the universe fills in first), in id order, without caching: a universe evaluation
   * keeps only the columns later stages use.
   */
  void computeStage(Object[] values, Map<String, Double> params, int stage) {
    for (Node n : strategy.nodes()) {
      if (needed[n.id] && n.stage == stage && n.op != Op.CROSS && !n.selfReferencing) {
        if (n.series) {
          limits.control().checkpoint(0);
        }
        values[n.id] = compute(n, values, params);
      }
    }
  }

  /**
   * The signals and the plots, for an evaluator made with plots ({@link
   * CompiledStrategy#evaluate}).
   */
  Evaluation evaluate(Map<String, Double> overrides) {
    if (!withPlots) {
      throw new IllegalStateException("this evaluator was made without plots");
    }
    Object[] values = columns(overrides);
    BarByBar decider = barByBar(values);
    return new Evaluation(signalsOf(values, decider), plotsOf(values, decider));
  }

  /**
   * A plotted column as numbers in a fresh array (the plot owns it; the column may be the bars' own
   * or a cached one): a bool as 1 or 0, a constant on every bar.
   */
  private double[] plotted(Object value) {
    int n = bars.size();
    if (value instanceof double[] d) {
      return d.clone();
    }
    double[] out = new double[n];
    if (value instanceof boolean[] b) {
      for (int i = 0; i < n; i++) {
        out[i] = b[i] ? 1 : 0;
      }
      return out;
    }
    double constant = value instanceof Boolean flag ? (flag ? 1 : 0) : (Double) value;
    java.util.Arrays.fill(out, constant);
    return out;
  }

  /** Every needed column for these parameter values, by node id. */
  private Object[] columns(Map<String, Double> overrides) {
    Map<String, Double> params = strategy.resolveParams(overrides);
    if (cachedBytes + bytesPerEvaluation > limits.maxBytes()) {
      // Keep memory bounded in long sweeps: forget parameter-dependent columns, keep the fixed
      // ones.
      cache.values().forEach(m -> m.keySet().removeIf(k -> !k.isEmpty()));
      cachedBytes = 0;
    }
    Object[] values = new Object[strategy.nodes().size()];
    boolean[] stateful = strategy.statefulNodes();
    for (Node n : strategy.nodes()) {
      // A self-referencing series computes its definition's nodes itself; the nodes reading the
      // account wait for the run (BarByBar).
      if (needed[n.id] && !n.selfReferencing && !stateful[n.id]) {
        if (n.series) {
          limits.control().checkpoint(0); // between columns: one function over all the bars
        }
        values[n.id] = cached(n, values, params);
      }
    }
    return values;
  }

  private Object cached(Node n, Object[] values, Map<String, Double> params) {
    if (!n.series) {
      return compute(n, values, params); // scalars are cheap
    }
    List<Double> key = new ArrayList<>(sortedParams[n.id].size());
    for (String p : sortedParams[n.id]) {
      key.add(params.get(p));
    }
    Map<List<Double>, Object> perNode = cache.computeIfAbsent(n.id, k -> new HashMap<>());
    Object hit = perNode.get(key);
    if (hit != null) {
      return hit;
    }
    Object value = compute(n, values, params);
    if (!key.isEmpty()) {
      cachedBytes += MemoryEstimate.ownBytes(n) * bars.size();
    }
    perNode.put(key, value);
    return value;
  }

  private Object compute(Node n, Object[] v, Map<String, Double> params) {
    int size = bars.size();
    switch (n.op) {
      case NUM:
        return n.value;
      case BOOL:
        return n.value != 0;
      case PARAM:
        return params.get(n.name);
      case PRICE:
        return price(n.name);
      case TIME:
        return time(n.name);
      case NEG:
        return Columns.neg(v[n.in[0].id]);
      case NOT:
        return Columns.not(v[n.in[0].id]);
      case ARITH:
        return Columns.arith(n.name, v[n.in[0].id], v[n.in[1].id], size);
      case COMPARE:
        return Columns.compare(n.name, v[n.in[0].id], v[n.in[1].id], size);
      case LOGIC:
        return Columns.logic(n.name, v[n.in[0].id], v[n.in[1].id], size);
      case TERNARY:
        return Columns.ternary(v[n.in[0].id], v[n.in[1].id], v[n.in[2].id], size);
      case HISTORY:
        return history(n, v);
      case FIELD:
        return ((Map<?, ?>) v[n.in[0].id]).get(n.name);
      case TEXT:
        return n.name;
      case CROSS:
        return crossSectionOfOne(n, v);
      case RECUR:
        return BarByBar.recursion(
            n,
            strategy.region(n.id),
            strategy.nodes(),
            v,
            strategy.recursions(),
            size,
            () -> limits.control().checkpoint(0));
      case CALL:
      default:
        return call(n, v);
    }
  }

  /** A cross-sectional function on this series alone: a universe of one symbol. */
  private Object crossSectionOfOne(Node n, Object[] v) {
    if (singleIndex == null) {
      singleIndex = CrossSection.Index.of(List.of(bars));
    }
    Object[] args = new Object[n.in.length];
    for (int k = 0; k < args.length; k++) {
      args[k] = v[n.in[k].id];
    }
    return CrossSection.compute(
        n, new Object[][] {args}, new int[] {bars.size()}, singleIndex, ctx.checkpoint())[0];
  }

  private Object history(Node n, Object[] v) {
    double offset = (Double) v[n.in[1].id];
    if (offset != Math.rint(offset) || offset < 0 || offset > Limits.MAX_LOOKBACK) {
      throw new StrategyEvaluationException(
          "history offset "
              + n.in[1].name
              + " must be a whole number from 0 to "
              + Limits.MAX_LOOKBACK
              + ", got "
              + Compiler.fmt(offset));
    }
    if (offset < 1 && n.knownAtOpen && !n.in[0].knownAtOpen) {
      throw new StrategyEvaluationException(
          n.in[1].name
              + " must be at least 1 here: ["
              + n.in[1].name
              + "] feeds an order working during the bar");
    }
    return Columns.shift(v[n.in[0].id], (int) offset, bars.size());
  }

  private Object call(Node n, Object[] v) {
    Object[] args = new Object[n.in.length];
    List<FunctionSpec.Arg> formal = n.builtin.spec().params();
    for (int k = 0; k < args.length; k++) {
      args[k] = v[n.in[k].id];
      FunctionSpec.Arg arg = formal.get(k);
      if (arg.kind().equals("length") && n.in[k].op == Op.PARAM) {
        String problem =
            Lengths.problem((Double) args[k], arg.minimum() == null ? 1 : arg.minimum());
        if (problem != null) {
          throw new StrategyEvaluationException(
              n.name + " " + formal.get(k).name() + " (" + n.in[k].name + ") " + problem);
        }
      }
    }
    if (n.builtin.check() != null) {
      String problem = n.builtin.check().problem(args);
      if (problem != null) {
        throw new StrategyEvaluationException(n.name + ": " + problem);
      }
    }
    return n.builtin.impl().apply(new Args(args, ctx));
  }

  private double[] price(String name) {
    return switch (name) {
      case "open" -> bars.open();
      case "high" -> bars.high();
      case "low" -> bars.low();
      case "close" -> bars.close();
      case "volume" -> bars.volume();
      default -> {
        double[] out = new double[bars.size()];
        double[] o = bars.open();
        double[] h = bars.high();
        double[] l = bars.low();
        double[] c = bars.close();
        for (int i = 0; i < out.length; i++) {
          out[i] =
              switch (name) {
                case "hl2" -> (h[i] + l[i]) / 2;
                case "hlc3" -> (h[i] + l[i] + c[i]) / 3;
                default -> (o[i] + h[i] + l[i] + c[i]) / 4;
              };
        }
        yield out;
      }
    };
  }

  /** Calendar parts of each bar's open time in the market's zone; ISO day of week (Monday = 1). */
  private double[] time(String name) {
    double[] out = new double[bars.size()];
    long[] t = bars.times();
    for (int i = 0; i < out.length; i++) {
      ZonedDateTime z = Instant.ofEpochMilli(t[i]).atZone(bars.zone());
      out[i] =
          switch (name) {
            case "year" -> z.getYear();
            case "month" -> z.getMonthValue();
            case "dayofmonth" -> z.getDayOfMonth();
            case "dayofweek" -> z.getDayOfWeek().getValue();
            case "hour" -> z.getHour();
            default -> z.getMinute();
          };
    }
    return out;
  }

  private void apply(Signals.Builder b, String output, Object value) {
    int n = bars.size();
    switch (output) {
      case "long_entry" -> b.longEntry(Columns.bools(value, n));
      case "long_exit" -> b.longExit(Columns.bools(value, n));
      case "short_entry" -> b.shortEntry(Columns.bools(value, n));
      case "short_exit" -> b.shortExit(Columns.bools(value, n));
      case "long_entry_stop" -> b.longEntryStop(Columns.numbers(value, n));
      case "long_entry_limit" -> b.longEntryLimit(Columns.numbers(value, n));
      case "short_entry_stop" -> b.shortEntryStop(Columns.numbers(value, n));
      case "short_entry_limit" -> b.shortEntryLimit(Columns.numbers(value, n));
      case "stop_loss" -> b.stopLoss(Columns.numbers(value, n));
      case "take_profit" -> b.takeProfit(Columns.numbers(value, n));
      case "trailing_stop" -> b.trailingStop(Columns.numbers(value, n));
      case "size" -> b.size(Columns.numbers(value, n));
      case Outputs.EXIT_FRACTION -> b.exitFraction(Columns.numbers(value, n));
      default -> {
        // weight: target weights for the portfolio's rebalancer, not an order (see weightOf)
      }
    }
  }
}
