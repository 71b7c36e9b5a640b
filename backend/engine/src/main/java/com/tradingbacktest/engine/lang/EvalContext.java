package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.series.BarSeries;
import java.util.HashMap;
import java.util.Map;

/** The bars an evaluation runs on, plus broadcast constants shared by all nodes. */
final class EvalContext {

  private final BarSeries bars;
  private final Map<Double, double[]> constants = new HashMap<>();

  EvalContext(BarSeries bars) {
    this.bars = bars;
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
