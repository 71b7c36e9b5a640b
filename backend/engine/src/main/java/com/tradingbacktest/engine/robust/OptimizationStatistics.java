package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.optimize.GridSearch;
import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.optimize.SweepResult;
import com.tradingbacktest.engine.sim.RunControl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The overfitting statistics of one optimisation, from its results (each with its return blocks,
 * {@link SweepResult#blocks()}).
 *
 * <p>The DSR's inputs: the observed Sharpe ratio, T, skewness and kurtosis are those of the best
 * feasible combination's bar returns (the sum of its blocks, {@link BlockStats#total}); N is the
 * number of results; the trials' Sharpe variance is the sample variance (n - 1 in the denominator)
 * of every result's per-bar Sharpe ratio that is defined, NaN (and so a NaN probability) with fewer
 * than two of them when N is above 1.
 *
 * @param deflatedSharpe of the best feasible combination against every combination run (N = the
 *     results, T = the best's returns); null without return blocks (on any result), without a
 *     feasible result, or without a defined Sharpe of the best
 * @param pbo CSCV over every combination's blocks; null without return blocks (on any result) or
 *     with fewer than two combinations
 * @param plateau of the objective over the grid, feasible results only; null without a defined
 *     score
 */
public record OptimizationStatistics(DeflatedSharpe deflatedSharpe, Pbo pbo, Plateau plateau) {

  /**
   * The statistics of {@code results}, ranked or not (the best is chosen as {@link
   * com.tradingbacktest.engine.optimize.GridSearch#rank} would).
   *
   * @param control checked for cancellation during the CSCV
   * @throws IllegalArgumentException when the results' block counts differ or are not a valid S
   *     ({@link Pbo#cscv})
   */
  public static OptimizationStatistics of(
      ParameterGrid grid, List<SweepResult> results, RunControl control) {
    boolean everyBlock = !results.isEmpty() && results.stream().allMatch(r -> r.blocks() != null);
    return new OptimizationStatistics(
        everyBlock ? deflatedSharpe(results) : null,
        everyBlock && results.size() >= 2 ? pbo(results, control) : null,
        plateau(grid, results));
  }

  private static DeflatedSharpe deflatedSharpe(List<SweepResult> results) {
    SweepResult best = GridSearch.rank(results).get(0);
    if (!best.feasible()) {
      return null;
    }
    BlockStats returns = BlockStats.total(best.blocks());
    double observed = returns.sharpe();
    if (Double.isNaN(observed)) {
      return null;
    }
    return DeflatedSharpe.of(
        observed,
        results.size(),
        returns.count(),
        returns.skewness(),
        returns.kurtosis(),
        trialSharpeVariance(results));
  }

  /** The sample variance of the results' defined per-bar Sharpe ratios; NaN without two. */
  static double trialSharpeVariance(List<SweepResult> results) {
    List<Double> sharpes = new ArrayList<>(results.size());
    for (SweepResult r : results) {
      double sharpe = BlockStats.total(r.blocks()).sharpe();
      if (!Double.isNaN(sharpe)) {
        sharpes.add(sharpe);
      }
    }
    if (sharpes.size() < 2) {
      return Double.NaN;
    }
    double mean = 0;
    for (double s : sharpes) {
      mean += s;
    }
    mean /= sharpes.size();
    double squares = 0;
    for (double s : sharpes) {
      squares += (s - mean) * (s - mean);
    }
    return squares / (sharpes.size() - 1);
  }

  private static Pbo pbo(List<SweepResult> results, RunControl control) {
    // In grid order, so CSCV's ties go to the lowest combination index as ranking does.
    List<SweepResult> ordered = new ArrayList<>(results);
    ordered.sort(Comparator.comparingLong(SweepResult::index));
    BlockStats[][] blocks = new BlockStats[ordered.size()][];
    for (int c = 0; c < blocks.length; c++) {
      blocks[c] = ordered.get(c).blocks();
    }
    return Pbo.cscv(blocks, control);
  }

  private static Plateau plateau(ParameterGrid grid, List<SweepResult> results) {
    Map<Long, Double> scores = new HashMap<>();
    for (SweepResult r : results) {
      if (r.feasible()) {
        scores.put(r.index(), r.score());
      }
    }
    return Plateau.of(grid, scores);
  }
}
