package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.lang.Ast.Span;
import com.tradingbacktest.engine.lang.Node.Op;
import com.tradingbacktest.engine.series.Interval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan under construction: owns the node table, where every computation is interned so that
 * structurally equal ones are one {@link Node}, and ids are handed out in creation order (inputs
 * before their users). What a node means and whether it type-checks is the {@link Compiler}'s
 * business.
 */
final class Plan {

  private final Map<String, Node> unique = new HashMap<>();
  private final List<Node> nodes = new ArrayList<>();

  /**
   * The bars the nodes made now are computed on: null for the run's own, else the interval of the
   * {@code security(...)} being compiled. Part of every node's identity: {@code sma(close, 10)} on
   * weekly bars is another column than on the run's.
   */
  private Interval frame;

  Interval frame() {
    return frame;
  }

  /** Makes the next nodes part of {@code frame}; returns the previous frame to restore. */
  Interval enterFrame(Interval frame) {
    Interval previous = this.frame;
    this.frame = frame;
    return previous;
  }

  /** Every node created so far, in id order. */
  List<Node> nodes() {
    return List.copyOf(nodes);
  }

  /** Returns the existing node for an equal computation, or registers a new one. */
  Node node(
      Op op,
      Node[] in,
      String name,
      double value,
      Node.Type type,
      boolean series,
      Set<String> deps,
      boolean known,
      Span span,
      Builtins.Builtin builtin) {
    // The span, type and flags are left out of the key: they follow from the rest, and the first
    // occurrence's span is the one errors point at.
    StringBuilder key =
        new StringBuilder()
            .append(op)
            .append('|')
            .append(name)
            .append('|')
            .append(Double.doubleToLongBits(value))
            .append('|')
            .append(frame == null ? "" : frame.code());
    for (Node n : in) {
      key.append(',').append(n.id);
    }
    Node existing = unique.get(key.toString());
    if (existing != null) {
      return existing;
    }
    Node n =
        new Node(
            nodes.size(), op, in, name, value, type, series, deps, known, span, builtin, frame);
    nodes.add(n);
    unique.put(key.toString(), n);
    return n;
  }

  /** An operator node: a series if any input is, known at the open if every input is. */
  Node derived(Op op, String name, Node.Type type, Span span, Node... in) {
    boolean series = false;
    boolean known = true;
    for (Node n : in) {
      series |= n.series;
      known &= n.knownAtOpen;
    }
    return node(op, in, name, 0, type, series, union(in), known, span, null);
  }

  Node constant(double v, Span span) {
    return node(Op.NUM, new Node[0], null, v, Node.Type.NUM, false, Set.of(), true, span, null);
  }

  /** A text literal: interned by its value. */
  Node text(String value, Span span) {
    return node(
        Op.TEXT, new Node[0], value, 0, Node.Type.STRING, false, Set.of(), true, span, null);
  }

  /** The params the inputs depend on, together. */
  static Set<String> union(Node... in) {
    if (in.length == 1) {
      return in[0].params;
    }
    Set<String> all = new HashSet<>();
    for (Node n : in) {
      all.addAll(n.params);
    }
    return Set.copyOf(all);
  }
}
