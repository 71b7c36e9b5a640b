package com.tradingbacktest.engine.optimize;

import com.tradingbacktest.engine.robust.BlockStats;

/** The return blocks a sweep keeps per combination ({@link SweepResult#blocks()}). */
final class ReturnBlocks {

  private ReturnBlocks() {}

  /**
   * The power sums of the bar returns {@code equity[i] / equity[i - 1] - 1} (i >= 1) over {@code
   * blocks} contiguous blocks, the first {@code returns % blocks} one return longer: {@link
   * BlockStats#of} without the returns' own array (a return after equity at or below 0 counts as
   * 0).
   */
  static BlockStats[] of(double[] equity, int blocks) {
    int returns = equity.length - 1;
    BlockStats[] out = new BlockStats[blocks];
    int base = returns / blocks;
    int longer = returns % blocks;
    int i = 1;
    for (int b = 0; b < blocks; b++) {
      int count = base + (b < longer ? 1 : 0);
      double sum = 0;
      double squares = 0;
      double cubes = 0;
      double fourths = 0;
      for (int end = i + count; i < end; i++) {
        // After a wipe-out there is nothing left to return: 0, not 0 / 0.
        double r = equity[i - 1] > 0 ? equity[i] / equity[i - 1] - 1 : 0;
        double r2 = r * r;
        sum += r;
        squares += r2;
        cubes += r2 * r;
        fourths += r2 * r2;
      }
      out[b] = new BlockStats(count, sum, squares, cubes, fourths);
    }
    return out;
  }
}
