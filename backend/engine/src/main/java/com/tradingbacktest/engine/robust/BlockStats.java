package com.tradingbacktest.engine.robust;

/**
 * The power sums of one combination's bar returns over one contiguous block of the bars: enough to
 * compute the mean, deviation, Sharpe ratio, skewness and kurtosis of any union of blocks exactly
 * as over the returns themselves (CSCV, {@link Pbo}; {@link DeflatedSharpe}'s inputs).
 *
 * <p>Moments are the population (biased) ones, as Bailey and Lopez de Prado use them: with {@code
 * m_k} the k-th central moment over n returns, the Sharpe ratio is {@code mean / sqrt(m2)}, the
 * skewness {@code m3 / m2^1.5} and the kurtosis {@code m4 / m2^2} (SciPy's {@code skew} and {@code
 * kurtosis(fisher=False)} with their defaults).
 *
 * @param count returns in the block
 * @param sum their sum
 * @param sumOfSquares the sum of their squares
 * @param sumOfCubes the sum of their cubes
 * @param sumOfFourthPowers the sum of their fourth powers
 */
public record BlockStats(
    int count, double sum, double sumOfSquares, double sumOfCubes, double sumOfFourthPowers) {

  /**
   * Below this share of the mean square, a variance is rounding noise: the returns did not vary (a
   * flat curve, whose sums give a variance of a few ulps instead of 0).
   */
  static final double NO_VARIATION = 1e-12;

  /**
   * Splits {@code returns} into {@code blocks} contiguous blocks of near-equal length (the first
   * {@code returns.length % blocks} blocks one longer) and sums each.
   *
   * @throws IllegalArgumentException when {@code blocks < 1} or there are fewer returns than blocks
   */
  public static BlockStats[] of(double[] returns, int blocks) {
    if (blocks < 1) {
      throw new IllegalArgumentException("blocks must be at least 1, not " + blocks);
    }
    if (returns.length < blocks) {
      throw new IllegalArgumentException(
          "cannot cut " + returns.length + " returns into " + blocks + " blocks");
    }
    BlockStats[] out = new BlockStats[blocks];
    int base = returns.length / blocks;
    int longer = returns.length % blocks;
    int from = 0;
    for (int b = 0; b < blocks; b++) {
      int to = from + base + (b < longer ? 1 : 0);
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      double s4 = 0;
      for (int i = from; i < to; i++) {
        double r = returns[i];
        double r2 = r * r;
        s1 += r;
        s2 += r2;
        s3 += r2 * r;
        s4 += r2 * r2;
      }
      out[b] = new BlockStats(to - from, s1, s2, s3, s4);
      from = to;
    }
    return out;
  }

  /** The sums of every block together, as one block. */
  public static BlockStats total(BlockStats[] blocks) {
    int n = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    for (BlockStats b : blocks) {
      n += b.count;
      s1 += b.sum;
      s2 += b.sumOfSquares;
      s3 += b.sumOfCubes;
      s4 += b.sumOfFourthPowers;
    }
    return new BlockStats(n, s1, s2, s3, s4);
  }

  /** Mean / population deviation of the returns; NaN without two returns or without variation. */
  public double sharpe() {
    return sharpe(count, sum, sumOfSquares);
  }

  /** {@link #sharpe()} of {@code count} returns with these sums. */
  static double sharpe(int count, double sum, double sumOfSquares) {
    double variance = variance(count, sum, sumOfSquares);
    return variance > 0 ? (sum / count) / Math.sqrt(variance) : Double.NaN;
  }

  /**
   * The population variance of {@code count} returns with these sums; 0 when they do not vary (or
   * by no more than rounding), NaN with fewer than two.
   */
  static double variance(int count, double sum, double sumOfSquares) {
    if (count < 2) {
      return Double.NaN;
    }
    double mean = sum / count;
    double meanSquare = sumOfSquares / count;
    double variance = meanSquare - mean * mean;
    return variance > NO_VARIATION * meanSquare ? variance : 0;
  }

  /** The sample skewness (0 for a normal distribution); NaN when undefined. */
  public double skewness() {
    double m2 = variance(count, sum, sumOfSquares);
    if (!(m2 > 0)) {
      return Double.NaN;
    }
    double mean = sum / count;
    double m3 = sumOfCubes / count - 3 * mean * sumOfSquares / count + 2 * mean * mean * mean;
    return m3 / (m2 * Math.sqrt(m2));
  }

  /** Pearson's kurtosis (3 for a normal distribution, not the excess); NaN when undefined. */
  public double kurtosis() {
    double m2 = variance(count, sum, sumOfSquares);
    if (!(m2 > 0)) {
      return Double.NaN;
    }
    double mean = sum / count;
    double mean2 = mean * mean;
    double m4 =
        sumOfFourthPowers / count
            - 4 * mean * sumOfCubes / count
            + 6 * mean2 * sumOfSquares / count
            - 3 * mean2 * mean2;
    return m4 / (m2 * m2);
  }
}
