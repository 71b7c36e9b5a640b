package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.optimize.SweepResult;
import com.tradingbacktest.engine.sim.RunControl;
import java.util.List;

/**
 * The overfitting statistics of one optimisation, from its results (each with its return blocks,
 * {@link SweepResult#blocks()}).
 *
 * @param deflatedSharpe of the best feasible combination against every combination run (N = the
 *     results, T = the best's returns); null without return blocks or without a defined Sharpe
 * @param pbo CSCV over every combination's blocks; null without return blocks or with fewer than
 *     two combinations
 * @param plateau of the objective over the grid; null without a defined score
 */
@SuppressWarnings("DoNotCallSuggester") // a skeleton until its lane builds it
public record OptimizationStatistics(DeflatedSharpe deflatedSharpe, Pbo pbo, Plateau plateau) {

  /**
   * The statistics of {@code results}, ranked or not (the best is chosen as {@link
   * com.tradingbacktest.engine.optimize.GridSearch#rank} would).
   */
  public static OptimizationStatistics of(
      ParameterGrid grid, List<SweepResult> results, RunControl control) {
    throw new UnsupportedOperationException("skeleton: built by the statistics lane");
  }
}
