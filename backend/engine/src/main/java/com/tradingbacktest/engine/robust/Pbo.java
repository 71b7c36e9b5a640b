package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.sim.RunControl;
import java.util.SplittableRandom;

/**
 * The Probability of Backtest Overfitting by combinatorially symmetric cross-validation (Bailey,
 * Borwein, Lopez de Prado and Zhu, 2017): the bars are cut into S blocks; for each of the C(S, S/2)
 * ways to pick half of them as in-sample, the combination with the best in-sample Sharpe ratio is
 * ranked out of sample (the other half); PBO is the share of splits where it ranks at or below the
 * median (logit {@code <= 0}).
 *
 * <p>For one split: n* = the combination with the highest in-sample Sharpe ratio (ties: the lowest
 * combination index); its out-of-sample rank among all N combinations is 1 for the worst to N for
 * the best (ties share the average of their ranks; an undefined Sharpe ratio is worse than any
 * defined one); w = rank / (N + 1) and the logit is ln(w / (1 - w)).
 *
 * <p>Up to S = 16 (12,870 splits) every split is evaluated, in lexicographic order of the in-sample
 * blocks. Above that, C(S, S/2) grows fast (48,620 at S = 18, 601 million at S = 32), so {@link
 * #MAX_SPLITS} in-sample halves are drawn uniformly at random instead, from a generator with a
 * fixed seed: the result stays repeatable, and {@code splits} says how many were evaluated.
 *
 * @param probability PBO, 0..1; NaN with fewer than two combinations
 * @param partitions S, even
 * @param splits C(S, S/2), the in-sample/out-of-sample splits evaluated (at most {@link
 *     #MAX_SPLITS}; 0 with fewer than two combinations)
 * @param combinations N, the combinations compared
 * @param logits each split's logit of the in-sample best's relative out-of-sample rank, in split
 *     order
 * @param degradationSlope slope of the least-squares line of out-of-sample Sharpe on in-sample
 *     Sharpe over the splits' in-sample bests (negative: the better in-sample, the worse after);
 *     splits where either is undefined are left out; NaN without two distinct in-sample values
 * @param probabilityOfLoss share of splits whose in-sample best has an out-of-sample Sharpe below 0
 */
