package com.tradingbacktest.engine.robust;

import java.util.Arrays;

/** Percentiles and histograms of Monte Carlo outcomes. */
final class Distributions {

  /** Histogram bins. */
  static final int BINS = 30;

  /**
   * Values this close together (relative to their size) are one value that rounding spread: the
   * final equity of shuffled paths, equal in exact arithmetic, differs in its last bits.
   */
  private static final double SAME_VALUE = 1e-9;

  private Distributions() {}

  /**
   * The percentiles and mean of {@code values}, NaNs left out (all NaN: NaN throughout). Sorts
   * {@code values} in place.
   */
  static MonteCarloResult.Percentiles percentiles(double[] values) {
    int n = withoutNaN(values);
    if (n == 0) {
      double nan = Double.NaN;
      return new MonteCarloResult.Percentiles(nan, nan, nan, nan, nan, nan);
    }
    Arrays.sort(values, 0, n);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += values[i];
    }
    return new MonteCarloResult.Percentiles(
        percentile(values, n, 0.05),
        percentile(values, n, 0.25),
        percentile(values, n, 0.50),
        percentile(values, n, 0.75),
        percentile(values, n, 0.95),
        sum / n);
  }

  /**
   * The {@code p}-quantile of the first {@code n} sorted values by linear interpolation between the
   * closest ranks, as NumPy's default ({@code method="linear"}): at h = (n - 1) p, x[floor h] + (h
   * - floor h) (x[floor h + 1] - x[floor h]).
   */
  static double percentile(double[] sorted, int n, double p) {
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, n - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** As {@link #percentile(double[], int, double)} over floats. */
  static double percentile(float[] sorted, int n, double p) {
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, n - 1);
    return sorted[lo] + (h - lo) * ((double) sorted[hi] - sorted[lo]);
  }

  /**
   * {@link #BINS} equal bins from the smallest to the largest value (NaNs left out); values that
   * are all the same (up to rounding) make one bin from the smallest to the largest; no values make
   * no bins.
   */
  static MonteCarloResult.Histogram histogram(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        n++;
      }
    }
    if (n == 0) {
      return new MonteCarloResult.Histogram(new double[0], new int[0]);
    }
    double width = max - min;
    if (!(width > SAME_VALUE * Math.max(Math.abs(min), Math.abs(max)))) {
      return new MonteCarloResult.Histogram(new double[] {min, max}, new int[] {n});
    }
    double[] edges = new double[BINS + 1];
    for (int i = 0; i < BINS; i++) {
      edges[i] = min + width * i / BINS;
    }
    edges[BINS] = max;
    int[] counts = new int[BINS];
    for (double v : values) {
      if (!Double.isNaN(v)) {
        int bin = (int) ((v - min) / width * BINS);
        counts[Math.min(Math.max(bin, 0), BINS - 1)]++;
      }
    }
    return new MonteCarloResult.Histogram(edges, counts);
  }

  /** Moves the NaNs of {@code values} to its end; returns how many are not NaN. */
  private static int withoutNaN(double[] values) {
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i])) {
        double keep = values[i];
        values[i] = values[n];
        values[n++] = keep;
      }
    }
    return n;
  }
}
