package com.tradingbacktest.engine.robust;

import java.util.SplittableRandom;

/**
 * Makes one Monte Carlo path's step returns after another from one seeded generator, so the k-th
 * path depends only on the seed and the input.
 */
final class PathSampler {
  private final MonteCarloMethod method;
  private final double[] source;
  private final int blockLength;
  private final SplittableRandom random;
  // SHUFFLE: the deck shuffled afresh for every path (a uniform permutation whatever its order).
  private final double[] deck;

  private PathSampler(
      MonteCarloMethod method, double[] source, int blockLength, SplittableRandom random) {
    this.method = method;
    this.source = source;
    this.blockLength = blockLength;
    this.random = random;
    this.deck = method == MonteCarloMethod.SHUFFLE ? source.clone() : null;
  }

  /**
   * The sampler of {@code spec}'s method over {@code input}.
   *
   * @throws IllegalArgumentException when there is nothing to resample, or the block is longer than
   *     the bars
   */
  static PathSampler of(MonteCarloInput input, MonteCarloSpec spec) {
    SplittableRandom random = new SplittableRandom(spec.seed());
    if (spec.method() == MonteCarloMethod.BLOCK_BOOTSTRAP) {
      double[] bars = input.barReturns();
      if (bars.length < 1) {
        throw new IllegalArgumentException(
            "the block bootstrap needs at least two bars; the run has " + (bars.length + 1));
      }
      int length =
          spec.blockLength() == 0 ? (int) Math.ceil(Math.sqrt(bars.length)) : spec.blockLength();
      if (length > bars.length) {
        throw new IllegalArgumentException(
            "the block length "
                + length
                + " is longer than the run's "
                + bars.length
                + " bar returns");
      }
      return new PathSampler(spec.method(), bars, length, random);
    }
    double[] trades = input.tradeReturns();
    if (trades.length < 1) {
      throw new IllegalArgumentException(
          "the run has no closed trades to " + spec.method().jsonName());
    }
    return new PathSampler(spec.method(), trades, 0, random);
  }

  /** Steps per path. */
  int steps() {
    return source.length;
  }

  /** Bars per block; 0 for the trade methods. */
  int blockLength() {
    return blockLength;
  }

  /** Writes the next path's {@link #steps()} returns into {@code out}. */
  void next(double[] out) {
    int n = source.length;
    switch (method) {
      case SHUFFLE -> {
        for (int i = n - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          double swap = deck[i];
          deck[i] = deck[j];
          deck[j] = swap;
        }
        System.arraycopy(deck, 0, out, 0, n);
      }
      case BOOTSTRAP -> {
        for (int i = 0; i < n; i++) {
          out[i] = source[random.nextInt(n)];
        }
      }
      case BLOCK_BOOTSTRAP -> {
        // Blocks start anywhere a whole block fits; the last one is cut to the path's length.
        for (int i = 0; i < n; ) {
          int start = random.nextInt(n - blockLength + 1);
          int take = Math.min(blockLength, n - i);
          System.arraycopy(source, start, out, i, take);
          i += take;
        }
      }
    }
  }
}
