package com.tradingbacktest.engine.portfolio;

import com.tradingbacktest.engine.series.BarSeries;
import java.util.Arrays;
import java.util.List;

/**
 * The target weights of the built-in portfolio strategies, one column per symbol aligned to its own
 * bars (NaN where the strategy has no opinion). Cross-sectional choices compare, at each time, only
 * the symbols that have a bar then (docs/ENGINE.md, "Portfolios").
 */
public final class TargetWeights {

  private TargetWeights() {}

  /** 1/N of the equity in each of the N symbols, on every bar. */
  public static double[][] equalWeight(List<BarSeries> universe) {
    double w = 1.0 / universe.size();
    double[][] weights = new double[universe.size()][];
    for (int s = 0; s < universe.size(); s++) {
      weights[s] = new double[universe.get(s).size()];
      Arrays.fill(weights[s], w);
    }
    return weights;
  }

  /**
   * Momentum rotation: at each time, the {@code top} symbols with the highest return from {@code
   * lookback} months ago to {@code skip} months ago (12-1 momentum by default) get 1/top of the
   * equity each; the other symbols with a bar then get 0, and the rest stays in cash when fewer
   * than {@code top} have a long enough history. A month is {@code barsPerYear / 12} of a symbol's
   * own bars (21 daily stock bars, 30 daily crypto bars). Ties go to the symbol listed first.
   *
   * @throws IllegalArgumentException unless 1 <= top, 0 <= skip < lookback
   */
  public static double[][] momentumRotation(
      List<BarSeries> universe, int top, int lookback, int skip) {
    if (universe.isEmpty()) {
      throw new IllegalArgumentException("momentum rotation needs at least one symbol");
    }
    if (top < 1) {
      throw new IllegalArgumentException("top must be at least 1, got " + top);
    }
    if (skip < 0 || lookback <= skip) {
      throw new IllegalArgumentException(
          "momentum needs 0 <= skip < lookback (months), got lookback "
              + lookback
              + " and skip "
              + skip);
    }
    int symbols = universe.size();
    double[][] momentum = new double[symbols][];
    double[][] weights = new double[symbols][];
    for (int s = 0; s < symbols; s++) {
      BarSeries bars = universe.get(s);
      int perMonth =
          Math.max(1, (int) Math.round(bars.calendar().barsPerYear(bars.interval()) / 12));
      momentum[s] = momentum(bars.close(), lookback * perMonth, skip * perMonth);
      weights[s] = new double[bars.size()];
    }
    long[] times = PortfolioBacktest.unionTimes(universe.stream().map(BarSeries::times).toList());
    int[] next = new int[symbols];
    int[] present = new int[symbols];
    int[] chosen = new int[Math.min(top, symbols)];
    double[] chosenMomentum = new double[chosen.length];
    double share = 1.0 / top;
    for (long t : times) {
      int count = 0;
      for (int s = 0; s < symbols; s++) {
        long[] own = universe.get(s).times();
        if (next[s] < own.length && own[next[s]] == t) {
          present[count++] = s;
        }
      }
      // The best `top` of the symbols present, by insertion into a short list sorted by
      // momentum (kept beside it, so a symbol below the last one costs one comparison).
      int picked = 0;
      for (int p = 0; p < count; p++) {
        int s = present[p];
        double m = momentum[s][next[s]];
        if (Double.isNaN(m) || (picked == chosen.length && !(m > chosenMomentum[picked - 1]))) {
          continue;
        }
        int at = picked;
        while (at > 0 && chosenMomentum[at - 1] < m) {
          at--;
        }
        int end = Math.min(picked, chosen.length - 1);
        System.arraycopy(chosen, at, chosen, at + 1, end - at);
        System.arraycopy(chosenMomentum, at, chosenMomentum, at + 1, end - at);
        chosen[at] = s;
        chosenMomentum[at] = m;
        picked = Math.min(picked + 1, chosen.length);
      }
      for (int p = 0; p < count; p++) {
        int s = present[p];
        weights[s][next[s]] = 0;
      }
      for (int c = 0; c < picked; c++) {
        weights[chosen[c]][next[chosen[c]]] = share;
      }
      for (int p = 0; p < count; p++) {
        next[present[p]]++;
      }
    }
    return weights;
  }

  /** {@code close[i - skip] / close[i - lookback] - 1}, NaN until there are enough bars. */
  static double[] momentum(double[] close, int lookback, int skip) {
    double[] m = new double[close.length];
    for (int i = 0; i < close.length; i++) {
      m[i] = i >= lookback ? close[i - skip] / close[i - lookback] - 1 : Double.NaN;
    }
    return m;
  }
}
