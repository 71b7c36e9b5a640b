package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.sim.RunControl;

/**
 * Monte Carlo resampling of a completed run ({@link MonteCarloMethod}). Paths are drawn from one
 * {@link java.util.SplittableRandom} seeded with the spec's seed, in path order, so a result is
 * repeatable bit for bit.
 */
@SuppressWarnings("DoNotCallSuggester") // a skeleton until its lane builds it
public final class MonteCarlo {

  private MonteCarlo() {}

  /**
   * Draws {@code spec.paths()} paths from {@code input} and summarises them.
   *
   * @throws IllegalArgumentException when the run has nothing to resample (no trades for the trade
   *     methods, fewer than two bars for the block bootstrap)
   * @throws com.tradingbacktest.engine.sim.BacktestCancelledException when {@code control} cancels
   *     (checked every few thousand steps)
   */
  public static MonteCarloResult run(
      MonteCarloInput input, MonteCarloSpec spec, RunControl control) {
    throw new UnsupportedOperationException("skeleton: built by the statistics lane");
  }
}
