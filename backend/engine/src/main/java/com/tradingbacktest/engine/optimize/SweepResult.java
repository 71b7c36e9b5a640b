package com.tradingbacktest.engine.optimize;

import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.robust.BlockStats;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One combination's outcome.
 *
 * @param index the combination's number in its {@link ParameterGrid}
 * @param parameters the values it ran with, in the grid's range order
 * @param metrics the run's scalar metrics; the series (drawdown, buy-and-hold equity, monthly and
 *     yearly returns) are empty, see {@link GridSearch}
 * @param score the objective's value; NaN when the metric is undefined for the run
 * @param feasible whether the run met every constraint
 * @param blocks the power sums of its bar returns over each of the blocks asked for (CSCV, {@link
 *     com.tradingbacktest.engine.robust.Pbo}); null when none were asked for
 */
public record SweepResult(
    long index,
    Map<String, Double> parameters,
    PerformanceMetrics metrics,
    double score,
    boolean feasible,
    BlockStats[] blocks) {

  public SweepResult {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    Objects.requireNonNull(metrics, "metrics");
  }

  /** A result without return blocks. */
  public SweepResult(
      long index,
      Map<String, Double> parameters,
      PerformanceMetrics metrics,
      double score,
      boolean feasible) {
    this(index, parameters, metrics, score, feasible, null);
  }
}
