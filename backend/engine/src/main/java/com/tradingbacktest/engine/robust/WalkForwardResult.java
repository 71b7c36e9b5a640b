package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.sim.Trade;
import java.util.List;
import java.util.Map;

/**
 * A walk-forward optimisation's outcome.
 *
 * @param windows each window, in order
 * @param times the stitched out-of-sample bars' times
 * @param equity the stitched out-of-sample equity, capital carried from window to window
 * @param trades every test part's round trips, bar indices into {@code times}
 * @param metrics the stitched out-of-sample metrics
 * @param efficiency walk-forward efficiency: the stitched out-of-sample annualised return (CAGR)
 *     over the mean in-sample CAGR of the chosen combinations (windows without one left out); NaN
 *     when undefined: no window chose one, a CAGR is not finite, or the in-sample mean is not above
 *     0 (a ratio to a loss or to nothing says nothing)
 * @param drift how each parameter's chosen value moved across the windows, in the order the
 *     windows' combinations name them
 */
public record WalkForwardResult(
    List<WindowOutcome> windows,
    long[] times,
    double[] equity,
    List<Trade> trades,
    PerformanceMetrics metrics,
    double efficiency,
    List<ParameterDrift> drift) {

  /**
   * One window: the combination chosen on its train part and its run on its test part.
   *
   * @param parameters the chosen combination's values; empty when no combination was feasible (the
   *     test part then stays in cash)
   * @param combination its grid index; -1 when none
   * @param inSampleScore its objective on the train part
   * @param inSampleMetrics its metrics on the train part; null when none
   * @param test the test part's run
   */
  public record WindowOutcome(
      WalkForwardWindow window,
      Map<String, Double> parameters,
      long combination,
      double inSampleScore,
      PerformanceMetrics inSampleMetrics,
      WindowTest test) {}

  /**
   * One parameter's chosen values across the windows.
   *
   * @param values the chosen value in each window (NaN where none was chosen)
   * @param mean the mean of the chosen values (NaN where none)
   * @param stdev their sample standard deviation (n - 1); NaN with fewer than two
   * @param changes windows whose value differs from the window before
   */
  public record ParameterDrift(
      String name, double[] values, double mean, double stdev, int changes) {}

  /**
   * The parts of the windows, for callers that ran them apart, with the metrics' basis guessed from
   * the bar times ({@link StitchBasis}: UTC months, no risk-free rate, the parts' buy-and-hold
   * chained). Callers that know the bars use {@link #stitch(List, double, StitchBasis)}, which
   * measures the stitched run exactly as a run over the same bars.
   */
  public static WalkForwardResult stitch(List<WindowOutcome> windows, double initialCapital) {
    return stitch(windows, initialCapital, StitchBasis.guessedFrom(Stitching.times(windows)));
  }

  /**
   * The parts of the windows, in order, as one out-of-sample run: the test parts' bars, equity and
   * trades concatenated (trades re-indexed into the stitched bars), measured as the engine measures
   * a run ({@link com.tradingbacktest.engine.metrics.EquityCurveStats}) from {@code
   * initialCapital}, with the parts' commissions, funding, borrow costs, interest and dividends
   * summed; the efficiency and the drift of the chosen parameters.
   *
   * @param windows in order; their test parts follow one another (each starts after the one before
   *     ends)
   * @throws IllegalArgumentException without windows, or when parts overlap or go back in time
   */
  public static WalkForwardResult stitch(
      List<WindowOutcome> windows, double initialCapital, StitchBasis basis) {
    return Stitching.stitch(windows, initialCapital, basis);
  }
}
