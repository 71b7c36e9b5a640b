package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.sim.RunControl;
import java.util.Arrays;

/**
 * Monte Carlo resampling of a completed run ({@link MonteCarloMethod}). Paths are drawn from one
 * {@link java.util.SplittableRandom} seeded with the spec's seed, in path order, so a result is
 * repeatable bit for bit.
 *
 * <p>A path starts at the run's initial capital and compounds its step returns: equity_k =
 * equity_(k-1) x (1 + r_k); equity that reaches zero or below stays at zero (the account is gone).
 * Each path's final equity, max drawdown, CAGR over the run's span and longest drawdown (in steps)
 * are kept; a path is ruined when its equity is at or below the ruin level at any step, the start
 * included. A shuffle compounds the same returns in another order, so every shuffled path ends at
 * the run's compounded final equity (up to rounding in the last digits): shuffling tells about the
 * path (drawdowns, ruin), not about where it ends.
 *
 * <p>Memory is bounded whatever the spec: no path is kept. The per-path outcomes take 4 doubles a
 * path (3.2 MB at 100,000 paths); one path's returns take a double a step; the fan chart's bands
 * keep, as floats, the equity at each band step of the first {@code min(paths, 2,000,000 / band
 * steps)} paths (8 MB at most: all paths up to 20,000 at 100 band steps, the first 2,000 at 1,000),
 * whose percentiles are exact over those paths. Time grows with paths x steps; callers bound that
 * product.
 */
public final class MonteCarlo {

  /** The equity values the bands keep at most (floats: 8 MB). */
  static final int BAND_VALUES = 2_000_000;

  /** Steps between two cancellation checks. */
  private static final int CHECK_EVERY = 1 << 14;

  private MonteCarlo() {}

  /**
   * Draws {@code spec.paths()} paths from {@code input} and summarises them.
   *
   * @throws IllegalArgumentException when the run has nothing to resample (no trades for the trade
   *     methods, fewer than two bars for the block bootstrap) or the block is longer than the run's
   *     bar returns
   * @throws com.tradingbacktest.engine.sim.BacktestCancelledException when {@code control} cancels
   *     (checked every few thousand steps)
   */
  public static MonteCarloResult run(
      MonteCarloInput input, MonteCarloSpec spec, RunControl control) {
    PathSampler sampler = PathSampler.of(input, spec);
    int steps = sampler.steps();
    int paths = spec.paths();
    double capital = input.initialCapital();
    int[] bandSteps = bandSteps(steps, spec.bandPoints());
    int bandPaths = Math.min(paths, BAND_VALUES / bandSteps.length);
    float[][] band = new float[bandSteps.length][bandPaths];

    double[] finalEquity = new double[paths];
    double[] maxDrawdown = new double[paths];
    double[] cagr = new double[paths];
    double[] longestDrawdown = new double[paths];
    int ruined = 0;
    double[] returns = new double[steps];
    PathTracker tracker = new PathTracker();
    long unchecked = 0;
    int reported = -1;
    for (int p = 0; p < paths; p++) {
      sampler.next(returns);
      tracker.start(capital, spec.ruinEquity());
      boolean banded = p < bandPaths;
      int nextBand = 1;
      double equity = capital;
      for (int i = 0; i < steps; i++) {
        equity = equity > 0 ? Math.max(0, equity * (1 + returns[i])) : 0;
        tracker.step(equity);
        if (banded && nextBand < bandSteps.length && bandSteps[nextBand] == i + 1) {
          band[nextBand++][p] = (float) equity;
        }
      }
      MonteCarloResult.Outcome outcome = tracker.finish(capital, input.years());
      finalEquity[p] = outcome.finalEquity();
      maxDrawdown[p] = outcome.maxDrawdown();
      cagr[p] = outcome.cagr();
      longestDrawdown[p] = outcome.longestDrawdown();
      if (tracker.ruined()) {
        ruined++;
      }
      unchecked += steps;
      if (unchecked >= CHECK_EVERY) {
        control.checkpoint(0);
        unchecked = 0;
      }
      int percent = (int) (100L * (p + 1) / paths);
      if (percent != reported) {
        control.progress(percent);
        reported = percent;
      }
    }
    // The histograms first: the percentiles sort their arrays in place.
    MonteCarloResult.Histogram finalHistogram = Distributions.histogram(finalEquity);
    MonteCarloResult.Histogram drawdownHistogram = Distributions.histogram(maxDrawdown);
    return new MonteCarloResult(
        spec,
        steps,
        sampler.blockLength(),
        Distributions.percentiles(finalEquity),
        Distributions.percentiles(maxDrawdown),
        Distributions.percentiles(cagr),
        Distributions.percentiles(longestDrawdown),
        (double) ruined / paths,
        bands(bandSteps, band, capital),
        finalHistogram,
        drawdownHistogram,
        input.original());
  }

  /** The first {@code count} paths' step returns exactly as {@link #run} draws them, for tests. */
  static double[][] samplePaths(MonteCarloInput input, MonteCarloSpec spec, int count) {
    PathSampler sampler = PathSampler.of(input, spec);
    double[][] out = new double[count][sampler.steps()];
    for (double[] path : out) {
      sampler.next(path);
    }
    return out;
  }

  /**
   * min(points, steps + 1) steps from 0 to {@code steps}, evenly spaced (floor of j x steps /
   * (count - 1)), so the first is 0 and the last the path's end.
   */
  static int[] bandSteps(int steps, int points) {
    int count = (int) Math.min(points, steps + 1L);
    int[] out = new int[count];
    for (int j = 0; j < count; j++) {
      out[j] = (int) ((long) j * steps / (count - 1));
    }
    return out;
  }

  private static MonteCarloResult.FanBands bands(int[] steps, float[][] band, double capital) {
    int k = steps.length;
    double[] p5 = new double[k];
    double[] p25 = new double[k];
    double[] p50 = new double[k];
    double[] p75 = new double[k];
    double[] p95 = new double[k];
    // Step 0 is the capital on every path, exactly (a float would round it).
    p5[0] = p25[0] = p50[0] = p75[0] = p95[0] = capital;
    for (int j = 1; j < k; j++) {
      float[] values = band[j];
      Arrays.sort(values);
      int n = values.length;
      p5[j] = Distributions.percentile(values, n, 0.05);
      p25[j] = Distributions.percentile(values, n, 0.25);
      p50[j] = Distributions.percentile(values, n, 0.50);
      p75[j] = Distributions.percentile(values, n, 0.75);
      p95[j] = Distributions.percentile(values, n, 0.95);
    }
    return new MonteCarloResult.FanBands(steps.clone(), p5, p25, p50, p75, p95);
  }
}
