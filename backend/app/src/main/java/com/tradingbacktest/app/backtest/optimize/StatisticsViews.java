package com.tradingbacktest.app.backtest.optimize;

import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.robust.DeflatedSharpe;
import com.tradingbacktest.engine.robust.OptimizationStatistics;
import com.tradingbacktest.engine.robust.Pbo;
import com.tradingbacktest.engine.robust.Plateau;

/** The engine's overfitting statistics as the API shows them: NaN as null, logits in bins. */
final class StatisticsViews {

  /** Bins of the PBO's logit histogram. */
  static final int LOGIT_BINS = 20;

  private StatisticsViews() {}

  /**
   * @param barsPerYear as the metrics annualise the run's Sharpe ratio
   */
  static OptimizationRobustness.Statistics of(
      OptimizationStatistics statistics, ParameterGrid grid, double barsPerYear) {
    return new OptimizationRobustness.Statistics(
        deflated(statistics.deflatedSharpe(), barsPerYear),
        pbo(statistics.pbo()),
        plateau(statistics.plateau(), grid));
  }

  private static OptimizationRobustness.DeflatedSharpeView deflated(
      DeflatedSharpe d, double barsPerYear) {
    if (d == null) {
      return null;
    }
    return new OptimizationRobustness.DeflatedSharpeView(
        finite(d.probability()),
        finite(d.observedSharpe()),
        finite(d.observedSharpe() * Math.sqrt(barsPerYear)),
        finite(d.expectedMaxSharpe()),
        d.trials(),
        d.observations(),
        finite(d.skewness()),
        finite(d.kurtosis()),
        finite(d.trialSharpeVariance()));
  }

  private static OptimizationRobustness.PboView pbo(Pbo p) {
    if (p == null) {
      return null;
    }
    return new OptimizationRobustness.PboView(
        finite(p.probability()),
        p.partitions(),
        p.splits(),
        p.combinations(),
        finite(p.degradationSlope()),
        finite(p.probabilityOfLoss()),
        histogram(p.logits(), LOGIT_BINS));
  }

  private static OptimizationRobustness.PlateauView plateau(Plateau p, ParameterGrid grid) {
    if (p == null) {
      return null;
    }
    return new OptimizationRobustness.PlateauView(
        p.bestCombination(),
        finite(p.bestScore()),
        finite(p.neighbourhoodMean()),
        finite(p.ratio()),
        p.neighbours(),
        p.plateauCombination(),
        grid.combination(p.plateauCombination()),
        finite(p.plateauMean()));
  }

  /**
   * The finite values in {@code bins} equal bins from their minimum to their maximum (the last bin
   * closed); no edges and no counts without a finite value, one bin when all are equal.
   */
  static OptimizationRobustness.Histogram histogram(double[] values, int bins) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min > max) {
      return new OptimizationRobustness.Histogram(new double[0], new int[0]);
    }
    int n = max > min ? bins : 1;
    double width = max > min ? (max - min) / n : 0;
    double[] edges = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      edges[i] = i == n ? max : min + i * width;
    }
    int[] counts = new int[n];
    for (double v : values) {
      if (Double.isFinite(v)) {
        int bin = width == 0 ? 0 : (int) ((v - min) / width);
        counts[Math.min(n - 1, Math.max(0, bin))]++;
      }
    }
    return new OptimizationRobustness.Histogram(edges, counts);
  }

  static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
