package com.tradingbacktest.engine.robust;

/**
 * The Deflated Sharpe Ratio of the best of N trials (Bailey and Lopez de Prado, 2014): the
 * probabilistic Sharpe ratio of the observed Sharpe against the Sharpe the best of N unskilled
 * trials would be expected to reach. Sharpe ratios here are per bar, not annualised.
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
@SuppressWarnings("DoNotCallSuggester") // a skeleton until its lane builds it
public record DeflatedSharpe(
    double probability,
    double observedSharpe,
    double expectedMaxSharpe,
    long trials,
    long observations,
    double skewness,
    double kurtosis,
    double trialSharpeVariance) {

  /** The DSR from its inputs; see the record's components. */
  public static DeflatedSharpe of(
      double observedSharpe,
      long trials,
      long observations,
      double skewness,
      double kurtosis,
      double trialSharpeVariance) {
    throw new UnsupportedOperationException("skeleton: built by the statistics lane");
  }

  /**
   * E[max SR] of N trials with Sharpe variance V: sqrt(V) ((1 - gamma) Z^-1(1 - 1/N) + gamma Z^-1(1
   * - 1/(N e))), gamma the Euler-Mascheroni constant; 0 for one trial.
   */
  public static double expectedMaxSharpe(long trials, double trialSharpeVariance) {
    throw new UnsupportedOperationException("skeleton: built by the statistics lane");
  }

  /** PSR(SR*) = Z((SR - SR*) sqrt(T - 1) / sqrt(1 - skew SR + (kurt - 1) / 4 SR^2)). */
  public static double probabilisticSharpe(
      double observedSharpe,
      double benchmarkSharpe,
      long observations,
      double skewness,
      double kurtosis) {
    throw new UnsupportedOperationException("skeleton: built by the statistics lane");
  }
}
