package com.tradingbacktest.engine.optimize;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.lang.ParamSpec;
import com.tradingbacktest.engine.lang.StrategyEvaluationException;
import com.tradingbacktest.engine.lang.StrategyEvaluator;
import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestCancelledException;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.RunControl;
import com.tradingbacktest.engine.sim.Signals;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exhaustive search over a {@link ParameterGrid}: every combination of a slice is one full
 * backtest, {@link Backtest#run} on the strategy's signals for those values, so a result is exactly
 * what a single run with the same parameters reports. One {@link StrategyEvaluator} serves the
 * whole slice, so columns that a combination shares with an earlier one (every {@code sma(close,
 * fast)} while {@code slow} varies) are computed once.
 *
 * <p>Slices run sequentially on the calling thread; callers parallelise by running disjoint slices
 * on separate threads (runs share nothing) and {@link #rank ranking} the union.
 *
 * <p>Each result keeps only the scalar metrics: the per-bar series of 10,000 runs over 2,500 bars
 * would alone take 400 MB. Rerun the chosen combination with {@link Backtest#run} for its curves
 * and trades.
 */
public final class GridSearch {

  /**
   * The default upper bound on a grid's size: at a few milliseconds per run over a decade of daily
   * bars, about a minute of work per core. {@link #run} does not enforce it; the caller checks
   * {@link ParameterGrid#size()} against this or its own configured limit before starting.
   */
  public static final long MAX_COMBINATIONS = 10_000;

  /** The most return blocks a result may keep: CSCV's partitions are at most 32. */
  public static final int MAX_RETURN_BLOCKS = 32;

  private static final Comparator<SweepResult> RANKING =
      Comparator.comparing((SweepResult r) -> !r.feasible())
          .thenComparing(SweepResult::score, GridSearch::higherFirstNaNLast)
          .thenComparingLong(SweepResult::index);

  private GridSearch() {}

  /**
   * Runs combinations {@code [fromIndex, toIndex)} of {@code grid} in index order and returns their
   * results in that order. Progress goes to {@code control} as the percentage of the slice done; a
   * cancellation is noticed between combinations (and before every column and every 8,192 bars
   * within one).
   *
   * @param constraints conditions for feasibility; empty makes every result feasible
   * @throws IllegalArgumentException when the slice is outside the grid, or a range names a
   *     parameter the strategy does not declare or leaves its declared range
   * @throws StrategyEvaluationException when a combination cannot run (say, a length that is not a
   *     whole number); the message names the combination
   * @throws BacktestCancelledException when {@code control} cancels; nothing partial is returned
   */
  public static List<SweepResult> run(
      CompiledStrategy strategy,
      BarSeries bars,
      BacktestConfig config,
      ParameterGrid grid,
      long fromIndex,
      long toIndex,
      Objective objective,
      List<Constraint> constraints,
      RunControl control) {
    return run(
        strategy,
        bars,
        config,
        grid,
        fromIndex,
        toIndex,
        objective,
        constraints,
        EvaluationLimits.defaults().withControl(control));
  }

  /**
   * {@link #run(CompiledStrategy, BarSeries, BacktestConfig, ParameterGrid, long, long, Objective,
   * List, RunControl)} within {@code limits}: the slice's evaluator keeps to its memory (dropping
   * cached columns between combinations when needed) and its control is checked before every column
   * and every 8,192 bars.
   *
   * @throws StrategyEvaluationException also when one combination needs more memory than allowed
   * @throws com.tradingbacktest.engine.sim.RunTimeLimitException when the control's deadline passes
   */
  public static List<SweepResult> run(
      CompiledStrategy strategy,
      BarSeries bars,
      BacktestConfig config,
      ParameterGrid grid,
      long fromIndex,
      long toIndex,
      Objective objective,
      List<Constraint> constraints,
      EvaluationLimits limits) {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(grid, "grid");
    if (fromIndex < 0 || fromIndex > toIndex || toIndex > grid.size()) {
      throw new IllegalArgumentException(
          "the slice ["
              + fromIndex
              + ", "
              + toIndex
              + ") is outside the grid of "
              + grid.size()
              + " combinations");
    }
    if (toIndex - fromIndex > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "the slice [" + fromIndex + ", " + toIndex + ") is too large for one list");
    }
    // The strategy's own constraints skip combinations here too: they never run.
    long[] indices =
        java.util.stream.LongStream.range(fromIndex, toIndex)
            .filter(i -> strategy.brokenConstraint(grid.combination(i), List.of()).isEmpty())
            .toArray();
    return run(strategy, bars, config, grid, indices, objective, constraints, limits);
  }

  /**
   * As {@link #run(CompiledStrategy, BarSeries, BacktestConfig, ParameterGrid, long[], Objective,
   * List, EvaluationLimits)}, and each result also keeps the power sums of its bar returns over
   * {@code returnBlocks} contiguous blocks of the bars ({@link SweepResult#blocks()}), for the
   * overfitting statistics.
   */
  public static List<SweepResult> run(
      CompiledStrategy strategy,
      BarSeries bars,
      BacktestConfig config,
      ParameterGrid grid,
      long[] indices,
      Objective objective,
      List<Constraint> constraints,
      EvaluationLimits limits,
      int returnBlocks) {
    if (returnBlocks < 1 || returnBlocks > MAX_RETURN_BLOCKS) {
      throw new IllegalArgumentException(
          "return blocks must be from 1 to " + MAX_RETURN_BLOCKS + ", got " + returnBlocks);
    }
    if (bars.size() - 1 < returnBlocks) {
      throw new IllegalArgumentException(
          "the "
              + bars.size()
              + " bars have "
              + Math.max(0, bars.size() - 1)
              + " bar returns, fewer than the "
              + returnBlocks
              + " blocks asked for");
    }
    return sweep(
        strategy, bars, config, grid, indices, objective, constraints, limits, returnBlocks);
  }

  /**
   * Runs the combinations of {@code grid} at {@code indices} (from {@link
   * ValidCombinations#indices}, so none breaks a parameter constraint), in that order, and returns
   * their results in that order; otherwise as {@link #run(CompiledStrategy, BarSeries,
   * BacktestConfig, ParameterGrid, long, long, Objective, List, EvaluationLimits)}.
   */
  public static List<SweepResult> run(
      CompiledStrategy strategy,
      BarSeries bars,
      BacktestConfig config,
      ParameterGrid grid,
      long[] indices,
      Objective objective,
      List<Constraint> constraints,
      EvaluationLimits limits) {
    return sweep(strategy, bars, config, grid, indices, objective, constraints, limits, 0);
  }

  /** The runs of both overloads; {@code returnBlocks} 0 keeps no blocks. */
  private static List<SweepResult> sweep(
      CompiledStrategy strategy,
      BarSeries bars,
      BacktestConfig config,
      ParameterGrid grid,
      long[] indices,
      Objective objective,
      List<Constraint> constraints,
      EvaluationLimits limits,
      int returnBlocks) {
    Objects.requireNonNull(limits, "limits");
    RunControl control = limits.control();
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(bars, "bars");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(grid, "grid");
    List<Constraint> conditions = List.copyOf(constraints);
    for (long index : indices) {
      if (index < 0 || index >= grid.size()) {
        throw new IllegalArgumentException(
            "combination " + index + " is outside the grid of " + grid.size() + " combinations");
      }
    }
    checkAgainstDeclarations(strategy, grid);

    StrategyEvaluator evaluator = strategy.evaluator(bars, limits);
    RunControl cancelOnly =
        new RunControl() {
          @Override
          public void progress(int percent) {}

          @Override
          public boolean isCancelled() {
            return control.isCancelled();
          }

          @Override
          public void checkpoint(int atBar) {
            control.checkpoint(atBar);
          }
        };
    int total = indices.length;
    List<SweepResult> results = new ArrayList<>(total);
    int reported = -1;
    for (int k = 0; k < total; k++) {
      long index = indices[k];
      control.checkpoint(0); // before the next combination's first bar
      Map<String, Double> parameters = grid.combination(index);
      Signals signals;
      try {
        signals = evaluator.signals(parameters);
      } catch (StrategyEvaluationException e) {
        throw new StrategyEvaluationException(
            "combination " + index + " " + parameters + ": " + e.getMessage());
      }
      BacktestResult run = Backtest.run(bars, signals, config, cancelOnly);
      PerformanceMetrics metrics = run.metrics();
      boolean feasible = conditions.stream().allMatch(c -> c.test(metrics));
      results.add(
          new SweepResult(
              index,
              parameters,
              metrics.withoutSeries(),
              objective.score(metrics),
              feasible,
              returnBlocks == 0 ? null : ReturnBlocks.of(run.simulation().equity(), returnBlocks)));
      int percent = (int) (100L * (k + 1) / total);
      if (percent != reported) {
        control.progress(percent);
        reported = percent;
      }
    }
    if (total == 0) {
      control.progress(100);
    }
    return List.copyOf(results);
  }

  /**
   * Best first: feasible results before infeasible ones, then by score from high to low (+Infinity
   * first, NaN last), then by index, so equal scores keep the grid's order and ranking is
   * deterministic.
   */
  public static List<SweepResult> rank(Collection<SweepResult> results) {
    List<SweepResult> ranked = new ArrayList<>(results);
    ranked.sort(RANKING);
    return List.copyOf(ranked);
  }

  private static int higherFirstNaNLast(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
    }
    return Double.compare(b, a);
  }

  /**
   * Fails before the first run, not midway through a sweep, when the grid does not fit the
   * strategy.
   */
  private static void checkAgainstDeclarations(CompiledStrategy strategy, ParameterGrid grid) {
    Map<String, ParamSpec> declared = new LinkedHashMap<>();
    strategy.params().forEach(p -> declared.put(p.name(), p));
    for (ParameterRange r : grid.ranges()) {
      ParamSpec spec = declared.get(r.name());
      if (spec == null) {
        throw new IllegalArgumentException(
            "the strategy has no parameter "
                + r.name()
                + (declared.isEmpty()
                    ? "; it declares none"
                    : "; it declares " + String.join(", ", declared.keySet())));
      }
      double first = r.value(0);
      double last = r.value(r.count() - 1);
      if (spec.min() != null && (first < spec.min() || last > spec.max())) {
        throw new IllegalArgumentException(
            "the values "
                + first
                + ".."
                + last
                + " of "
                + r.name()
                + " leave its declared range "
                + spec.min()
                + ".."
                + spec.max());
      }
    }
  }
}
