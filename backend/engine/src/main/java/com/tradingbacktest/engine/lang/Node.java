package com.tradingbacktest.engine.lang;

import java.util.Set;

/**
 * One distinct computation of a compiled strategy. Nodes form a DAG: structurally equal
 * sub-expressions are one node (computed once), and ids increase from inputs to users, so
 * evaluating in id order is a valid order.
 */
final class Node {

  enum Op {
    NUM,
    BOOL,
    PARAM,
    PRICE,
    TIME,
    NEG,
    NOT,
    ARITH,
    COMPARE,
    LOGIC,
    TERNARY,
    HISTORY,
    CALL,
    FIELD,
    /** A text literal; {@link Node#name} holds its value. */
    TEXT,
    /**
     * A cross-sectional function ({@link CrossSection}): compares the symbols of a universe at each
     * bar time, so its argument must be known for every symbol first. {@link Node#name} is the
     * function.
     */
    CROSS,
    /**
     * The account's state at the bar's close ({@code equity}, {@code position_size}, ...; {@link
     * Node#name}): known only as the run goes, so it and everything computed from it is evaluated
     * bar by bar, interleaved with the account ({@link BarByBar}).
     */
    STATE,
    /**
     * A series' own earlier value inside its definition ({@code x[1]} in {@code x = nz(x[1]) + 1}):
     * {@link Node#name} is the series, the input the offset (at least 1).
     */
    SELF,
    /**
     * A series that reads its own earlier values: the input is its definition, in which the {@link
     * #SELF} nodes of the same name stand for its earlier values. Computed bar by bar.
     */
    RECUR
  }

  enum Type {
    NUM("a number"),
    BOOL("a bool"),
    /** Text: only a literal, and only where a function's argument is of kind {@code string}. */
    STRING("a text");

    final String article;

    Type(String article) {
      this.article = article;
    }
  }

  final int id;
  final Op op;
  final Node[] in;

  /**
   * Operator, price or time field, param, function or output field name, depending on {@link #op}.
   */
  final String name;

  final double value;
  final Type type;

  /** False for values that are the same on every bar (constants, params and arithmetic on them). */
  final boolean series;

  /** The params this node's value depends on: the cache key in parameter sweeps. */
  final Set<String> params;

  /**
   * True when bar i's value depends only on bar i's open and earlier bars (safe for intrabar
   * orders).
   */
  final boolean knownAtOpen;

  final Ast.Span span;
  final Builtins.Builtin builtin;

  /**
   * How many cross-sectional functions are nested on the way to this node: 0 for a node every
   * symbol computes on its own bars alone. A universe is evaluated stage by stage, every symbol's
   * stage-s columns before the cross-sectional nodes of stage s + 1.
   */
  final int stage;

  /** True when the value depends on the account's state ({@link Op#STATE}) anywhere below. */
  final boolean dependsOnState;

  /**
   * True inside a self-referencing definition: the value depends on a {@link Op#SELF} not yet
   * closed by its {@link Op#RECUR}.
   */
  final boolean selfReferencing;

  Node(
      int id,
      Op op,
      Node[] in,
      String name,
      double value,
      Type type,
      boolean series,
      Set<String> params,
      boolean knownAtOpen,
      Ast.Span span,
      Builtins.Builtin builtin) {
    this.id = id;
    this.op = op;
    this.in = in;
    this.name = name;
    this.value = value;
    this.type = type;
    this.series = series;
    this.params = params;
    this.knownAtOpen = knownAtOpen;
    this.span = span;
    this.builtin = builtin;
    int inner = 0;
    for (Node n : in) {
      inner = Math.max(inner, n.stage);
    }
    this.stage = op == Op.CROSS ? inner + 1 : inner;
    boolean state = op == Op.STATE;
    boolean self = op == Op.SELF;
    for (Node n : in) {
      state |= n.dependsOnState;
      self |= n.selfReferencing;
    }
    this.dependsOnState = state;
    this.selfReferencing = self && op != Op.RECUR;
  }

  /**
   * True when the value is computed bar by bar rather than as a whole column: it reads the
   * account's state or its own series' earlier values.
   */
  boolean stepwise() {
    return dependsOnState || selfReferencing;
  }

  /** "a number series", "a bool", ...: for error messages. */
  String describe() {
    return series ? (type == Type.NUM ? "a number series" : "a bool series") : type.article;
  }

  boolean isConstant() {
    return !series;
  }
}
