package com.tradingbacktest.engine.robust;

/**
 * One Monte Carlo analysis.
 *
 * @param method how paths are made
 * @param paths how many, 1..{@link #MAX_PATHS}
 * @param seed the random seed: the same seed and input give the same result, bit for bit
 * @param blockLength bars per block for {@link MonteCarloMethod#BLOCK_BOOTSTRAP}; 0 picks
 *     ceil(sqrt(bars))
 * @param ruinEquity a path is ruined once its equity falls to or below this (absolute, in the run's
 *     currency)
 * @param bandPoints at most this many points in the fan chart's bands (2..1,000)
 */
public record MonteCarloSpec(
    MonteCarloMethod method,
    int paths,
    long seed,
    int blockLength,
    double ruinEquity,
    int bandPoints) {

  public static final int DEFAULT_PATHS = 1_000;
  public static final int MAX_PATHS = 100_000;

  public MonteCarloSpec {
    if (paths < 1 || paths > MAX_PATHS) {
      throw new IllegalArgumentException("paths must be between 1 and " + MAX_PATHS);
    }
    if (blockLength < 0) {
      throw new IllegalArgumentException("blockLength must not be negative");
    }
    if (bandPoints < 2 || bandPoints > 1_000) {
      throw new IllegalArgumentException("bandPoints must be between 2 and 1000");
    }
  }
}
