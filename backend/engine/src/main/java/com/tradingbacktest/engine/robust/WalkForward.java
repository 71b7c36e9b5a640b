package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.lang.ParamConstraint;
import com.tradingbacktest.engine.optimize.Constraint;
import com.tradingbacktest.engine.optimize.GridSearch;
import com.tradingbacktest.engine.optimize.Objective;
import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.optimize.SweepResult;
import com.tradingbacktest.engine.optimize.ValidCombinations;
import com.tradingbacktest.engine.portfolio.PortfolioBacktest;
import com.tradingbacktest.engine.portfolio.PortfolioConfig;
import com.tradingbacktest.engine.portfolio.PortfolioLeg;
import com.tradingbacktest.engine.portfolio.PortfolioResult;
import com.tradingbacktest.engine.portfolio.PortfolioTrade;
import com.tradingbacktest.engine.robust.WalkForwardResult.WindowOutcome;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.EndPrice;
import com.tradingbacktest.engine.sim.RunControl;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.Trade;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Walk-forward optimisation of one symbol: in each window the grid is searched on the train part
 * ({@link com.tradingbacktest.engine.optimize.GridSearch} over those bars only) and the best
 * feasible combination is traded on the test part.
 */
public final class WalkForward {

  private WalkForward() {}

  /**
   * Trades {@code parameters} on bars {@code [testFrom, testTo)} of {@code bars}, starting with the
   * config's initial capital. The strategy is evaluated on the bars before {@code testTo} only, so
   * indicators warm up on the bars before the part and nothing after it is seen; no order is placed
   * before {@code testFrom}; a position open at the end is closed at the part's last close.
   *
   * <p>The run is {@link Backtest#run} over {@code bars.slice(testFrom, testTo)} with the evaluated
   * signals cut to the part ({@link Signals#slice}) and the config closing at the end at the close:
   * an order decided at bar {@code testFrom - 1}'s close is not carried into the part.
   *
   * @throws IllegalArgumentException unless {@code 0 <= testFrom < testTo <= bars.size()}
   */
  public static WindowTest test(
      CompiledStrategy strategy,
      BarSeries bars,
      BacktestConfig config,
      Map<String, Double> parameters,
      int testFrom,
      int testTo,
      EvaluationLimits limits) {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(limits, "limits");
    checkPart(bars, testFrom, testTo);
    Signals seen = strategy.signals(bars.slice(0, testTo), parameters, limits);
    Signals part = seen.slice(testFrom, testTo, config.initialCapital());
    return run(bars.slice(testFrom, testTo), part, config, limits.control());
  }

  /**
   * The test part {@code [testFrom, testTo)} without a combination: the capital stays in cash, the
   * equity flat, measured as a run over those bars.
   */
  public static WindowTest idle(BarSeries bars, BacktestConfig config, int testFrom, int testTo) {
    checkPart(bars, testFrom, testTo);
    BarSeries part = bars.slice(testFrom, testTo);
    return run(part, Signals.builder(part.size()).build(), config, RunControl.NONE);
  }

  /**
   * The portfolio counterpart of {@link #test}: trades the legs from {@code testFrom} (epoch ms)
   * on, with the config's initial capital, closing every position still open at its symbol's last
   * bar at that bar's close.
   *
   * @param legs the universe evaluated with the chosen parameters on its bars before the part's end
   *     only (bars with times before the end; their signals or weights computed from those bars),
   *     so nothing after the part is seen. Each leg is cut to its bars at or after {@code testFrom}
   *     (its signals with {@link Signals#slice}, its weights alike); a leg without bars there is
   *     left out.
   * @param config the portfolio's account, whose initial capital is the capital carried in; its FX
   *     series are used as they are (a rate at or before each time applies)
   * @return the part's run; trade bar indices count into its times (the union of the legs' part
   *     times)
   * @throws IllegalArgumentException when no leg has a bar at or after {@code testFrom}
   */
  public static WindowTest testPortfolio(
      List<PortfolioLeg> legs, PortfolioConfig config, long testFrom, RunControl control) {
    Objects.requireNonNull(config, "config");
    List<PortfolioLeg> part = new ArrayList<>(legs.size());
    for (PortfolioLeg leg : legs) {
      long[] times = leg.bars().times();
      int from = WindowPlan.atOrAfter(times, testFrom);
      int to = times.length;
      if (from >= to) {
        continue;
      }
      part.add(
          new PortfolioLeg(
              leg.symbol(),
              leg.bars().slice(from, to),
              leg.currency(),
              leg.costs(),
              leg.quantityStep(),
              leg.signals() == null ? null : leg.signals().slice(from, to, config.initialCapital()),
              leg.targetWeight() == null ? null : Arrays.copyOfRange(leg.targetWeight(), from, to),
              leg.funding(),
              leg.marketRules()));
    }
    if (part.isEmpty()) {
      throw new IllegalArgumentException(
          "no symbol of the portfolio has a bar in the test part starting at "
              + java.time.Instant.ofEpochMilli(testFrom));
    }
    PortfolioConfig closing =
        new PortfolioConfig(
            config.initialCapital(),
            config.baseCurrency(),
            config.fx(),
            config.rebalance(),
            config.zone(),
            config.fillMode(),
            config.sizing(),
            config.allowShort(),
            true,
            config.riskFreeRate(),
            config.margin(),
            EndPrice.CLOSE,
            config.pyramiding());
    PortfolioResult result = PortfolioBacktest.run(part, closing, control);
    long[] times = result.times();
    List<Trade> trades = new ArrayList<>(result.trades().size());
    for (PortfolioTrade t : result.trades()) {
      trades.add(
          Stitching.at(
              t.trade(),
              WindowPlan.atOrAfter(times, t.trade().entryTime()),
              WindowPlan.atOrAfter(times, t.trade().exitTime())));
    }
    return new WindowTest(times, result.equity(), List.copyOf(trades), result.metrics());
  }

