package com.tradingbacktest.engine.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.optimize.Fixtures;
import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.optimize.ParameterRange;
import com.tradingbacktest.engine.optimize.SweepResult;
import com.tradingbacktest.engine.sim.RunControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OptimizationStatisticsTests {

  /** fast 1..3 x slow 1..2: six combinations. */
  private static final ParameterGrid GRID =
      new ParameterGrid(
          List.of(new ParameterRange("fast", 1, 3, 1), new ParameterRange("slow", 1, 2, 1)));

  private static final PerformanceMetrics METRICS = Fixtures.oneWinningTrade();

  private static final int BARS = 480;

  /** Combination c's returns: noise plus a drift of c / 10,000 a bar. */
  private static double[][] returns() {
    SplittableRandom random = new SplittableRandom(11);
    double[][] returns = new double[6][BARS];
    for (int c = 0; c < 6; c++) {
      for (int i = 0; i < BARS; i++) {
        returns[c][i] = (random.nextDouble() - 0.5) * 0.04 + c / 10_000.0;
      }
    }
    return returns;
  }

  private static SweepResult result(
      long index, double score, boolean feasible, double[] returns, int blocks) {
    return new SweepResult(
        index,
        GRID.combination(index),
        METRICS,
        score,
        feasible,
        returns == null ? null : BlockStats.of(returns, blocks));
  }

  private static double sharpe(double[] r) {
    return BlockStats.total(BlockStats.of(r, 1)).sharpe();
  }

  @Test
  void deflatesTheBestFeasibleCombinationAgainstEveryTrial() {
    double[][] r = returns();
    // Combination 5 scores highest but is infeasible: the best feasible one is 4.
    List<SweepResult> results = new ArrayList<>();
    for (int c = 5; c >= 0; c--) { // not in grid order: the statistics must not care
      results.add(result(c, c, c != 5, r[c], 8));
    }

    OptimizationStatistics stats = OptimizationStatistics.of(GRID, results, RunControl.NONE);

    double mean = 0;
    for (double[] each : r) {
      mean += sharpe(each) / 6;
    }
    double variance = 0;
    for (double[] each : r) {
      variance += (sharpe(each) - mean) * (sharpe(each) - mean) / 5;
    }
    BlockStats best = BlockStats.total(BlockStats.of(r[4], 1));
    DeflatedSharpe dsr = stats.deflatedSharpe();
    assertThat(dsr.trials()).isEqualTo(6);
    assertThat(dsr.observations()).isEqualTo(BARS);
    assertThat(dsr.observedSharpe()).isCloseTo(best.sharpe(), within(1e-12));
    assertThat(dsr.skewness()).isCloseTo(best.skewness(), within(1e-9));
    assertThat(dsr.kurtosis()).isCloseTo(best.kurtosis(), within(1e-9));
    assertThat(dsr.trialSharpeVariance()).isCloseTo(variance, within(1e-15));
    assertThat(dsr.probability())
        .isCloseTo(
            DeflatedSharpe.of(best.sharpe(), 6, BARS, best.skewness(), best.kurtosis(), variance)
                .probability(),
            within(1e-9));

    // PBO over every combination (the infeasible one too), in grid order.
    BlockStats[][] blocks = new BlockStats[6][];
    for (int c = 0; c < 6; c++) {
      blocks[c] = BlockStats.of(r[c], 8);
    }
    Pbo expected = Pbo.cscv(blocks, RunControl.NONE);
    assertThat(stats.pbo().combinations()).isEqualTo(6);
    assertThat(stats.pbo().splits()).isEqualTo(70);
    assertThat(stats.pbo().logits()).containsExactly(expected.logits());
    assertThat(stats.pbo().probability()).isEqualTo(expected.probability());

    // The plateau over the feasible scores only: 0..4 (the best, 4, is fast 3 / slow 1).
    assertThat(stats.plateau())
        .isEqualTo(Plateau.of(GRID, Map.of(0L, 0.0, 1L, 1.0, 2L, 2.0, 3L, 3.0, 4L, 4.0)));
    assertThat(stats.plateau().bestCombination()).isEqualTo(4);
  }

  @Test
  void withoutReturnBlocksOnlyThePlateauRemains() {
    List<SweepResult> results = List.of(result(0, 1, true, null, 0), result(1, 2, true, null, 0));

    OptimizationStatistics stats = OptimizationStatistics.of(GRID, results, RunControl.NONE);

    assertThat(stats.deflatedSharpe()).isNull();
    assertThat(stats.pbo()).isNull();
    assertThat(stats.plateau().bestCombination()).isEqualTo(1);
  }

  @Test
  void oneCombinationHasADeflatedSharpeButNoPbo() {
    double[] r = returns()[3];

    OptimizationStatistics stats =
        OptimizationStatistics.of(GRID, List.of(result(2, 1, true, r, 4)), RunControl.NONE);

    assertThat(stats.pbo()).isNull();
    assertThat(stats.deflatedSharpe().trials()).isEqualTo(1);
    assertThat(stats.deflatedSharpe().expectedMaxSharpe()).isZero();
    assertThat(stats.deflatedSharpe().trialSharpeVariance()).isNaN();
    assertThat(stats.deflatedSharpe().probability()).isBetween(0.0, 1.0);
  }

  @Test
  void withoutAFeasibleCombinationThereIsNoBestToDeflate() {
    double[][] r = returns();
    List<SweepResult> results = List.of(result(0, 1, false, r[0], 4), result(1, 2, false, r[1], 4));

    OptimizationStatistics stats = OptimizationStatistics.of(GRID, results, RunControl.NONE);

    assertThat(stats.deflatedSharpe()).isNull();
    assertThat(stats.plateau()).isNull();
    assertThat(stats.pbo().combinations()).isEqualTo(2);
  }

  @Test
  void aFlatBestHasNoDeflatedSharpe() {
    double[] flat = new double[BARS];
    List<SweepResult> results =
        List.of(result(0, 5, true, flat, 4), result(1, 1, true, returns()[1], 4));

    assertThat(OptimizationStatistics.of(GRID, results, RunControl.NONE).deflatedSharpe()).isNull();
  }
}
