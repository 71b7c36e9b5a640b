package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.sim.Trade;
import java.util.List;

/**
 * What {@link MonteCarlo} resamples, taken from one completed run.
 *
 * @param initialCapital the run's starting equity
 * @param tradeReturns each closed trade's P&L over the equity just before it closed less that P&L
 *     (the fraction of the account it made or lost), in exit order
 * @param barReturns the equity curve's simple return of every bar after the first
 * @param years the run's span in years (first to last bar), for CAGR
 * @param original the run's own final equity, max drawdown, CAGR and longest drawdown (in bars)
 */
@SuppressWarnings("DoNotCallSuggester") // a skeleton until its lane builds it
public record MonteCarloInput(
    double initialCapital,
    double[] tradeReturns,
    double[] barReturns,
    double years,
    MonteCarloResult.Outcome original) {

  /**
   * The input of a run's equity curve and round trips.
   *
   * @param equity the run's equity at every bar
   * @param times the bars' times, epoch ms
   * @param trades the run's round trips
   */
  public static MonteCarloInput of(
      double initialCapital, double[] equity, long[] times, List<Trade> trades) {
    throw new UnsupportedOperationException("skeleton: built by the statistics lane");
  }
}
