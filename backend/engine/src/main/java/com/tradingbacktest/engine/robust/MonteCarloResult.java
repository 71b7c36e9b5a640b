package com.tradingbacktest.engine.robust;

/**
 * The distribution of a run's outcomes over Monte Carlo paths.
 *
 * @param steps steps per path: trades for the trade methods, bars for the block bootstrap
 * @param blockLength the block length used (0 for the trade methods)
 * @param finalEquity percentiles of the paths' final equity
 * @param maxDrawdown of their max drawdown (negative fractions, as in the metrics)
 * @param cagr of their CAGR over the run's span
 * @param longestDrawdown of their longest drawdown, in steps
 * @param probabilityOfRuin the share of paths whose equity reached {@code ruinEquity}
 * @param bands the fan chart: equity percentiles at up to {@code bandPoints} steps
 * @param finalEquityHistogram the paths' final equity in bins
 * @param maxDrawdownHistogram their max drawdown in bins
 * @param original the run itself, for comparison
 */
public record MonteCarloResult(
    MonteCarloSpec spec,
    int steps,
    int blockLength,
    Percentiles finalEquity,
    Percentiles maxDrawdown,
    Percentiles cagr,
    Percentiles longestDrawdown,
    double probabilityOfRuin,
    FanBands bands,
    Histogram finalEquityHistogram,
    Histogram maxDrawdownHistogram,
    Outcome original) {

  /** The 5th, 25th, 50th, 75th and 95th percentiles (linear interpolation) and the mean. */
  public record Percentiles(
      double p5, double p25, double p50, double p75, double p95, double mean) {}

  /** Equity percentiles of the paths at each of {@code step} (0 = the start, equity = capital). */
  public record FanBands(
      int[] step, double[] p5, double[] p25, double[] p50, double[] p75, double[] p95) {}

  /** {@code counts[i]} values fall in {@code [edges[i], edges[i + 1])}, the last bin closed. */
  public record Histogram(double[] edges, int[] counts) {}

  /** One path's (or the run's) summary. */
  public record Outcome(double finalEquity, double maxDrawdown, double cagr, int longestDrawdown) {}
}
