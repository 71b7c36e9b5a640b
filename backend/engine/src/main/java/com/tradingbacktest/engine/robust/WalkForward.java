package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.lang.ParamConstraint;
import com.tradingbacktest.engine.optimize.Constraint;
import com.tradingbacktest.engine.optimize.Objective;
import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import java.util.List;
import java.util.Map;

/**
 * Walk-forward optimisation of one symbol: in each window the grid is searched on the train part
 * ({@link com.tradingbacktest.engine.optimize.GridSearch} over those bars only) and the best
 * feasible combination is traded on the test part.
 */
@SuppressWarnings("DoNotCallSuggester") // a skeleton until its lane builds it
public final class WalkForward {

  private WalkForward() {}

  /**
   * Trades {@code parameters} on bars {@code [testFrom, testTo)} of {@code bars}, starting with the
   * config's initial capital. The strategy is evaluated on the bars before {@code testTo} only, so
   * indicators warm up on the bars before the part and nothing after it is seen; no order is placed
   * before {@code testFrom}; a position open at the end is closed at the part's last close.
   */
  public static WindowTest test(
      CompiledStrategy strategy,
      BarSeries bars,
      BacktestConfig config,
      Map<String, Double> parameters,
      int testFrom,
      int testTo,
      EvaluationLimits limits) {
    throw new UnsupportedOperationException("skeleton: built by the walk-forward lane");
  }

  /** Every window in order on the calling thread, capital carried (the CLI's path). */
  public static WalkForwardResult run(
      CompiledStrategy strategy,
      BarSeries bars,
      BacktestConfig config,
      ParameterGrid grid,
      List<ParamConstraint> paramConstraints,
      Objective objective,
      List<Constraint> constraints,
      List<WalkForwardWindow> windows,
      EvaluationLimits limits) {
    throw new UnsupportedOperationException("skeleton: built by the walk-forward lane");
  }
}