public record Pbo(
    double probability,
    int partitions,
    int splits,
    int combinations,
    double[] logits,
    double degradationSlope,
    double probabilityOfLoss) {

  /** The default S. */
  public static final int DEFAULT_PARTITIONS = 16;

  /** The largest S this accepts. */
  public static final int MAX_PARTITIONS = 32;

  /** At most this many splits are evaluated: C(16, 8), every split of the default S. */
  public static final int MAX_SPLITS = 12_870;

  /** The seed of the sampled splits above S = 16, fixed so a result is repeatable. */
  private static final long SAMPLE_SEED = 0x5EED_CC5FL;

  /**
   * CSCV over {@code blocks[combination][block]}: every combination has the same S blocks of the
   * same bars. Performance is the Sharpe ratio of a union of blocks ({@link BlockStats#sharpe()} of
   * their sums); NaN Sharpe ratios rank last. Cancellation is checked between splits.
   *
   * <p>Time: about {@code splits x N} Sharpe ratios (no square roots), 12,870 x 10,000 in well
   * under two seconds on one core; memory: S/2 + 3 arrays of 2N doubles.
   *
   * @throws IllegalArgumentException when there are no combinations, when S is odd, below 2 or
   *     above {@link #MAX_PARTITIONS}, or the combinations' block counts differ
   */
  public static Pbo cscv(BlockStats[][] blocks, RunControl control) {
    if (blocks.length == 0) {
      throw new IllegalArgumentException("CSCV needs at least one combination");
    }
    int partitions = blocks[0].length;
    if (partitions < 2 || partitions % 2 != 0 || partitions > MAX_PARTITIONS) {
      throw new IllegalArgumentException(
          "CSCV needs an even number of blocks between 2 and "
              + MAX_PARTITIONS
              + ", not "
              + partitions);
    }
    for (BlockStats[] row : blocks) {
      if (row.length != partitions) {
        throw new IllegalArgumentException(
            "every combination needs the same " + partitions + " blocks; one has " + row.length);
      }
    }
    int combinations = blocks.length;
    if (combinations < 2) {
      return new Pbo(
          Double.NaN, partitions, 0, combinations, new double[0], Double.NaN, Double.NaN);
    }
    Cscv cscv = new Cscv(blocks, control);
    long all = binomial(partitions, partitions / 2);
    if (all <= MAX_SPLITS) {
      cscv.enumerate();
    } else {
      cscv.sample(MAX_SPLITS, new SplittableRandom(SAMPLE_SEED));
    }
    return cscv.result();
  }

  static long binomial(int n, int k) {
    long c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return c;
  }

  /** The state of one CSCV: the per-combination sums of the blocks chosen so far, by depth. */
  private static final class Cscv {
    private final int n;
    private final int s;
    private final int half;
    private final RunControl control;
    // sums[b][c], squares[b][c]: block b of combination c (transposed for contiguous scans).
    private final double[][] sums;
    private final double[][] squares;
    private final int[] counts;
    private final double[] totalSum;
    private final double[] totalSquares;
    private final int totalCount;
    // Depth d holds the sums over the first d chosen blocks; depth 0 is all zeros.
    private final double[][] depthSum;
    private final double[][] depthSquares;
    private final int[] chosen;

    private final double[] logits;
    private final double[] inSampleSharpe;
    private final double[] outOfSampleSharpe;
    private int done;

    Cscv(BlockStats[][] blocks, RunControl control) {
      this.n = blocks.length;
      this.s = blocks[0].length;
      this.half = s / 2;
      this.control = control;
      sums = new double[s][n];
      squares = new double[s][n];
      counts = new int[s];
      totalSum = new double[n];
      totalSquares = new double[n];
      for (int b = 0; b < s; b++) {
        counts[b] = blocks[0][b].count();
        for (int c = 0; c < n; c++) {
          BlockStats block = blocks[c][b];
          if (block.count() != counts[b]) {
            throw new IllegalArgumentException(
                "block " + b + " holds different numbers of returns for different combinations");
          }
          sums[b][c] = block.sum();
          squares[b][c] = block.sumOfSquares();
          totalSum[c] += block.sum();
          totalSquares[c] += block.sumOfSquares();
        }
      }
      int total = 0;
      for (int count : counts) {
        total += count;
      }
      totalCount = total;
      depthSum = new double[half + 1][n];
      depthSquares = new double[half + 1][n];
      chosen = new int[half];
      int capacity = (int) Math.min(binomial(s, half), MAX_SPLITS);
      logits = new double[capacity];
      inSampleSharpe = new double[capacity];
      outOfSampleSharpe = new double[capacity];
    }

    void enumerate() {
      choose(0, 0, 0);
    }

    /** Depth {@code depth} picks its block from {@code from} on; {@code count} returns so far. */
    private void choose(int depth, int from, int count) {
      if (depth == half) {
        evaluate(depthSum[half], depthSquares[half], count);
        return;
      }
      double[] previousSum = depthSum[depth];
      double[] previousSquares = depthSquares[depth];
      double[] nextSum = depthSum[depth + 1];
      double[] nextSquares = depthSquares[depth + 1];
      // Leave room for the blocks the deeper levels still have to pick.
      for (int b = from; b <= s - (half - depth); b++) {
        chosen[depth] = b;
        double[] blockSum = sums[b];
        double[] blockSquares = squares[b];
        for (int c = 0; c < n; c++) {
          nextSum[c] = previousSum[c] + blockSum[c];
          nextSquares[c] = previousSquares[c] + blockSquares[c];
        }
        choose(depth + 1, b + 1, count + counts[b]);
      }
    }

    void sample(int splits, SplittableRandom random) {
      int[] order = new int[s];
      double[] inSum = new double[n];
      double[] inSquares = new double[n];
      for (int k = 0; k < splits; k++) {
        for (int b = 0; b < s; b++) {
          order[b] = b;
        }
        // A partial Fisher-Yates shuffle: the first S/2 places are a uniform random half.
        java.util.Arrays.fill(inSum, 0);
        java.util.Arrays.fill(inSquares, 0);
        int count = 0;
        for (int d = 0; d < half; d++) {
          int pick = d + random.nextInt(s - d);
          int b = order[pick];
          order[pick] = order[d];
          order[d] = b;
          count += counts[b];
          double[] blockSum = sums[b];
          double[] blockSquares = squares[b];
          for (int c = 0; c < n; c++) {
            inSum[c] += blockSum[c];
            inSquares[c] += blockSquares[c];
          }
        }
        evaluate(inSum, inSquares, count);
      }
    }

    private void evaluate(double[] inSum, double[] inSquares, int inCount) {
      if ((done & 63) == 0) {
        control.checkpoint(0);
      }
      int outCount = totalCount - inCount;
      // n*: the highest in-sample key, the first on ties; NaN keys never win unless all are NaN.
      int best = 0;
      double bestKey = Double.NaN;
      for (int c = 0; c < n; c++) {
        double key = sharpeKey(inCount, inSum[c], inSquares[c]);
        if (key > bestKey || (Double.isNaN(bestKey) && !Double.isNaN(key))) {
          bestKey = key;
          best = c;
        }
      }
      double bestOut =
          sharpeKey(outCount, totalSum[best] - inSum[best], totalSquares[best] - inSquares[best]);
      // Others below n* out of sample, and those level with it (n* itself counted, then taken off).
      int worse = 0;
      int level = 0;
      if (Double.isNaN(bestOut)) {
        for (int c = 0; c < n; c++) {
          if (Double.isNaN(
              sharpeKey(outCount, totalSum[c] - inSum[c], totalSquares[c] - inSquares[c]))) {
            level++;
          }
        }
      } else {
        for (int c = 0; c < n; c++) {
          double key = sharpeKey(outCount, totalSum[c] - inSum[c], totalSquares[c] - inSquares[c]);
          if (key < bestOut || Double.isNaN(key)) {
            worse++;
          } else if (key == bestOut) {
            level++;
          }
        }
      }
      double rank = worse + 1 + (level - 1) / 2.0;
      double w = rank / (n + 1);
      logits[done] = Math.log(w / (1 - w));
      inSampleSharpe[done] = BlockStats.sharpe(inCount, inSum[best], inSquares[best]);
      outOfSampleSharpe[done] =
          BlockStats.sharpe(
              outCount, totalSum[best] - inSum[best], totalSquares[best] - inSquares[best]);
      done++;
    }

    Pbo result() {
      int overfit = 0;
      int losses = 0;
      for (int k = 0; k < done; k++) {
        if (logits[k] <= 0) {
          overfit++;
        }
        if (outOfSampleSharpe[k] < 0) {
          losses++;
        }
      }
      return new Pbo(
          (double) overfit / done,
          s,
          done,
          n,
          java.util.Arrays.copyOf(logits, done),
          slope(inSampleSharpe, outOfSampleSharpe, done),
          (double) losses / done);
    }
  }

  /**
   * A key that orders Sharpe ratios as they order, with one division and no square root: with n
   * returns of sum s and sum of squares q, SR = s / sqrt(n q - s^2), so the key is sign(s) s^2 / (n
   * q - s^2); NaN where {@link BlockStats#sharpe} is (the same no-variation test, times n^2).
   */
  static double sharpeKey(int count, double sum, double sumOfSquares) {
    double nq = count * sumOfSquares;
    double spread = nq - sum * sum;
    if (count < 2 || !(spread > BlockStats.NO_VARIATION * nq)) {
      return Double.NaN;
    }
    return Math.copySign(sum * sum / spread, sum);
  }

  /**
   * The least-squares slope of y on x over the first {@code count} pairs where both are defined.
   */
  static double slope(double[] x, double[] y, int count) {
    int m = 0;
    double sx = 0;
    double sy = 0;
    for (int k = 0; k < count; k++) {
      if (!Double.isNaN(x[k]) && !Double.isNaN(y[k])) {
        m++;
        sx += x[k];
        sy += y[k];
      }
    }
    if (m < 2) {
      return Double.NaN;
    }
    double mx = sx / m;
    double my = sy / m;
    double sxx = 0;
    double sxy = 0;
    for (int k = 0; k < count; k++) {
      if (!Double.isNaN(x[k]) && !Double.isNaN(y[k])) {
        sxx += (x[k] - mx) * (x[k] - mx);
        sxy += (x[k] - mx) * (y[k] - my);
      }
    }
    return sxx > 0 ? sxy / sxx : Double.NaN;
  }
}
