package com.tradingbacktest.engine.optimize;

import com.tradingbacktest.engine.robust.BlockStats;

/** The return blocks a sweep keeps per combination ({@link SweepResult#blocks()}). */
final class ReturnBlocks {

  private ReturnBlocks() {}

  /**
   * {@link BlockStats#of} of the bar returns {@code equity[i] / equity[i - 1] - 1} (i >= 1); a
   * return after equity at or below 0 counts as 0 (nothing left to return, not 0 / 0).
   */
  static BlockStats[] of(double[] equity, int blocks) {
    double[] returns = new double[Math.max(0, equity.length - 1)];
    for (int i = 1; i < equity.length; i++) {
      returns[i - 1] = equity[i - 1] > 0 ? equity[i] / equity[i - 1] - 1 : 0;
    }
    return BlockStats.of(returns, blocks);
  }
}
