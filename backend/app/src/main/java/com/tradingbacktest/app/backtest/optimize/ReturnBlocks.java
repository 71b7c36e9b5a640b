package com.tradingbacktest.app.backtest.optimize;

import com.tradingbacktest.engine.robust.BlockStats;

/**
 * A combination's return blocks as the {@code return_blocks} column stores them: five doubles per
 * block (count, sum, sum of squares, of cubes, of fourth powers), blocks in order.
 */
final class ReturnBlocks {

  static final int PER_BLOCK = 5;

  private ReturnBlocks() {}

  static Double[] flatten(BlockStats[] blocks) {
    Double[] flat = new Double[blocks.length * PER_BLOCK];
    for (int b = 0; b < blocks.length; b++) {
      BlockStats s = blocks[b];
      flat[b * PER_BLOCK] = (double) s.count();
      flat[b * PER_BLOCK + 1] = s.sum();
      flat[b * PER_BLOCK + 2] = s.sumOfSquares();
      flat[b * PER_BLOCK + 3] = s.sumOfCubes();
      flat[b * PER_BLOCK + 4] = s.sumOfFourthPowers();
    }
    return flat;
  }

  /**
   * @throws IllegalArgumentException when the length is not a multiple of five
   */
  static BlockStats[] unflatten(Double[] flat) {
    if (flat.length % PER_BLOCK != 0) {
      throw new IllegalArgumentException(
          "stored return blocks have " + flat.length + " values, not a multiple of 5");
    }
    BlockStats[] blocks = new BlockStats[flat.length / PER_BLOCK];
    for (int b = 0; b < blocks.length; b++) {
      blocks[b] =
          new BlockStats(
              (int) Math.round(flat[b * PER_BLOCK]),
              flat[b * PER_BLOCK + 1],
              flat[b * PER_BLOCK + 2],
              flat[b * PER_BLOCK + 3],
              flat[b * PER_BLOCK + 4]);
    }
    return blocks;
  }
}
