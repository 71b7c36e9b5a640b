package com.tradingbacktest.engine.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.sim.BacktestCancelledException;
import com.tradingbacktest.engine.sim.RunControl;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MonteCarloTests {

  private static final double CAPITAL = 10_000;

  /** 100 trade returns between -5% and +6%, 1,000 bar returns between -2% and +2.2%. */
  private static MonteCarloInput input() {
    SplittableRandom random = new SplittableRandom(42);
    double[] trades = new double[100];
    for (int i = 0; i < trades.length; i++) {
      trades[i] = random.nextDouble() * 0.11 - 0.05;
    }
    double[] bars = new double[1_000];
    for (int i = 0; i < bars.length; i++) {
      bars[i] = random.nextDouble() * 0.042 - 0.02;
    }
    return new MonteCarloInput(
        CAPITAL, trades, bars, 4, new MonteCarloResult.Outcome(CAPITAL, 0, 0, 0));
  }

  private static MonteCarloSpec spec(MonteCarloMethod method, int paths, long seed) {
    return new MonteCarloSpec(method, paths, seed, 0, CAPITAL / 2, 100);
  }

  @Test
  void theSameSeedGivesTheSameResultBitForBit() {
    for (MonteCarloMethod method : MonteCarloMethod.values()) {
      MonteCarloResult once = MonteCarlo.run(input(), spec(method, 2_000, 7), RunControl.NONE);
      MonteCarloResult again = MonteCarlo.run(input(), spec(method, 2_000, 7), RunControl.NONE);

      assertSame(once, again);
    }
  }

  @Test
  void anotherSeedGivesOtherPaths() {
    MonteCarloResult one =
        MonteCarlo.run(input(), spec(MonteCarloMethod.BOOTSTRAP, 500, 1), RunControl.NONE);
    MonteCarloResult two =
        MonteCarlo.run(input(), spec(MonteCarloMethod.BOOTSTRAP, 500, 2), RunControl.NONE);

    assertThat(one.finalEquity()).isNotEqualTo(two.finalEquity());
    assertThat(one.bands().p50()).isNotEqualTo(two.bands().p50());
  }

  @Test
  void aShufflePathIsAPermutationOfTheTrades() {
    MonteCarloInput input = input();
    double[] trades = input.tradeReturns().clone();
    Arrays.sort(trades);

    double[][] paths = MonteCarlo.samplePaths(input, spec(MonteCarloMethod.SHUFFLE, 10, 3), 10);

    for (double[] path : paths) {
      double[] sorted = path.clone();
      Arrays.sort(sorted);
      assertThat(sorted).containsExactly(trades);
    }
    assertThat(paths[0]).isNotEqualTo(input.tradeReturns());
    assertThat(paths[0]).isNotEqualTo(paths[1]);
  }

  @Test
  void aShuffleEndsEveryPathAtTheCompoundedFinalEquity() {
    MonteCarloInput input = input();
    double compounded = CAPITAL;
    for (double r : input.tradeReturns()) {
      compounded *= 1 + r;
    }

    MonteCarloResult result =
        MonteCarlo.run(input, spec(MonteCarloMethod.SHUFFLE, 1_000, 5), RunControl.NONE);

    MonteCarloResult.Percentiles f = result.finalEquity();
    for (double v : new double[] {f.p5(), f.p25(), f.p50(), f.p75(), f.p95(), f.mean()}) {
      assertThat(v).isCloseTo(compounded, within(compounded * 1e-12));
    }
    // Equal up to rounding: one bin holding every path.
    assertThat(result.finalEquityHistogram().counts()).containsExactly(1_000);
    // The drawdowns differ from path to path.
    assertThat(result.maxDrawdown().p5()).isLessThan(result.maxDrawdown().p95());
  }

  @Test
  void aBootstrapDrawsOnlyTheRunsTradeReturns() {
    MonteCarloInput input = input();
    Set<Double> existing = new HashSet<>();
    for (double r : input.tradeReturns()) {
      existing.add(r);
    }

    double[][] paths = MonteCarlo.samplePaths(input, spec(MonteCarloMethod.BOOTSTRAP, 20, 9), 20);

    boolean repeats = false;
    for (double[] path : paths) {
      assertThat(path).hasSize(100);
      Set<Double> seen = new HashSet<>();
      for (double r : path) {
        assertThat(existing).contains(r);
        repeats |= !seen.add(r);
      }
    }
    assertThat(repeats).as("drawn with replacement").isTrue();
  }

  @Test
  void aBlockBootstrapCopiesContiguousRunsOfBarReturns() {
    // Bar return i is i / 1,000,000, so a value tells which bar it came from.
    double[] bars = new double[50];
    for (int i = 0; i < bars.length; i++) {
      bars[i] = i / 1_000_000.0;
    }
    MonteCarloInput input =
        new MonteCarloInput(
            CAPITAL, new double[0], bars, 1, new MonteCarloResult.Outcome(CAPITAL, 0, 0, 0));
    MonteCarloSpec spec = new MonteCarloSpec(MonteCarloMethod.BLOCK_BOOTSTRAP, 30, 11, 7, 0, 10);

    double[][] paths = MonteCarlo.samplePaths(input, spec, 30);

    for (double[] path : paths) {
      assertThat(path).hasSize(50);
      // Blocks of 7 start at steps 0, 7, ..., 49 (the last one cut to 1).
      for (int start = 0; start < path.length; start += 7) {
        int first = (int) Math.round(path[start] * 1_000_000);
        assertThat(first).isBetween(0, 50 - 7);
        for (int k = 1; k < 7 && start + k < path.length; k++) {
          assertThat(Math.round(path[start + k] * 1_000_000)).isEqualTo(first + k);
        }
      }
    }
    // ceil(sqrt(50)) = 8 bars a block by default.
    MonteCarloResult result =
        MonteCarlo.run(
            input,
            new MonteCarloSpec(MonteCarloMethod.BLOCK_BOOTSTRAP, 10, 1, 0, 0, 10),
            RunControl.NONE);
    assertThat(result.blockLength()).isEqualTo(8);
    assertThat(result.steps()).isEqualTo(50);
  }

  @Test
  void summarisesPathsIntoPercentilesBandsAndHistograms() {
    MonteCarloResult result =
        MonteCarlo.run(input(), spec(MonteCarloMethod.BOOTSTRAP, 3_000, 13), RunControl.NONE);

    assertThat(result.steps()).isEqualTo(100);
    assertThat(result.blockLength()).isZero();
    MonteCarloResult.Percentiles f = result.finalEquity();
    assertThat(f.p5()).isLessThan(f.p25());
    assertThat(f.p25()).isLessThan(f.p50());
    assertThat(f.p50()).isLessThan(f.p75());
    assertThat(f.p75()).isLessThan(f.p95());
    assertThat(result.maxDrawdown().p95()).isLessThanOrEqualTo(0);
    // CAGR over the 4 years: the median path's growth.
    assertThat(result.cagr().p50()).isCloseTo(Math.pow(f.p50() / CAPITAL, 0.25) - 1, within(1e-9));
    assertThat(result.longestDrawdown().p95()).isBetween(1.0, 100.0);

    MonteCarloResult.FanBands bands = result.bands();
    // 100 band points over 100 steps: 0, 1, 2, ..., 98, 100 (floor of j x 100 / 99).
    assertThat(bands.step()).hasSize(100);
    assertThat(bands.step()[0]).isZero();
    assertThat(bands.step()[99]).isEqualTo(100);
    assertThat(bands.p50()[0]).isEqualTo(CAPITAL);
    assertThat(bands.p5()[99]).isCloseTo(f.p5(), within(f.p5() * 1e-6)); // floats
    for (int j = 0; j < 100; j++) {
      assertThat(bands.p5()[j]).isLessThanOrEqualTo(bands.p50()[j]);
      assertThat(bands.p50()[j]).isLessThanOrEqualTo(bands.p95()[j]);
    }

    MonteCarloResult.Histogram h = result.finalEquityHistogram();
    assertThat(h.edges()).hasSize(31);
    assertThat(h.counts()).hasSize(30);
    assertThat(Arrays.stream(h.counts()).sum()).isEqualTo(3_000);
    assertThat(Arrays.stream(result.maxDrawdownHistogram().counts()).sum()).isEqualTo(3_000);
    assertThat(h.edges()[30]).isGreaterThan(f.p95());
  }

  @Test
  void ruinIsEquityAtOrBelowTheLevelAtAnyStep() {
    MonteCarloInput input = input();

    double never =
        MonteCarlo.run(
                input,
                new MonteCarloSpec(MonteCarloMethod.SHUFFLE, 200, 1, 0, 0, 10),
                RunControl.NONE)
            .probabilityOfRuin();
    double always =
        MonteCarlo.run(
                input,
                new MonteCarloSpec(MonteCarloMethod.SHUFFLE, 200, 1, 0, CAPITAL, 10),
                RunControl.NONE)
            .probabilityOfRuin();
    double some =
        MonteCarlo.run(
                input,
                new MonteCarloSpec(MonteCarloMethod.BOOTSTRAP, 2_000, 1, 0, CAPITAL * 0.8, 10),
                RunControl.NONE)
            .probabilityOfRuin();

    assertThat(never).isZero();
    assertThat(always).isEqualTo(1); // the start itself is at the level
    assertThat(some).isStrictlyBetween(0.0, 1.0);
  }

  @Test
  void aPathThatLosesEverythingStaysAtZero() {
    MonteCarloInput input =
        new MonteCarloInput(
            CAPITAL,
            new double[] {0.1, -1.5, 0.2},
            new double[0],
            1,
            new MonteCarloResult.Outcome(0, -1, -1, 2));

    MonteCarloResult result =
        MonteCarlo.run(
            input, new MonteCarloSpec(MonteCarloMethod.SHUFFLE, 50, 3, 0, 1, 10), RunControl.NONE);

    assertThat(result.finalEquity().p95()).isZero();
    assertThat(result.maxDrawdown().p95()).isEqualTo(-1);
    assertThat(result.cagr().p50()).isEqualTo(-1);
    assertThat(result.probabilityOfRuin()).isEqualTo(1);
  }

  @Test
  void tracksDrawdownsAsTheMetricsDo() {
    // 100 -> 110 -> 55 -> 66 -> 110 -> 120 -> 90: the first drawdown lasts from step 1 (110) to
    // step 4 (110 again: recovered), 3 steps, depth 55 / 110 - 1 = -0.5; the second from step 5
    // (120) to the end (step 6), 1 step.
    PathTracker t = new PathTracker();
    t.start(100, 50);
    for (double e : new double[] {110, 55, 66, 110, 120, 90}) {
      t.step(e);
    }

    MonteCarloResult.Outcome o = t.finish(100, 2);

    assertThat(o.finalEquity()).isEqualTo(90);
    assertThat(o.maxDrawdown()).isCloseTo(-0.5, within(1e-15));
    assertThat(o.longestDrawdown()).isEqualTo(3);
    assertThat(o.cagr()).isCloseTo(Math.sqrt(0.9) - 1, within(1e-15));
    assertThat(t.ruined()).isFalse();
  }

  @Test
  void percentilesInterpolateLinearlyAsNumPyDoes() {
    // numpy.percentile([1, 2, 3, 4, 10], [5, 25, 50, 75, 95]) = [1.2, 2, 3, 4, 8.8].
    MonteCarloResult.Percentiles p = Distributions.percentiles(new double[] {10, 3, 1, 4, 2});

    assertThat(p.p5()).isCloseTo(1.2, within(1e-12));
    assertThat(p.p25()).isEqualTo(2);
    assertThat(p.p50()).isEqualTo(3);
    assertThat(p.p75()).isEqualTo(4);
    assertThat(p.p95()).isCloseTo(8.8, within(1e-12));
    assertThat(p.mean()).isEqualTo(4);
    assertThat(Distributions.percentiles(new double[] {Double.NaN, Double.NaN}).p50()).isNaN();
  }

  @Test
  void bandStepsAreEvenlySpacedFromStartToEnd() {
    assertThat(MonteCarlo.bandSteps(10, 100)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(MonteCarlo.bandSteps(10_000, 5)).containsExactly(0, 2_500, 5_000, 7_500, 10_000);
    assertThat(MonteCarlo.bandSteps(1, 2)).containsExactly(0, 1);
  }

  @Test
  void rejectsARunWithNothingToResample() {
    MonteCarloInput empty =
        new MonteCarloInput(
            CAPITAL,
            new double[0],
            new double[0],
            0,
            new MonteCarloResult.Outcome(CAPITAL, 0, 0, 0));

    assertThatThrownBy(
            () -> MonteCarlo.run(empty, spec(MonteCarloMethod.SHUFFLE, 10, 1), RunControl.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no closed trades");
    assertThatThrownBy(
            () ->
                MonteCarlo.run(
                    empty, spec(MonteCarloMethod.BLOCK_BOOTSTRAP, 10, 1), RunControl.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least two bars");
    assertThatThrownBy(
            () ->
                MonteCarlo.run(
                    input(),
                    new MonteCarloSpec(MonteCarloMethod.BLOCK_BOOTSTRAP, 10, 1, 1_001, 0, 10),
                    RunControl.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("block length 1001");
    assertThatThrownBy(() -> new MonteCarloSpec(MonteCarloMethod.SHUFFLE, 100_001, 1, 0, 0, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stopsWhenCancelled() {
    AtomicInteger asked = new AtomicInteger();
    RunControl cancelLater =
        new RunControl() {
          @Override
          public void progress(int percent) {}

          @Override
          public boolean isCancelled() {
            return asked.incrementAndGet() > 2;
          }
        };

    assertThatThrownBy(
            () ->
                MonteCarlo.run(
                    input(), spec(MonteCarloMethod.BLOCK_BOOTSTRAP, 1_000, 1), cancelLater))
        .isInstanceOf(BacktestCancelledException.class);
  }

  @Test
  void runsTheLargestAllowedCaseInBoundedMemory() {
    // 100,000 paths x 10,000 bar returns with 1,000 band points: no path is kept, the bands keep
    // 2,000 paths' floats (MonteCarlo.BAND_VALUES). A kept path set would need 8 GB.
    double[] bars = new double[10_000];
    SplittableRandom random = new SplittableRandom(8);
    for (int i = 0; i < bars.length; i++) {
      bars[i] = random.nextDouble() * 0.02 - 0.0099;
    }
    MonteCarloInput input =
        new MonteCarloInput(
            CAPITAL, new double[0], bars, 40, new MonteCarloResult.Outcome(CAPITAL, 0, 0, 0));

    MonteCarloResult result =
        MonteCarlo.run(
            input,
            new MonteCarloSpec(
                MonteCarloMethod.BLOCK_BOOTSTRAP,
                MonteCarloSpec.MAX_PATHS,
                1,
                0,
                CAPITAL / 2,
                1_000),
            RunControl.NONE);

    assertThat(result.steps()).isEqualTo(10_000);
    assertThat(result.bands().step()).hasSize(1_000);
    assertThat(Arrays.stream(result.finalEquityHistogram().counts()).sum())
        .isEqualTo(MonteCarloSpec.MAX_PATHS);
  }

  @Test
  void printsTheTimeOfTenThousandShufflesOfAHundredTrades() {
    // The target (<= 1 s): printed, not asserted. docs/ROBUSTNESS.md has the figure.
    MonteCarloInput input = input();
    MonteCarlo.run(input, spec(MonteCarloMethod.SHUFFLE, 10_000, 1), RunControl.NONE); // warm-up
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    MonteCarlo.run(input, spec(MonteCarloMethod.SHUFFLE, 10_000, 2), RunControl.NONE);
    System.out.printf(
        "Monte Carlo 10,000 shuffles of 100 trades: %d ms (%d ms CPU)%n",
        (System.nanoTime() - start) / 1_000_000,
        (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
  }

  private static void assertSame(MonteCarloResult a, MonteCarloResult b) {
    assertThat(a.spec()).isEqualTo(b.spec());
    assertThat(a.steps()).isEqualTo(b.steps());
    assertThat(a.blockLength()).isEqualTo(b.blockLength());
    assertThat(a.finalEquity()).isEqualTo(b.finalEquity());
    assertThat(a.maxDrawdown()).isEqualTo(b.maxDrawdown());
    assertThat(a.cagr()).isEqualTo(b.cagr());
    assertThat(a.longestDrawdown()).isEqualTo(b.longestDrawdown());
    assertThat(a.probabilityOfRuin()).isEqualTo(b.probabilityOfRuin());
    assertThat(a.bands().step()).containsExactly(b.bands().step());
    assertThat(a.bands().p5()).containsExactly(b.bands().p5());
    assertThat(a.bands().p25()).containsExactly(b.bands().p25());
    assertThat(a.bands().p50()).containsExactly(b.bands().p50());
    assertThat(a.bands().p75()).containsExactly(b.bands().p75());
    assertThat(a.bands().p95()).containsExactly(b.bands().p95());
    assertThat(a.finalEquityHistogram().edges()).containsExactly(b.finalEquityHistogram().edges());
    assertThat(a.finalEquityHistogram().counts())
        .containsExactly(b.finalEquityHistogram().counts());
    assertThat(a.maxDrawdownHistogram().edges()).containsExactly(b.maxDrawdownHistogram().edges());
    assertThat(a.maxDrawdownHistogram().counts())
        .containsExactly(b.maxDrawdownHistogram().counts());
  }
}
