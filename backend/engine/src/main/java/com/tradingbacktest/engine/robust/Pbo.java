package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.sim.RunControl;

/**
 * The Probability of Backtest Overfitting by combinatorially symmetric cross-validation (Bailey,
 * Borwein, Lopez de Prado and Zhu, 2017): the bars are cut into S blocks; for each of the C(S, S/2)
 * ways to pick half of them as in-sample, the combination with the best in-sample Sharpe ratio is
 * ranked out of sample (the other half); PBO is the share of splits where it ranks at or below the
 * median (logit {@code <= 0}).
 *
 * @param probability PBO, 0..1; NaN with fewer than two combinations
 * @param partitions S, even
 * @param splits C(S, S/2), the in-sample/out-of-sample splits evaluated
 * @param combinations N, the combinations compared
 * @param logits each split's logit of the in-sample best's relative out-of-sample rank, in split
 *     order
 * @param degradationSlope slope of the least-squares line of out-of-sample Sharpe on in-sample
 *     Sharpe over the splits' in-sample bests (negative: the better in-sample, the worse after)
 * @param probabilityOfLoss share of splits whose in-sample best has an out-of-sample Sharpe below 0
 */
@SuppressWarnings("DoNotCallSuggester") // a skeleton until its lane builds it
public record Pbo(
    double probability,
    int partitions,
    int splits,
    int combinations,
    double[] logits,
    double degradationSlope,
    double probabilityOfLoss) {

  /** The default S. */
  public static final int DEFAULT_PARTITIONS = 16;

  /**
   * CSCV over {@code blocks[combination][block]}: every combination has the same S blocks of the
   * same bars. Performance is the Sharpe ratio of a union of blocks ({@link BlockStats#sharpe()} of
   * their sums); NaN Sharpe ratios rank last. Cancellation is checked between splits.
   *
   * @throws IllegalArgumentException when S is odd, below 2, or the combinations' block counts
   *     differ
   */
  public static Pbo cscv(BlockStats[][] blocks, RunControl control) {
    throw new UnsupportedOperationException("skeleton: built by the statistics lane");
  }
}
