package com.tradingbacktest.engine.robust;

/**
 * Follows one equity path step by step (a Monte Carlo path, or a run's own curve): its peak, its
 * deepest drawdown, its longest time under water and whether it touched the ruin level. Drawdowns
 * are measured as the metrics measure them (docs/METRICS.md): equity back exactly at its peak has
 * recovered; a drawdown lasts from its peak's step to the step that recovers it, or to the last
 * step.
 */
final class PathTracker {
  private double ruinEquity;
  private double equity;
  private double peak;
  private double maxDrawdown;
  private int step;
  private int peakStep;
  private int longest;
  private boolean underwater;
  private boolean ruined;

  /** Starts a path at step 0 with {@code equity}. */
  void start(double equity, double ruinEquity) {
    this.ruinEquity = ruinEquity;
    this.equity = equity;
    peak = equity;
    maxDrawdown = 0;
    step = 0;
    peakStep = 0;
    longest = 0;
    underwater = false;
    ruined = equity <= ruinEquity;
  }

  /** The next step ended with {@code equity}. */
  void step(double equity) {
    step++;
    this.equity = equity;
    if (equity >= peak) {
      if (underwater) {
        longest = Math.max(longest, step - peakStep);
        underwater = false;
      }
      peak = equity;
      peakStep = step;
    } else {
      underwater = true;
      double drawdown = peak > 0 ? equity / peak - 1 : 0;
      if (drawdown < maxDrawdown) {
        maxDrawdown = drawdown;
      }
    }
    if (equity <= ruinEquity) {
      ruined = true;
    }
  }

  boolean ruined() {
    return ruined;
  }

  /** The path's summary; its CAGR is its growth from {@code capital} over {@code years}. */
  MonteCarloResult.Outcome finish(double capital, double years) {
    int longestDrawdown = underwater ? Math.max(longest, step - peakStep) : longest;
    return new MonteCarloResult.Outcome(
        equity, maxDrawdown, cagr(equity / capital, years), longestDrawdown);
  }

  /**
   * (final / initial)^(1 / years) - 1 as the metrics compute it: NaN over no time, -1 when nothing
   * is left.
   */
  static double cagr(double growth, double years) {
    if (!(years > 0)) {
      return Double.NaN;
    }
    if (growth <= 0) {
      return -1;
    }
    return Math.pow(growth, 1 / years) - 1;
  }
}
