package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.lang.Node.Op;
import com.tradingbacktest.engine.sim.AccountView;
import com.tradingbacktest.engine.sim.BarDecider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The part of a plan computed one bar at a time: a series that reads its own earlier values ({@link
 * Op#RECUR}), and everything computed from the account's state ({@link Op#STATE}). Each such node
 * still owns a whole column; bar {@code i}'s value is written once every input's value at {@code i}
 * (and the earlier bars its history reads) is there, so nothing reads the future.
 *
 * <p>Only element-wise operations run here (the compiler refuses the rest): arithmetic,
 * comparisons, logic, {@code ?:}, history and the {@link #ELEMENTWISE} functions, with the same
 * arithmetic as their column versions ({@link Columns}, {@link SeriesFunctions}).
 *
 * <p>As a {@link BarDecider} it drives a strategy reading the account through a run: at each bar's
 * open the nodes known at the open (the intrabar order levels among them), at its close the account
 * state and everything else; the strategy's output columns are its own, read by the bar loop.
 */
final class BarByBar implements BarDecider {

  /** The functions that work on values computed bar by bar: one bar in, one bar out. */
  static final List<String> ELEMENTWISE =
      List.of("nz", "abs", "min", "max", "pow", "sqrt", "log", "exp", "round", "floor", "ceil");

  private static final int CHECK_EVERY = 1 << 13;

  private final Object[] values;
  private final Map<String, Node> recursions;
  private final Node[] atOpen;
  private final Node[] atClose;
  private final Node[] plotted;
  private final double[][] plotColumns;
  private final Runnable checkpoint;

  /**
   * Allocates the column of every needed node of {@code strategy} that depends on the account (into
   * {@code values}, which holds every other needed column already), and one column per plot of such
   * a node.
   */
  BarByBar(
      CompiledStrategy strategy,
      Object[] values,
      boolean[] needed,
      List<Plots.Declared> plots,
      int size,
      Runnable checkpoint) {
    this.values = values;
    this.recursions = strategy.recursions();
    this.checkpoint = checkpoint;
    boolean[] stateful = strategy.statefulNodes();
    List<Node> open = new ArrayList<>();
    List<Node> close = new ArrayList<>();
    for (Node n : strategy.nodes()) {
      if (needed[n.id] && stateful[n.id]) {
        values[n.id] = column(n, size);
        (n.knownAtOpen ? open : close).add(n);
      }
    }
    atOpen = open.toArray(Node[]::new);
    atClose = close.toArray(Node[]::new);
    checkOffsets(atOpen, values);
    checkOffsets(atClose, values);
    List<Node> drawn = new ArrayList<>();
    for (Plots.Declared p : plots) {
      if (stateful[p.series().id]) {
        drawn.add(p.series());
      }
    }
    plotted = drawn.toArray(Node[]::new);
    plotColumns = new double[plotted.length][size];
  }

  /**
   * The column a plot of {@code series} is drawn from: filled as the run goes, complete after it.
   */
  double[] plotColumn(Node series) {
    for (int k = 0; k < plotted.length; k++) {
      if (plotted[k] == series) {
        return plotColumns[k];
      }
    }
    throw new IllegalArgumentException("not a plot computed bar by bar: " + series.name);
  }

  @Override
  public void open(int bar) {
    for (Node n : atOpen) {
      step(n, bar, values, null, recursions);
    }
  }

  @Override
  public void close(int bar, AccountView account) {
    if ((bar & (CHECK_EVERY - 1)) == 0 && bar > 0) {
      checkpoint.run();
    }
    for (Node n : atClose) {
      step(n, bar, values, account, recursions);
    }
    for (int k = 0; k < plotted.length; k++) {
      Object v = at(values[plotted[k].id], bar);
      plotColumns[k][bar] = v instanceof Boolean b ? (b ? 1 : 0) : (Double) v;
    }
  }

  /**
   * The column of a self-referencing series {@code recur} that does not depend on the account:
   * every bar of its definition's nodes ({@code region}, in id order) in turn, then its own value.
   */
  static double[] recursion(
      Node recur,
      int[] region,
      List<Node> nodes,
      Object[] values,
      Map<String, Node> recursions,
      int size,
      Runnable checkpoint) {
    double[] out = new double[size];
    Arrays.fill(out, Double.NaN);
    values[recur.id] = out;
    Node[] steps = new Node[region.length];
    for (int k = 0; k < region.length; k++) {
      steps[k] = nodes.get(region[k]);
      values[region[k]] = column(steps[k], size);
    }
    checkOffsets(steps, values);
    for (int i = 0; i < size; i++) {
      if ((i & (CHECK_EVERY - 1)) == 0 && i > 0) {
        checkpoint.run();
      }
      for (Node n : steps) {
        step(n, i, values, null, recursions);
      }
      step(recur, i, values, null, recursions);
    }
    for (int r : region) {
      values[r] = null; // only the series itself is read afterwards
    }
    return out;
  }

  private static Object column(Node n, int size) {
    if (n.type == Node.Type.BOOL) {
      return new boolean[size];
    }
    double[] column = new double[size];
    Arrays.fill(column, Double.NaN);
    return column;
  }

  /** Refuses a param history offset outside what the compiler accepts for a literal. */
  private static void checkOffsets(Node[] steps, Object[] values) {
    for (Node n : steps) {
      if (n.op != Op.SELF && n.op != Op.HISTORY) {
        continue;
      }
      Node offsetNode = n.op == Op.SELF ? n.in[0] : n.in[1];
      double offset = (Double) values[offsetNode.id];
      double min = n.op == Op.SELF ? 1 : 0;
      if (offset != Math.rint(offset) || offset < min || offset > Limits.MAX_LOOKBACK) {
        throw new StrategyEvaluationException(
            "history offset "
                + offsetNode.name
                + " must be a whole number from "
                + Compiler.fmt(min)
                + " to "
                + Limits.MAX_LOOKBACK
                + (n.op == Op.SELF ? " where " + n.name + " reads its own earlier values" : "")
                + ", got "
                + Compiler.fmt(offset));
      }
      if (offset < 1 && n.knownAtOpen && !n.in[0].knownAtOpen) {
        // Computed at the bar's open, it would read a value the bar's close has not yet set.
        throw new StrategyEvaluationException(
            offsetNode.name
                + " must be at least 1 here: ["
                + offsetNode.name
                + "] feeds an order working during the bar");
      }
    }
  }

  /** Computes bar {@code i} of node {@code n} into its column. */
  private static void step(
      Node n, int i, Object[] v, AccountView account, Map<String, Node> recursions) {
    Object value =
        switch (n.op) {
          case STATE -> PositionState.read(n.name, account);
          case SELF -> {
            int k = (int) (double) (Double) v[n.in[0].id];
            double[] own = (double[]) v[recursions.get(n.name).id];
            yield i >= k ? own[i - k] : Double.NaN;
          }
          case RECUR -> at(v[n.in[0].id], i);
          case HISTORY -> {
            int k = (int) (double) (Double) v[n.in[1].id];
            Object target = v[n.in[0].id];
            yield i >= k ? at(target, i - k) : n.type == Node.Type.BOOL ? NEVER : NaN;
          }
          case NEG -> Columns.neg(at(v[n.in[0].id], i));
          case NOT -> Columns.not(at(v[n.in[0].id], i));
          case ARITH -> Columns.arith(n.name, at(v[n.in[0].id], i), at(v[n.in[1].id], i), 1);
          case COMPARE -> Columns.compare(n.name, at(v[n.in[0].id], i), at(v[n.in[1].id], i), 1);
          case LOGIC -> Columns.logic(n.name, at(v[n.in[0].id], i), at(v[n.in[1].id], i), 1);
          case TERNARY ->
              Columns.ternary(at(v[n.in[0].id], i), at(v[n.in[1].id], i), at(v[n.in[2].id], i), 1);
          case CALL -> {
            double[] args = new double[n.in.length];
            for (int k = 0; k < args.length; k++) {
              args[k] = (Double) at(v[n.in[k].id], i);
            }
            yield elementwise(n.name, args);
          }
          default ->
              throw new IllegalStateException(
                  n.op + " is not computed bar by bar (" + n.name + ")");
        };
    Object column = v[n.id];
    if (column instanceof boolean[] b) {
      b[i] = (Boolean) value;
    } else {
      ((double[]) column)[i] = (Double) value;
    }
  }

  // Before the first bar a history reaches: na for numbers, false for bools (as Columns.shift).
  private static final Double NaN = Double.NaN;
  private static final Boolean NEVER = false;

  /** Bar {@code i} of a column, or the constant itself. */
  private static Object at(Object value, int i) {
    if (value instanceof double[] d) {
      return d[i];
    }
    if (value instanceof boolean[] b) {
      return b[i];
    }
    return value;
  }

  /** One bar of an {@link #ELEMENTWISE} function, as its column version computes each bar. */
  static double elementwise(String function, double[] a) {
    return switch (function) {
      case "nz" -> Double.isNaN(a[0]) ? a[1] : a[0];
      case "abs" -> Math.abs(a[0]);
      case "min" -> Math.min(a[0], a[1]);
      case "max" -> Math.max(a[0], a[1]);
      case "pow" -> Math.pow(a[0], a[1]);
      case "sqrt" -> Math.sqrt(a[0]);
      case "log" -> a[0] > 0 ? Math.log(a[0]) : Double.NaN;
      case "exp" -> Math.exp(a[0]);
      case "round" ->
          Double.isNaN(a[0]) ? a[0] : Math.signum(a[0]) * Math.floor(Math.abs(a[0]) + 0.5);
      case "floor" -> Math.floor(a[0]);
      case "ceil" -> Math.ceil(a[0]);
      default -> throw new IllegalStateException(function + " is not element-wise");
    };
  }
}
