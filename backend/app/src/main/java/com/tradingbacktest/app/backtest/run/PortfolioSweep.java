package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.lang.StrategyEvaluationException;
import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.optimize.Constraint;
import com.tradingbacktest.engine.optimize.Objective;
import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.optimize.SweepResult;
import com.tradingbacktest.engine.portfolio.PortfolioLeg;
import com.tradingbacktest.engine.portfolio.PortfolioResult;
import com.tradingbacktest.engine.robust.BlockStats;
import com.tradingbacktest.engine.robust.WalkForward;
import com.tradingbacktest.engine.robust.WindowTest;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.sim.Funding;
import com.tradingbacktest.engine.sim.Signals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One slice of an optimisation over a portfolio: each combination of the grid is a whole portfolio
 * run (the universe evaluated, the account simulated) ranked by its metrics, as {@code GridSearch}
 * does for one symbol; and a walk-forward's test part over a portfolio. For the optimisation and
 * walk-forward packages, which may not see how a run is executed.
 */
public final class PortfolioSweep {

  private PortfolioSweep() {}

  /**
   * The bars of the optimisation's universe and FX series over its days.
   *
   * @throws IllegalArgumentException when they could not fit {@code memoryBytes}, or a series is
   *     gone or has no bars in the days
   */
  public static PortfolioBars load(
      MarketDataService marketData,
      RunPrices runPrices,
      RunSettings.Prices prices,
      PortfolioSetup setup,
      Interval interval,
      LocalDate start,
      LocalDate end,
      long memoryBytes) {
    String tooLarge = PortfolioBars.tooLarge(marketData, setup, interval, memoryBytes);
    if (tooLarge != null) {
      throw new IllegalArgumentException(tooLarge);
    }
    PortfolioBars bars;
    try {
      bars = PortfolioBars.load(marketData, runPrices, prices, setup, interval, start, end);
    } catch (RunFailure e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    for (BarSeries series : bars.universe()) {
      if (series.size() == 0) {
        throw new IllegalArgumentException(
            "no " + interval.code() + " bars of " + series.symbol() + " in the date range");
      }
    }
    return bars;
  }

  /**
   * The combinations of {@code grid} at {@code indices} (those of the slice that meet every
   * parameter constraint), each a portfolio run of {@code strategy} over {@code bars}, in that
   * order. Progress goes to the limits' control as the slice's percentage. With {@code returnBlocks
   * > 0} each result also keeps the power sums of the portfolio's bar returns (over the union's
   * times) in that many blocks, as {@code GridSearch} keeps them for one symbol; fewer returns than
   * blocks keep none.
   *
   * @throws StrategyEvaluationException naming the combination that cannot run
   * @throws com.tradingbacktest.engine.sim.BacktestCancelledException when the control cancels
   * @throws com.tradingbacktest.engine.sim.RunTimeLimitException past the deadline
   */
  public static List<SweepResult> run(
      CompiledStrategy strategy,
      PortfolioBars bars,
      PortfolioSetup setup,
      List<Funding> funding,
      RunSettings settings,
      BigDecimal initialCapital,
      ParameterGrid grid,
      long[] indices,
      Objective objective,
      List<Constraint> constraints,
      EvaluationLimits limits,
      int returnBlocks) {
    List<SweepResult> results = new ArrayList<>(indices.length);
    int reported = -1;
    for (int k = 0; k < indices.length; k++) {
      long index = indices[k];
      limits.control().checkpoint(0);
      Map<String, Double> parameters = grid.combination(index);
      PerformanceMetrics metrics;
      BlockStats[] blocks = null;
      try {
        PortfolioResult result =
            PortfolioExecution.simulate(
                    strategy,
                    bars.universe(),
                    setup,
                    bars.fx(),
                    funding,
                    parameters,
                    settings,
                    initialCapital,
                    limits)
                .result();
        metrics = result.metrics();
        double[] returns = returns(result.equity());
        if (returnBlocks > 0 && returns.length >= returnBlocks) {
          blocks = BlockStats.of(returns, returnBlocks);
        }
      } catch (IllegalArgumentException e) {
        throw new StrategyEvaluationException(
            "combination " + index + " " + parameters + ": " + e.getMessage());
      }
      boolean feasible = constraints.stream().allMatch(c -> c.test(metrics));
      results.add(
          new SweepResult(
              index,
              parameters,
              metrics.withoutSeries(),
              objective.score(metrics),
              feasible,
              blocks));
      int percent = (int) (100L * (k + 1) / indices.length);
      if (percent != reported) {
        limits.control().progress(percent);
        reported = percent;
      }
    }
    return List.copyOf(results);
  }

  /** The simple return of every bar after the first. */
  static double[] returns(double[] equity) {
    double[] returns = new double[Math.max(0, equity.length - 1)];
    for (int i = 1; i < equity.length; i++) {
      returns[i - 1] = equity[i] / equity[i - 1] - 1;
    }
    return returns;
  }

  /**
   * The union of the universe's bar times, ascending: the times a portfolio run marks equity at.
   */
  public static long[] times(PortfolioBars bars) {
    return bars.universe().stream()
        .flatMapToLong(b -> Arrays.stream(b.times()))
        .sorted()
        .distinct()
        .toArray();
  }

  /**
   * The universe's bars before {@code time} (the FX series whole): the in-sample part of an
   * optimisation that holds out the rest.
   *
   * @throws IllegalArgumentException when a symbol has no bar before it
   */
  public static PortfolioBars before(PortfolioBars bars, long time) {
    List<BarSeries> universe = new ArrayList<>(bars.universe().size());
    for (BarSeries series : bars.universe()) {
      int end = firstAtOrAfter(series.times(), time);
      if (end == 0) {
        throw new IllegalArgumentException(
            series.symbol() + " has no bar before the held-out part; hold out less");
      }
      universe.add(series.slice(0, end));
    }
    return new PortfolioBars(universe, bars.fx(), bars.priceInputs());
  }

  /**
   * The first index of the ascending {@code times} at or after {@code time}; the length when none
   * is (where a held-out part starts, in a symbol's bars as in a single run's).
   */
  public static int firstAtOrAfter(long[] times, long time) {
    int i = Arrays.binarySearch(times, time);
    return i >= 0 ? i : -i - 1;
  }

  /**
   * One combination run over the whole universe: its times and equity (an optimisation's in-sample
   * best over the full range, for the chart that shows its split).
   */
  public static PortfolioResult simulate(
      CompiledStrategy strategy,
      PortfolioBars bars,
      PortfolioSetup setup,
      List<Funding> funding,
      RunSettings settings,
      BigDecimal initialCapital,
      Map<String, Double> parameters,
      EvaluationLimits limits) {
    return PortfolioExecution.simulate(
            strategy,
            bars.universe(),
            setup,
            bars.fx(),
            funding,
            parameters,
            settings,
            initialCapital,
            limits)
        .result();
  }

  /**
   * One combination traded on the held-out part of an optimisation over a portfolio, as {@code
   * WalkForward.test} trades one symbol's: the universe evaluated on all its bars (the part ends
   * with the range, so nothing after it is seen), the account starting with the initial capital at
   * {@code splitTime} and trading from there on, the indicators warmed up on the bars before.
   *
   * @throws IllegalArgumentException when no symbol has a bar in the part, or the portfolio cannot
   *     run on it
   */
  public static PerformanceMetrics heldOut(
      CompiledStrategy strategy,
      PortfolioBars bars,
      PortfolioSetup setup,
      List<Funding> funding,
      RunSettings settings,
      BigDecimal initialCapital,
      Map<String, Double> parameters,
      long splitTime,
      EvaluationLimits limits) {
    return testPart(
            strategy,
            bars,
            setup,
            funding,
            parameters,
            null,
            settings,
            initialCapital.doubleValue(),
            splitTime,
            Long.MAX_VALUE,
            limits)
        .metrics();
  }

  /**
   * One test part of a walk-forward over a portfolio: {@code strategy} evaluated with {@code
   * parameters} on the universe's bars up to {@code testEnd} (epoch ms, inclusive) only, so nothing
   * after the part is seen, and traded from {@code testStart} on with {@code capital}, every
   * position still open closed at the part's end ({@code WalkForward.testPortfolio}).
   *
   * @param bars the universe and FX series over days up to the part's last day at least
   * @param parameters the combination to trade; null: the part stays in cash (the universe is then
   *     evaluated with {@code evaluateWith} only for the account's schedule, and no leg trades)
   * @throws StrategyEvaluationException when the strategy or the portfolio cannot run on this data
   */
  public static WindowTest testPart(
      CompiledStrategy strategy,
      PortfolioBars bars,
      PortfolioSetup setup,
      List<Funding> funding,
      Map<String, Double> parameters,
      Map<String, Double> evaluateWith,
      RunSettings settings,
      double capital,
      long testStart,
      long testEnd,
      EvaluationLimits limits) {
    List<BarSeries> seen = new ArrayList<>(bars.universe().size());
    for (BarSeries series : bars.universe()) {
      long[] times = series.times();
      int to = 0;
      while (to < times.length && times[to] <= testEnd) {
        to++;
      }
      seen.add(to == times.length ? series : series.slice(0, to));
    }
    try {
      PortfolioExecution.Prepared prepared =
          PortfolioExecution.prepare(
              strategy,
              seen,
              setup,
              bars.fx(),
              funding,
              parameters == null ? evaluateWith : parameters,
              settings,
              BigDecimal.valueOf(capital),
              limits);
      List<PortfolioLeg> legs = prepared.legs();
      if (parameters == null) {
        legs =
            legs.stream()
                .map(
                    l ->
                        new PortfolioLeg(
                            l.symbol(),
                            l.bars(),
                            l.currency(),
                            l.costs(),
                            l.quantityStep(),
                            Signals.builder(l.bars().size()).build(),
                            null,
                            l.funding(),
                            l.marketRules()))
                .toList();
      }
      return WalkForward.testPortfolio(legs, prepared.config(), testStart, limits.control());
    } catch (IllegalArgumentException e) {
      throw new StrategyEvaluationException(
          "the test part from "
              + java.time.Instant.ofEpochMilli(testStart)
              + (parameters == null ? "" : " with " + parameters)
              + ": "
              + e.getMessage());
    }
  }
}