  /**
   * Every window in order on the calling thread, capital carried (the CLI's path): the grid's valid
   * combinations ({@link ValidCombinations}, the strategy's and {@code paramConstraints}) searched
   * on each train part, the best feasible one ({@link GridSearch#rank}'s first, when feasible)
   * traded on the test part from the equity the window before ended with (the first from the
   * config's capital); a window without a feasible combination stays in cash. Progress goes to the
   * limits' control as the share of windows done.
   *
   * @throws IllegalArgumentException when a window is outside the bars, or the account is wiped out
   *     (equity at or below 0) before the last window, which then has no capital to trade
   */
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
    Objects.requireNonNull(limits, "limits");
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("a walk-forward needs at least one window");
    }
    ValidCombinations valid = ValidCombinations.of(strategy, grid, paramConstraints);
    long[] indices = valid.indices(0, valid.size());
    RunControl control = limits.control();
    List<WindowOutcome> outcomes = new ArrayList<>(windows.size());
    double capital = config.initialCapital();
    for (int k = 0; k < windows.size(); k++) {
      WalkForwardWindow w = windows.get(k);
      checkPart(bars, w.trainFrom(), w.trainTo());
      checkPart(bars, w.testFrom(), w.testTo());
      if (!(capital > 0)) {
        throw new IllegalArgumentException(
            "the account was wiped out before window " + w.number() + ": no capital to trade");
      }
      EvaluationLimits windowLimits = limits.withControl(new WindowShare(control, k, windows));
      List<SweepResult> ranked =
          GridSearch.rank(
              GridSearch.run(
                  strategy,
                  bars.slice(w.trainFrom(), w.trainTo()),
                  config,
                  grid,
                  indices,
                  objective,
                  constraints,
                  windowLimits));
      SweepResult best = ranked.isEmpty() || !ranked.get(0).feasible() ? null : ranked.get(0);
      BacktestConfig carried = config.toBuilder().initialCapital(capital).build();
      WindowTest test =
          best == null
              ? idle(bars, carried, w.testFrom(), w.testTo())
              : test(
                  strategy,
                  bars,
                  carried,
                  best.parameters(),
                  w.testFrom(),
                  w.testTo(),
                  windowLimits);
      outcomes.add(
          best == null
              ? new WindowOutcome(w, Map.of(), -1, Double.NaN, null, test)
              : new WindowOutcome(
                  w, best.parameters(), best.index(), best.score(), best.metrics(), test));
      capital = test.endEquity();
    }
    control.progress(100);
    int first = windows.get(0).testFrom();
    int last = windows.get(windows.size() - 1).testTo();
    return WalkForwardResult.stitch(
        outcomes,
        config.initialCapital(),
        StitchBasis.of(bars, first, last, config.riskFreeRate()));
  }

  private static WindowTest run(
      BarSeries part, Signals signals, BacktestConfig config, RunControl control) {
    BacktestConfig closing =
        config.toBuilder().closeAtEnd(true).closeAtEndPrice(EndPrice.CLOSE).build();
    BacktestResult result = Backtest.run(part, signals, closing, control);
    return new WindowTest(
        part.times(), result.simulation().equity(), result.simulation().trades(), result.metrics());
  }

  private static void checkPart(BarSeries bars, int from, int to) {
    if (from < 0 || from >= to || to > bars.size()) {
      throw new IllegalArgumentException(
          "the part [" + from + ", " + to + ") is outside the " + bars.size() + " bars");
    }
  }

  /** A window's grid search reporting its progress as its share of the whole walk. */
  private record WindowShare(RunControl whole, int window, List<WalkForwardWindow> windows)
      implements RunControl {
    @Override
    public void progress(int percent) {
      whole.progress((window * 100 + percent) / windows.size());
    }

    @Override
    public boolean isCancelled() {
      return whole.isCancelled();
    }

    @Override
    public void checkpoint(int atBar) {
      whole.checkpoint(atBar);
    }
  }
}
