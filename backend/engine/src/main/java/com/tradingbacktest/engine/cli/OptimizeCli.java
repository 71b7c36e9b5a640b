package com.tradingbacktest.engine.cli;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.optimize.GridSearch;
import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.optimize.ParameterRange;
import com.tradingbacktest.engine.optimize.SweepResult;
import com.tradingbacktest.engine.optimize.ValidCombinations;
import com.tradingbacktest.engine.robust.MonteCarloInput;
import com.tradingbacktest.engine.robust.MonteCarloResult;
import com.tradingbacktest.engine.robust.OptimizationStatistics;
import com.tradingbacktest.engine.robust.OutOfSample;
import com.tradingbacktest.engine.robust.WalkForward;
import com.tradingbacktest.engine.robust.WalkForwardResult;
import com.tradingbacktest.engine.robust.WindowPlan;
import com.tradingbacktest.engine.robust.WindowTest;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.RunControl;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code backtest ... --optimize}: a grid search over one symbol's bars, with an out-of-sample
 * split or walk-forward windows ({@link OptimizeOptions}); prints the {@code optimization} or
 * {@code walk_forward} report ({@link OptimizeReport}), with {@code --monte-carlo} the resampling
 * of the stitched out-of-sample run or of the leader's run (held-out bars with a split).
 */
final class OptimizeCli {

  /** How many in-sample leaders an out-of-sample split runs on the held-out bars. */
  static final int OUT_OF_SAMPLE_RESULTS = 10;

  private OptimizeCli() {}

