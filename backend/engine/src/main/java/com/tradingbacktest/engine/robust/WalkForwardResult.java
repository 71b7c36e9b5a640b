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
 * @param efficiency walk-forward efficiency: the stitched out-of-sample annualised return over the
 *     mean in-sample annualised return of the chosen combinations; NaN when undefined
 * @param drift how each varying parameter's chosen value moved across the windows
 */
@SuppressWarnings("DoNotCallSuggester") // a skeleton until its lane builds it
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
   * @param changes windows whose value differs from the window before
   */
  public record ParameterDrift(
      String name, double[] values, double mean, double stdev, int changes) {}

  /** The parts of the windows, for callers that ran them apart (the app's jobs). */
  public static WalkForwardResult stitch(List<WindowOutcome> windows, double initialCapital) {
    throw new UnsupportedOperationException("skeleton: built by the walk-forward lane");
  }
}
