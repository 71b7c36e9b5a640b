package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.portfolio.PortfolioTrade;
import com.tradingbacktest.engine.sim.Trade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What {@link MonteCarlo} resamples, taken from one completed run.
 *
 * <p>A trade's return is its P&L over the equity just before it closed: {@code pnl / (equity[exit]
 * - pnl)}, with {@code equity[exit]} the curve at the trade's exit bar (which includes the P&L).
 * Compounding these returns from the initial capital gives back the run's final equity when the run
 * is flat between trades; open positions' marks and trades closing on the same bar make it an
 * approximation otherwise. A trade whose base is not positive (the account was already gone) has no
 * return and is left out.
 *
 * @param initialCapital the run's starting equity
 * @param tradeReturns each closed trade's P&L over the equity just before it closed less that P&L
 *     (the fraction of the account it made or lost), in exit order
 * @param barReturns the equity curve's simple return of every bar after the first
 * @param years the run's span in years (first to last bar), for CAGR
 * @param original the run's own final equity, max drawdown, CAGR and longest drawdown (in bars)
 */
public record MonteCarloInput(
    double initialCapital,
    double[] tradeReturns,
    double[] barReturns,
    double years,
    MonteCarloResult.Outcome original) {

  /**
   * The input of a run's equity curve and round trips, as {@code Backtest.run} returns them.
   *
   * <p>Bar returns are {@code equity[i] / equity[i - 1] - 1} (0 after the equity reached zero);
   * years are (last time - first time) / 365.25 days; the original outcome is the curve's own (its
   * drawdowns from its first bar, as the metrics measure them; CAGR from {@code initialCapital}).
   *
   * @param equity the run's equity at every bar
   * @param times the bars' times, epoch ms
   * @param trades the run's round trips
   * @throws IllegalArgumentException when the capital is not positive, there are no bars, the
   *     arrays differ in length, or a trade's exit bar is outside the curve
   */
  public static MonteCarloInput of(
      double initialCapital, double[] equity, long[] times, List<Trade> trades) {
    if (!(initialCapital > 0) || Double.isInfinite(initialCapital)) {
      throw new IllegalArgumentException("the initial capital must be positive");
    }
    if (equity.length == 0 || equity.length != times.length) {
      throw new IllegalArgumentException(
          "the run needs its equity at every bar: "
              + equity.length
              + " equity values for "
              + times.length
              + " bars");
    }
    double[] barReturns = new double[equity.length - 1];
    for (int i = 1; i < equity.length; i++) {
      barReturns[i - 1] = equity[i - 1] > 0 ? equity[i] / equity[i - 1] - 1 : 0;
    }
    List<Trade> byExit = new ArrayList<>(trades);
    byExit.sort(Comparator.comparingInt(Trade::exitIndex));
    double[] tradeReturns = new double[byExit.size()];
    int n = 0;
    for (Trade t : byExit) {
      if (t.exitIndex() < 0 || t.exitIndex() >= equity.length) {
        throw new IllegalArgumentException(
            "a trade exits at bar " + t.exitIndex() + ", outside the run's " + equity.length);
      }
      double base = equity[t.exitIndex()] - t.pnl();
      if (base > 0 && Double.isFinite(t.pnl())) {
        tradeReturns[n++] = t.pnl() / base;
      }
    }
    double years = (times[times.length - 1] - times[0]) / MILLIS_PER_YEAR;
    PathTracker tracker = new PathTracker();
    tracker.start(equity[0], Double.NEGATIVE_INFINITY);
    for (int i = 1; i < equity.length; i++) {
      tracker.step(equity[i]);
    }
    return new MonteCarloInput(
        initialCapital,
        java.util.Arrays.copyOf(tradeReturns, n),
        barReturns,
        years,
        tracker.finish(initialCapital, years));
  }

  /**
   * The input of a portfolio run ({@code PortfolioResult}'s times, equity and trades): as {@link
   * #of}, with each round trip's P&L in the base currency and its exit bar found on the portfolio's
   * calendar by its exit time (the last bar at or before it).
   *
   * @throws IllegalArgumentException as {@link #of}, or when a trade exits before the first bar
   */
  public static MonteCarloInput ofPortfolio(
      double initialCapital, double[] equity, long[] times, List<PortfolioTrade> trades) {
    List<Trade> onCalendar = new ArrayList<>(trades.size());
    for (PortfolioTrade p : trades) {
      Trade t = p.trade();
      int at = java.util.Arrays.binarySearch(times, t.exitTime());
      int exit = at >= 0 ? at : -at - 2;
      if (exit < 0) {
        throw new IllegalArgumentException("a trade exits before the portfolio's first bar");
      }
      onCalendar.add(
          new Trade(
              t.side(),
              t.quantity(),
              t.entryIndex(),
              t.entryTime(),
              t.entryPrice(),
              exit,
              t.exitTime(),
              t.exitPrice(),
              p.pnlInBase(),
              t.returnPct(),
              t.costs(),
              t.mae(),
              t.mfe(),
              t.exitReason(),
              t.funding(),
              t.borrowCost(),
              t.dividends()));
    }
    return of(initialCapital, equity, times, onCalendar);
  }

  /** Julian years, as the metrics count CAGR's time. */
  private static final double MILLIS_PER_YEAR = 365.25 * 24 * 60 * 60 * 1000;
}
