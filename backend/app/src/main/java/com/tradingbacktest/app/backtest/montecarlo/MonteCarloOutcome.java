package com.tradingbacktest.app.backtest.montecarlo;

import com.tradingbacktest.engine.robust.MonteCarloMethod;
import com.tradingbacktest.engine.robust.MonteCarloResult;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A completed analysis as stored ({@code monte_carlo_analyses.result}) and shown: the engine's
 * {@link MonteCarloResult} with every undefined number null (JSON has no NaN).
 */
record MonteCarloOutcome(
    int steps,
    String stepUnit,
    Integer blockLength,
    Percentiles finalEquity,
    Percentiles maxDrawdown,
    Percentiles cagr,
    Percentiles longestDrawdown,
    Double probabilityOfRuin,
    Original original,
    Bands bands,
    Histograms histograms) {

  static MonteCarloOutcome of(MonteCarloResult r) {
    boolean bars = r.spec().method() == MonteCarloMethod.BLOCK_BOOTSTRAP;
    MonteCarloResult.FanBands b = r.bands();
    return new MonteCarloOutcome(
        r.steps(),
        bars ? "bar" : "trade",
        bars ? r.blockLength() : null,
        Percentiles.of(r.finalEquity()),
        Percentiles.of(r.maxDrawdown()),
        Percentiles.of(r.cagr()),
        Percentiles.of(r.longestDrawdown()),
        finite(r.probabilityOfRuin()),
        Original.of(r.original()),
        new Bands(
            b.step(),
            finite(b.p5()),
            finite(b.p25()),
            finite(b.p50()),
            finite(b.p75()),
            finite(b.p95())),
        new Histograms(
            Histogram.of(r.finalEquityHistogram()), Histogram.of(r.maxDrawdownHistogram())));
  }

  /** The 5th, 25th, 50th, 75th and 95th percentiles (linear interpolation) and the mean. */
  record Percentiles(
      @Schema(nullable = true) Double p5,
      @Schema(nullable = true) Double p25,
      @Schema(nullable = true) Double p50,
      @Schema(nullable = true) Double p75,
      @Schema(nullable = true) Double p95,
      @Schema(nullable = true) Double mean) {

    static Percentiles of(MonteCarloResult.Percentiles p) {
      return new Percentiles(
          finite(p.p5()),
          finite(p.p25()),
          finite(p.p50()),
          finite(p.p75()),
          finite(p.p95()),
          finite(p.mean()));
    }
  }

  /** The run's own outcome; {@code longest_drawdown} in bars. */
  record Original(
      @Schema(nullable = true) Double finalEquity,
      @Schema(nullable = true) Double maxDrawdown,
      @Schema(nullable = true) Double cagr,
      int longestDrawdown) {

    static Original of(MonteCarloResult.Outcome o) {
      return new Original(
          finite(o.finalEquity()), finite(o.maxDrawdown()), finite(o.cagr()), o.longestDrawdown());
    }
  }

  /** Equity percentiles of the paths at each of {@code step} (0: the start). */
  record Bands(int[] step, Double[] p5, Double[] p25, Double[] p50, Double[] p75, Double[] p95) {}

  record Histograms(Histogram finalEquity, Histogram maxDrawdown) {}

  /** {@code counts[i]} values fall in {@code [edges[i], edges[i + 1])}, the last bin closed. */
  record Histogram(Double[] edges, int[] counts) {

    static Histogram of(MonteCarloResult.Histogram h) {
      return new Histogram(finite(h.edges()), h.counts());
    }
  }

  static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  static Double[] finite(double[] values) {
    Double[] out = new Double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = finite(values[i]);
    }
    return out;
  }
}
