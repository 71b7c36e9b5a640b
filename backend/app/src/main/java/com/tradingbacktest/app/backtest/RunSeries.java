package com.tradingbacktest.app.backtest;

/**
 * The full per-bar series of a finished run, as stored.
 *
 * @param times bar open times, epoch ms, ascending
 * @param equity cash plus position value at each bar's close
 * @param benchmark buy and hold: initial capital times close over the first close
 * @param benchmarkEquity the run's benchmark symbol, rebased to the initial capital at the first
 *     bar it has a close for (NaN before it; {@code engine.metrics.BenchmarkStats}); null when the
 *     run has no benchmark
 */
public record RunSeries(
    long[] times, double[] equity, double[] benchmark, double[] benchmarkEquity) {

  /** A run without a benchmark symbol. */
  public RunSeries(long[] times, double[] equity, double[] benchmark) {
    this(times, equity, benchmark, null);
  }

  public int size() {
    return times.length;
  }

  /** Per bar, equity over its running peak minus one (0 at a new high). */
  public double[] drawdown() {
    double[] dd = new double[equity.length];
    double peak = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < equity.length; i++) {
      peak = Math.max(peak, equity[i]);
      dd[i] = peak > 0 ? equity[i] / peak - 1 : 0;
    }
    return dd;
  }
}
