package com.tradingbacktest.engine.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.sim.BacktestCancelledException;
import com.tradingbacktest.engine.sim.RunControl;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The Probability of Backtest Overfitting by CSCV as Bailey, Borwein, Lopez de Prado and Zhu define
 * it ("The Probability of Backtest Overfitting", Journal of Computational Finance 20(4), 2017,
 * section 3): checked against a CSCV worked out by hand on a tiny matrix, as the decisions
 * ask when the paper's own data is not at hand.
 */
class PboTests {

  private static final double LOGIT_QUARTER = Math.log(0.25 / 0.75); // -1.0986...

  /**
   * Each block holds two returns, its mean plus and minus 0.01, so a union of blocks with means a
   * and b has mean (a + b) / 2 and population deviation sqrt(0.01^2 + ((a - b) / 2)^2).
   */
  private static BlockStats[] blocksWithMeans(double... means) {
    double[] returns = new double[means.length * 2];
    for (int b = 0; b < means.length; b++) {
      returns[2 * b] = means[b] + 0.01;
      returns[2 * b + 1] = means[b] - 0.01;
    }
    return BlockStats.of(returns, means.length);
  }

  @Test
  void reproducesACscvDoneByHand() {
    // S = 4 blocks, N = 3 combinations; block means (each block: mean +- 0.01):
    //   A: 0.00  0.03  0.03  0.00
    //   B: 0.01  0.03  0.02  0.03
    //   C: -0.01 0.03 -0.01  0.02
    // The C(4, 2) = 6 splits, in-sample blocks in lexicographic order; Sharpe ratios (mean / pop.
    // deviation) of A, B, C in and out of sample; n* the in-sample best; its out-of-sample rank
    // (1 = worst of 3), w = rank / 4, logit = ln(w / (1 - w)):
    //   IS {0,1}: 0.8321 1.4142 0.4472 -> B; OOS {2,3}: 0.8321 2.2361 0.2774 -> rank 3, +1.0986
    //   IS {0,2}: 0.8321 1.3416 -1.000 -> B; OOS {1,3}: 0.8321 3.0000 2.2361 -> rank 3, +1.0986
    //   IS {0,3}: 0.0000 1.4142 0.2774 -> B; OOS {1,2}: 3.0000 2.2361 0.4472 -> rank 2,  0
    //   IS {1,2}: 3.0000 2.2361 0.4472 -> A; OOS {0,3}: 0.0000 1.4142 0.2774 -> rank 1, -1.0986
    //   IS {1,3}: 0.8321 3.0000 2.2361 -> B; OOS {0,2}: 0.8321 1.3416 -1.000 -> rank 3, +1.0986
    //   IS {2,3}: 0.8321 2.2361 0.2774 -> B; OOS {0,1}: 0.8321 1.4142 0.4472 -> rank 3, +1.0986
    // PBO = 2 logits <= 0 out of 6 = 1/3. No out-of-sample Sharpe of n* is below 0: loss 0. The
    // least-squares slope of n*'s OOS Sharpe (2.2361 3 2.2361 0 1.3416 1.4142) on its IS Sharpe
    // (1.4142 1.3416 1.4142 3 3 2.2361) is -1.147289795756099 (NumPy polyfit).
    BlockStats[][] blocks = {
      blocksWithMeans(0.00, 0.03, 0.03, 0.00),
      blocksWithMeans(0.01, 0.03, 0.02, 0.03),
      blocksWithMeans(-0.01, 0.03, -0.01, 0.02)
    };

    Pbo pbo = Pbo.cscv(blocks, RunControl.NONE);

    assertThat(pbo.partitions()).isEqualTo(4);
    assertThat(pbo.splits()).isEqualTo(6);
    assertThat(pbo.combinations()).isEqualTo(3);
    assertThat(pbo.logits())
        .containsExactly(
            new double[] {
              -LOGIT_QUARTER, -LOGIT_QUARTER, 0, LOGIT_QUARTER, -LOGIT_QUARTER, -LOGIT_QUARTER
            },
            within(1e-12));
    assertThat(pbo.probability()).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(pbo.probabilityOfLoss()).isZero();
    assertThat(pbo.degradationSlope()).isCloseTo(-1.147289795756099, within(1e-9));
  }

  @Test
  void aCombinationThatDominatesEveryBlockIsNeverOverfit() {
    SplittableRandom random = new SplittableRandom(7);
    int n = 20;
    BlockStats[][] blocks = new BlockStats[n][];
    for (int c = 0; c < n; c++) {
      double[] returns = noise(random, 800);
      if (c == 13) {
        for (int i = 0; i < returns.length; i++) {
          returns[i] += 0.05; // far above every other combination in every block
        }
      }
      blocks[c] = BlockStats.of(returns, 16);
    }

    Pbo pbo = Pbo.cscv(blocks, RunControl.NONE);

    assertThat(pbo.splits()).isEqualTo(12_870);
    assertThat(pbo.probability()).isZero();
    // Always chosen, always the best out of sample: rank N, w = 20 / 21.
    assertAllCloseTo(pbo.logits(), Math.log(20));
    assertThat(pbo.probabilityOfLoss()).isZero();
  }