  /**
   * Runs the search the options ask for and prints it.
   *
   * @throws IllegalArgumentException for a grid that does not fit the strategy or the bars
   */
  static void run(
      OptimizeOptions options,
      Map<String, Double> fixed,
      List<com.tradingbacktest.engine.lang.ParamConstraint> paramConstraints,
      CompiledStrategy strategy,
      BarSeries bars,
      BacktestConfig config,
      MonteCarloOptions monteCarlo,
      boolean json,
      PrintStream out) {
    ParameterGrid grid = grid(options, fixed);
    ValidCombinations valid = ValidCombinations.of(strategy, grid, paramConstraints);
    if (valid.size() > GridSearch.MAX_COMBINATIONS) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the grid has %,d combinations to run; at most %,d: narrow the ranges or take larger"
                  + " steps",
              valid.size(),
              GridSearch.MAX_COMBINATIONS));
    }
    if (valid.size() == 0) {
      throw new IllegalArgumentException("every combination of the grid breaks a constraint");
    }
    EvaluationLimits limits = EvaluationLimits.defaults();
    if (options.walkForward()) {
      WalkForwardResult result =
          WalkForward.run(
              strategy,
              bars,
              config,
              grid,
              paramConstraints,
              options.objective,
              options.requirements,
              WindowPlan.byCount(
                  bars.size(),
                  options.walkForwardMode,
                  options.walkForwardWindows,
                  options.trainTestRatio,
                  options.gapBars),
              limits);
      MonteCarloResult paths =
          monteCarlo.requested()
              ? monteCarlo.run(
                  MonteCarloInput.of(
                      config.initialCapital(), result.equity(), result.times(), result.trades()),
                  config.initialCapital())
              : null;
      if (json) {
        Map<String, Object> report = OptimizeReport.walkForward(options, valid, bars, result);
        print(report, paths, out);
      } else {
        OptimizeReport.printWalkForward(out, options, valid, bars, result);
        print(paths, out);
      }
      return;
    }
    Optimization done = optimization(options, grid, valid, strategy, bars, config, limits);
    MonteCarloResult paths =
        monteCarlo.requested()
            ? monteCarlo.run(best(done, strategy, bars, config), config.initialCapital())
            : null;
    if (json) {
      print(OptimizeReport.optimization(options, valid, done), paths, out);
    } else {
      OptimizeReport.printOptimization(out, options, valid, done);
      print(paths, out);
    }
  }

  /**
   * What --monte-carlo resamples after a search: the leader's run on the held-out bars with a
   * split, else its run over every bar.
   */
  private static MonteCarloInput best(
      Optimization done, CompiledStrategy strategy, BarSeries bars, BacktestConfig config) {
    if (done.split() != null) {
      WindowTest test = done.split().results().get(0).test();
      return MonteCarloInput.of(
          config.initialCapital(), test.equity(), test.times(), test.trades());
    }
    BacktestResult run =
        Backtest.run(bars, strategy.signals(bars, done.ranked().get(0).parameters()), config);
    return MonteCarloInput.of(
        config.initialCapital(),
        run.simulation().equity(),
        bars.times(),
        run.simulation().trades());
  }

  private static void print(Map<String, Object> report, MonteCarloResult paths, PrintStream out) {
    if (paths != null) {
      report.put("monte_carlo", MonteCarloOptions.toJson(paths));
    }
    out.println(Json.write(report));
  }

  private static void print(MonteCarloResult paths, PrintStream out) {
    if (paths != null) {
      out.println();
      MonteCarloOptions.printTable(out, paths);
    }
  }

  /**
   * A grid search's outcome.
   *
   * @param ranked every result, best first
   * @param split the held-out part; null without one
   */
  record Optimization(
      ParameterGrid grid,
      List<SweepResult> ranked,
      OptimizationStatistics statistics,
      Split split) {}

  /**
   * The held-out part of an out-of-sample split and the in-sample leaders run on it.
   *
   * @param inSampleBars the bars ranked, before the first held-out bar
   */
  record Split(int inSampleBars, int outOfSampleBars, long time, List<HeldOut> results) {}

  /** An in-sample leader run on the held-out bars. */
  record HeldOut(int rank, SweepResult inSample, double score, WindowTest test) {}

  private static Optimization optimization(
      OptimizeOptions options,
      ParameterGrid grid,
      ValidCombinations valid,
      CompiledStrategy strategy,
      BarSeries bars,
      BacktestConfig config,
      EvaluationLimits limits) {
    int split = bars.size();
    if (options.outOfSampleFraction != null) {
      split = OutOfSample.splitByFraction(bars.size(), options.outOfSampleFraction);
    } else if (options.outOfSampleFrom != null) {
      split =
          OutOfSample.splitByTime(
              bars.times(),
              options.outOfSampleFrom.atStartOfDay(bars.zone()).toInstant().toEpochMilli());
    }
    BarSeries inSample = split == bars.size() ? bars : bars.slice(0, split);
    long[] indices = valid.indices(0, valid.size());
    // Too few bars for the blocks: no blocks, and the statistics that need them are null.
    List<SweepResult> results =
        inSample.size() - 1 >= options.cscvPartitions
            ? GridSearch.run(
                strategy,
                inSample,
                config,
                grid,
                indices,
                options.objective,
                options.requirements,
                limits,
                options.cscvPartitions)
            : GridSearch.run(
                strategy,
                inSample,
                config,
                grid,
                indices,
                options.objective,
                options.requirements,
                limits);
    List<SweepResult> ranked = GridSearch.rank(results);
    OptimizationStatistics statistics = OptimizationStatistics.of(grid, results, RunControl.NONE);
    if (split == bars.size()) {
      return new Optimization(grid, ranked, statistics, null);
    }
    List<HeldOut> held = new ArrayList<>();
    for (int k = 0; k < Math.min(OUT_OF_SAMPLE_RESULTS, ranked.size()); k++) {
      SweepResult r = ranked.get(k);
      WindowTest test =
          WalkForward.test(strategy, bars, config, r.parameters(), split, bars.size(), limits);
      held.add(new HeldOut(k + 1, r, options.objective.score(test.metrics()), test));
    }
    return new Optimization(
        grid,
        ranked,
        statistics,
        new Split(split, bars.size() - split, bars.times()[split], List.copyOf(held)));
  }

  /** The --optimize ranges, then a one-value range per --param that no range varies. */
  static ParameterGrid grid(OptimizeOptions options, Map<String, Double> fixed) {
    List<ParameterRange> ranges = new ArrayList<>(options.ranges);
    for (ParameterRange r : options.ranges) {
      if (fixed.containsKey(r.name())) {
        throw new IllegalArgumentException(
            "--param " + r.name() + " fixes what --optimize " + r.name() + " varies: use one");
      }
      if (ranges.stream().filter(o -> o.name().equals(r.name())).count() > 1) {
        throw new IllegalArgumentException("--optimize " + r.name() + " is given twice");
      }
    }
    fixed.forEach((name, value) -> ranges.add(new ParameterRange(name, value, value, 1)));
    return new ParameterGrid(ranges);
  }
}
