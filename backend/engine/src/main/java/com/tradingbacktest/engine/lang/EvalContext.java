package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.series.BarSeries;
import java.util.HashMap;
import java.util.Map;

/** The bars an evaluation runs on, plus broadcast constants shared by all nodes. */
final class EvalContext {

  private final BarSeries bars;
  private final Map<Double, double[]> constants = new HashMap<>();

  private final Runnable checkpoint;

  /**
   * @param checkpoint run every few thousand bars inside the long columns of some functions; may
   *     throw to stop the evaluation
   */
  EvalContext(BarSeries bars, Runnable checkpoint) {
    this.bars = bars;
    this.checkpoint = checkpoint;
  }

  Runnable checkpoint() {
    return checkpoint;
  }

  BarSeries bars() {
    return bars;
  }

  /** A column holding {@code value} on every bar, built once per value. */
  double[] constant(double value) {
    return constants.computeIfAbsent(
        value,
        v -> {
          double[] column = new double[bars.size()];
          java.util.Arrays.fill(column, v);
          return column;
        });
  }
}
