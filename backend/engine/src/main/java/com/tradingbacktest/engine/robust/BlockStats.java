package com.tradingbacktest.engine.robust;

/**
 * The power sums of one combination's bar returns over one contiguous block of the bars: enough to
 * compute the mean, deviation, Sharpe ratio, skewness and kurtosis of any union of blocks exactly
 * as over the returns themselves (CSCV, {@link Pbo}; {@link DeflatedSharpe}'s inputs).
 *
 * @param count returns in the block
 * @param sum their sum
 * @param sumOfSquares the sum of their squares
 * @param sumOfCubes the sum of their cubes
 * @param sumOfFourthPowers the sum of their fourth powers
 */
@SuppressWarnings("DoNotCallSuggester") // a skeleton until its lane builds it
public record BlockStats(
    int count, double sum, double sumOfSquares, double sumOfCubes, double sumOfFourthPowers) {

  /**
   * Splits {@code returns} into {@code blocks} contiguous blocks of near-equal length (the first
   * {@code returns.length % blocks} blocks one longer) and sums each.
   *
   * @throws IllegalArgumentException when {@code blocks < 1} or there are fewer returns than blocks
   */
  public static BlockStats[] of(double[] returns, int blocks) {
    throw new UnsupportedOperationException("skeleton: built by the statistics lane");
  }

  /** The sums of every block together, as one block. */
  public static BlockStats total(BlockStats[] blocks) {
    throw new UnsupportedOperationException("skeleton: built by the statistics lane");
  }

  /** Mean / population deviation of the returns; NaN without two returns or without variation. */
  public double sharpe() {
    throw new UnsupportedOperationException("skeleton: built by the statistics lane");
  }

  /** The sample skewness (0 for a normal distribution); NaN when undefined. */
  public double skewness() {
    throw new UnsupportedOperationException("skeleton: built by the statistics lane");
  }

  /** Pearson's kurtosis (3 for a normal distribution, not the excess); NaN when undefined. */
  public double kurtosis() {
    throw new UnsupportedOperationException("skeleton: built by the statistics lane");
  }
}
