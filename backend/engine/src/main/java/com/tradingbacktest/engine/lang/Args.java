package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.series.BarSeries;

/** The evaluated arguments of one built-in call, with conversions the implementations need. */
final class Args {

  private final Object[] values;
  private final EvalContext ctx;

  Args(Object[] values, EvalContext ctx) {
    this.values = values;
    this.ctx = ctx;
  }

  BarSeries bars() {
    return ctx.bars();
  }

  /** For functions that check for cancellation and the time limit within their column. */
  Runnable checkpoint() {
    return ctx.checkpoint();
  }

  int size() {
    return ctx.bars().size();
  }

  /** Argument {@code i} as a number series; a constant is broadcast. */
  double[] series(int i) {
    Object v = values[i];
    return v instanceof double[] d ? d : ctx.constant((Double) v);
  }

  /** Argument {@code i} as a bool series; a constant is broadcast. */
  boolean[] bools(int i) {
    Object v = values[i];
    if (v instanceof boolean[] b) {
      return b;
    }
    boolean[] column = new boolean[size()];
    if ((Boolean) v) {
      java.util.Arrays.fill(column, true);
    }
    return column;
  }

  double number(int i) {
    return (Double) values[i];
  }

  /**
   * A length checked by the compiler (literal) or the evaluator (param): whole, 1..MAX_LOOKBACK.
   */
  int length(int i) {
    return (int) (double) (Double) values[i];
  }

  boolean isSeries(int i) {
    return values[i] instanceof double[];
  }
}