  @Test
  void pureNoiseIsOverfitAboutHalfTheTimeOnAverage() {
    // Without skill the in-sample best is a random pick out of sample, but the splits of one data
    // set are far from independent: one noise matrix alone gives anything from about 0.2 to 0.9
    // (as a NumPy CSCV of the same shapes does). Averaged over 40 matrices it is near 1/2.
    SplittableRandom random = new SplittableRandom(2026);
    double sum = 0;
    int matrices = 40;
    for (int m = 0; m < matrices; m++) {
      BlockStats[][] blocks = new BlockStats[20][];
      for (int c = 0; c < blocks.length; c++) {
        blocks[c] = BlockStats.of(noise(random, 400), 8);
      }
      sum += Pbo.cscv(blocks, RunControl.NONE).probability();
    }

    assertThat(sum / matrices).isBetween(0.35, 0.65);
  }

  @Test
  void tiesShareTheirAverageRank() {
    // Two identical combinations and a worse one: n* is the first of the twins (ties go to the
    // lower index), its twin ties with it out of sample: rank (2 + 3) / 2 = 2.5, w = 2.5 / 4.
    BlockStats[] twin = blocksWithMeans(0.02, 0.03, 0.02, 0.03);
    BlockStats[][] blocks = {twin, twin, blocksWithMeans(0.0, 0.0, 0.01, -0.01)};

    Pbo pbo = Pbo.cscv(blocks, RunControl.NONE);

    assertAllCloseTo(pbo.logits(), Math.log(2.5 / 1.5));
    assertThat(pbo.probability()).isZero();
  }

  @Test
  void undefinedSharpeRatiosRankLast() {
    // The flat combination has no Sharpe ratio anywhere; the other is best in and out of sample.
    BlockStats[] flat = BlockStats.of(new double[] {0, 0, 0, 0, 0, 0, 0, 0}, 4);
    BlockStats[][] blocks = {flat, blocksWithMeans(0.01, 0.02, -0.01, 0.01)};

    Pbo pbo = Pbo.cscv(blocks, RunControl.NONE);

    assertThat(pbo.probability()).isZero();
    assertAllCloseTo(pbo.logits(), Math.log(2));
  }

  @Test
  void samplesAFixedNumberOfSplitsAboveSixteenPartitions() {
    SplittableRandom random = new SplittableRandom(5);
    BlockStats[][] blocks = new BlockStats[5][];
    for (int c = 0; c < blocks.length; c++) {
      blocks[c] = BlockStats.of(noise(random, 640), 32);
    }

    Pbo once = Pbo.cscv(blocks, RunControl.NONE);
    Pbo again = Pbo.cscv(blocks, RunControl.NONE);

    assertThat(once.partitions()).isEqualTo(32);
    assertThat(once.splits()).isEqualTo(Pbo.MAX_SPLITS);
    assertThat(once.logits()).containsExactly(again.logits());
  }

  @Test
  void fewerThanTwoCombinationsHaveNoProbability() {
    Pbo pbo = Pbo.cscv(new BlockStats[][] {blocksWithMeans(0.01, 0.02)}, RunControl.NONE);

    assertThat(pbo.probability()).isNaN();
    assertThat(pbo.splits()).isZero();
    assertThat(pbo.logits()).isEmpty();
  }

  @Test
  void rejectsOddOrMismatchedPartitions() {
    assertThatThrownBy(
            () ->
                Pbo.cscv(
                    new BlockStats[][] {blocksWithMeans(1, 2, 3), blocksWithMeans(1, 2, 3)},
                    RunControl.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("even");
    assertThatThrownBy(
            () ->
                Pbo.cscv(
                    new BlockStats[][] {blocksWithMeans(1, 2), blocksWithMeans(1, 2, 3, 4)},
                    RunControl.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same 2 blocks");
    assertThatThrownBy(() -> Pbo.cscv(new BlockStats[0][], RunControl.NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stopsWhenCancelled() {
    SplittableRandom random = new SplittableRandom(1);
    BlockStats[][] blocks = new BlockStats[10][];
    for (int c = 0; c < blocks.length; c++) {
      blocks[c] = BlockStats.of(noise(random, 160), 16);
    }
    AtomicInteger asked = new AtomicInteger();
    RunControl cancelLater =
        new RunControl() {
          @Override
          public void progress(int percent) {}

          @Override
          public boolean isCancelled() {
            return asked.incrementAndGet() > 3;
          }
        };

    assertThatThrownBy(() -> Pbo.cscv(blocks, cancelLater))
        .isInstanceOf(BacktestCancelledException.class);
  }

  @Test
  void printsTheTimeOfTheLargestDefaultCase() {
    // S = 16 (12,870 splits) over N = 10,000 combinations: the figure in docs/ROBUSTNESS.md.
    // Printed, not asserted (no timing asserts in unit tests).
    SplittableRandom random = new SplittableRandom(3);
    BlockStats[][] blocks = new BlockStats[10_000][];
    for (int c = 0; c < blocks.length; c++) {
      blocks[c] = BlockStats.of(noise(random, 320), 16);
    }
    // CPU time as well as wall time: on a shared machine the thread's CPU time is the figure.
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    Pbo pbo = Pbo.cscv(blocks, RunControl.NONE);
    System.out.printf(
        "CSCV S=16 N=10,000: %d ms (%d ms CPU)%n",
        (System.nanoTime() - start) / 1_000_000,
        (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);

    assertThat(pbo.splits()).isEqualTo(12_870);
  }

  private static void assertAllCloseTo(double[] values, double expected) {
    for (double v : values) {
      assertThat(v).isCloseTo(expected, within(1e-12));
    }
    assertThat(values).isNotEmpty();
  }

  private static double[] noise(SplittableRandom random, int n) {
    double[] returns = new double[n];
    for (int i = 0; i < n; i++) {
      returns[i] = (random.nextDouble() - 0.5) * 0.04;
    }
    return returns;
  }
}
