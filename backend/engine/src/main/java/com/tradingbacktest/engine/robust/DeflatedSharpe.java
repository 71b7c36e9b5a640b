package com.tradingbacktest.engine.robust;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Deflated Sharpe Ratio of the best of N trials (Bailey and Lopez de Prado, 2014): the
 * probabilistic Sharpe ratio of the observed Sharpe against the Sharpe the best of N unskilled
 * trials would be expected to reach. Sharpe ratios here are per bar, not annualised (divide an
 * annualised one by the square root of the bars per year first).
 *
 * <p>Z is the standard normal distribution function. With skewness and kurtosis of normal returns
 * (0 and 3) and one trial, the DSR is the plain probabilistic Sharpe ratio against 0.
 *
 * @param probability DSR, 0..1: the probability that the true Sharpe ratio exceeds the expected
 *     maximum of N unskilled trials; NaN when an input is undefined
 * @param observedSharpe the best combination's Sharpe ratio per bar
 * @param expectedMaxSharpe the expected maximum Sharpe ratio of {@code trials} unskilled trials
 * @param trials N, the combinations tried
 * @param observations T, the returns behind the observed Sharpe ratio
 * @param skewness of those returns
 * @param kurtosis Pearson's (3 for normal returns)
 * @param trialSharpeVariance the variance of the trials' Sharpe ratios (per bar)
 */
public record DeflatedSharpe(
    double probability,
    double observedSharpe,
    double expectedMaxSharpe,
    long trials,
    long observations,
    double skewness,
    double kurtosis,
    double trialSharpeVariance) {

  /** The Euler-Mascheroni constant. */
  static final double EULER_GAMMA = 0.5772156649015329;

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /**
   * The DSR from its inputs; see the record's components: {@link #probabilisticSharpe} of the
   * observed Sharpe against {@link #expectedMaxSharpe}.
   *
   * @throws IllegalArgumentException when {@code trials < 1} or {@code observations < 0}
   */
  public static DeflatedSharpe of(
      double observedSharpe,
      long trials,
      long observations,
      double skewness,
      double kurtosis,
      double trialSharpeVariance) {
    if (observations < 0) {
      throw new IllegalArgumentException("observations must not be negative");
    }
    double expectedMax = expectedMaxSharpe(trials, trialSharpeVariance);
    double probability =
        probabilisticSharpe(observedSharpe, expectedMax, observations, skewness, kurtosis);
    return new DeflatedSharpe(
        probability,
        observedSharpe,
        expectedMax,
        trials,
        observations,
        skewness,
        kurtosis,
        trialSharpeVariance);
  }

  /**
   * E[max SR] of N trials with Sharpe variance V: sqrt(V) ((1 - gamma) Z^-1(1 - 1/N) + gamma Z^-1(1
   * - 1/(N e))), gamma the Euler-Mascheroni constant; 0 for one trial (whatever V: the one trial is
   * not a maximum of several); NaN when V is negative or NaN.
   *
   * @throws IllegalArgumentException when {@code trials < 1}
   */
  public static double expectedMaxSharpe(long trials, double trialSharpeVariance) {
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be at least 1, not " + trials);
    }
    if (trials == 1) {
      return 0;
    }
    if (!(trialSharpeVariance >= 0)) {
      return Double.NaN;
    }
    double n = trials;
    double z =
        (1 - EULER_GAMMA) * inverseNormal(1 - 1 / n)
            + EULER_GAMMA * inverseNormal(1 - 1 / (n * Math.E));
    return Math.sqrt(trialSharpeVariance) * z;
  }

  /**
   * PSR(SR*) = Z((SR - SR*) sqrt(T - 1) / sqrt(1 - skew SR + (kurt - 1) / 4 SR^2)). NaN when an
   * input is NaN, with fewer than two observations, or when the radicand is not positive (moments
   * no sample can have).
   */
  public static double probabilisticSharpe(
      double observedSharpe,
      double benchmarkSharpe,
      long observations,
      double skewness,
      double kurtosis) {
    if (observations < 2) {
      return Double.NaN;
    }
    double radicand =
        1 - skewness * observedSharpe + (kurtosis - 1) / 4 * observedSharpe * observedSharpe;
    if (!(radicand > 0) || Double.isNaN(benchmarkSharpe)) {
      return Double.NaN;
    }
    double z =
        (observedSharpe - benchmarkSharpe) * Math.sqrt(observations - 1.0) / Math.sqrt(radicand);
    return normal(z);
  }

  /** Z(x), the standard normal distribution function. */
  static double normal(double x) {
    return STANDARD_NORMAL.cumulativeProbability(x);
  }

  /** Z^-1(p), its inverse. */
  static double inverseNormal(double p) {
    return STANDARD_NORMAL.inverseCumulativeProbability(p);
  }
}
