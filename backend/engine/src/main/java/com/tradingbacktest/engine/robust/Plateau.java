package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.optimize.ParameterGrid;
import java.util.Map;

/**
 * The parameter plateau: each cell's objective averaged with its neighbours on the grid (every cell
 * within one step on every varying parameter, the cell included; cells without a defined score are
 * left out of the average), so an isolated peak shows as one.
 *
 * @param bestCombination the combination with the best score (grid index)
 * @param bestScore its score
 * @param neighbourhoodMean the mean score of its neighbourhood
 * @param ratio neighbourhoodMean / bestScore: near 1 on a plateau, low or negative on a lone peak;
 *     NaN when the best score is 0 or undefined
 * @param neighbours how many cells with a score the best's neighbourhood holds (itself included)
 * @param plateauCombination the combination whose neighbourhood mean is highest
 * @param plateauMean that mean
 */
@SuppressWarnings("DoNotCallSuggester") // a skeleton until its lane builds it
public record Plateau(
    long bestCombination,
    double bestScore,
    double neighbourhoodMean,
    double ratio,
    int neighbours,
    long plateauCombination,
    double plateauMean) {

  /**
   * The plateau of {@code grid}'s scores.
   *
   * @param scores the objective of each combination that ran and is feasible, by grid index
   * @return null when no combination has a defined score
   */
  public static Plateau of(ParameterGrid grid, Map<Long, Double> scores) {
    throw new UnsupportedOperationException("skeleton: built by the statistics lane");
  }
}
