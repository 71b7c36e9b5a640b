package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunResult;
import com.tradingbacktest.app.backtest.RunSeries;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.Evaluation;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.lang.Plot;
import com.tradingbacktest.engine.metrics.BenchmarkStats;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.Funding;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A resolved run executed on its bars: evaluate the strategy, simulate, compute the metrics. The
 * part a stored run ({@link BacktestRunner}) and a preview ({@link PreviewService}) share, so both
 * give the same numbers for the same request; what happens around it (storing, answering) is
 * theirs.
 *
 * @param result the simulation and its metrics
 * @param series the per-bar equity and buy-and-hold a stored run keeps and charts are drawn from
 * @param plots the strategy's {@code plot(...)} series, in declaration order
 * @param benchmark the run measured against its benchmark; null without one
 */
record RunExecution(BacktestResult result, RunSeries series, List<Plot> plots, Measured benchmark) {

  /**
   * A benchmark symbol and its bars over the run's span.
   *
   * @param symbol the ticker, as the result names it
   * @param bars its bars of the run's interval from the run's first day to its last (they may start
   *     later or have other bar times: {@link BenchmarkStats} aligns them)
   */
  record Benchmark(String symbol, BarSeries bars) {

    /**
     * What measuring a run of {@code runBars} bars against it holds: its loaded bars (a time and
     * five doubles each) and, per run bar, the aligned close and the rebased equity.
     */
    long bytes(int runBars) {
      return 48L * bars.size() + 16L * runBars;
    }
  }

  /**
   * The measurement of a run against its benchmark.
   *
   * @param symbol the ticker
   * @param stats the metrics and the rebased equity
   */
  record Measured(String symbol, BenchmarkStats stats) {}

  /**
   * Runs {@code strategy} with {@code parameters} over {@code bars} (not empty) under {@code
   * limits}, charged {@code funding} (the stored rates, when its funding is a series); {@code
   * evaluated} is called between evaluation and simulation (a stored run reports progress there).
   *
   * @throws RunFailure when the strategy fails on this data or the settings do not fit the bars
   * @throws com.tradingbacktest.engine.sim.RunTimeLimitException past the limits' deadline (the
   *     caller words it: its limit and what stopped)
   * @throws com.tradingbacktest.engine.sim.BacktestCancelledException when the limits' control
   *     cancels
   */
  static RunExecution of(
      CompiledStrategy strategy,
      BarSeries bars,
      Map<String, Double> parameters,
      RunSettings settings,
      Funding funding,
      BigDecimal initialCapital,
      Benchmark benchmark,
      EvaluationLimits limits,
      Runnable evaluated) {
    // The benchmark shares the run's memory: the strategy gets what the benchmark leaves.
    EvaluationLimits strategyLimits =
        benchmark == null
            ? limits
            : new EvaluationLimits(
                Math.max(1, limits.maxBytes() - benchmark.bytes(bars.size())), limits.control());
    try {
      Evaluation evaluation = strategy.evaluate(bars, parameters, strategyLimits);
      evaluated.run();
      BacktestResult result =
          Backtest.run(
              bars,
              evaluation.signals(),
              settings.toConfig(initialCapital.doubleValue(), funding),
              limits.control());
      double[] equity = result.simulation().equity();
      Measured measured =
          benchmark == null
              ? null
              : new Measured(
                  benchmark.symbol(),
                  BenchmarkStats.compute(
                      bars.times(),
                      equity,
                      benchmark.bars().times(),
                      benchmark.bars().close(),
                      initialCapital.doubleValue(),
                      bars.calendar().barsPerYear(bars.interval()),
                      settings.riskFreeRate()));
      return new RunExecution(
          result,
          new RunSeries(
              bars.times(),
              equity,
              result.metrics().buyAndHoldEquity(),
              measured == null ? null : measured.stats().rebasedEquity()),
          evaluation.plots(),
          measured);
    } catch (IllegalArgumentException e) {
      // StrategyEvaluationException (over the memory limit, a runtime error of the code), or
      // settings the bars cannot honour: the run's own fault.
      throw new RunFailure("The strategy could not run on this data: " + e.getMessage());
    }
  }

  /** What the API shows of the result, with the equity overview in {@code chartPoints} points. */
  RunResult summary(int chartPoints) {
    return RunResult.of(
        result.simulation(),
        result.metrics(),
        series,
        chartPoints,
        series.size(),
        benchmark == null ? null : benchmark.symbol(),
        benchmark == null ? null : benchmark.stats());
  }
}
