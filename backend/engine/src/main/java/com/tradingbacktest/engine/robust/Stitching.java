package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.metrics.AccountCharges;
import com.tradingbacktest.engine.metrics.EquityCurveStats;
import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.robust.WalkForwardResult.ParameterDrift;
import com.tradingbacktest.engine.robust.WalkForwardResult.WindowOutcome;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.Trade;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The body of {@link WalkForwardResult#stitch}: test parts joined into one run. */
final class Stitching {

  private Stitching() {}

  static long[] times(List<WindowOutcome> windows) {
    int n = 0;
    for (WindowOutcome w : windows) {
      n += w.test().times().length;
    }
    long[] times = new long[n];
    int at = 0;
    for (WindowOutcome w : windows) {
      long[] part = w.test().times();
      System.arraycopy(part, 0, times, at, part.length);
      at += part.length;
    }
    return times;
  }

  static WalkForwardResult stitch(
      List<WindowOutcome> windows, double initialCapital, StitchBasis basis) {
    Objects.requireNonNull(basis, "basis");
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("a walk-forward needs at least one window");
    }
    long[] times = times(windows);
    int n = times.length;
    for (int i = 1; i < n; i++) {
      if (times[i] <= times[i - 1]) {
        throw new IllegalArgumentException(
            "the test parts overlap or go back in time at stitched bar " + i);
      }
    }
    if (basis.close() != null && basis.close().length != n) {
      throw new IllegalArgumentException(
          basis.close().length + " closes for " + n + " stitched bars");
    }
    double[] equity = new double[n];
    boolean[] inMarket = new boolean[n];
    List<Trade> trades = new ArrayList<>();
    double commissions = 0;
    double funding = 0;
    double borrowCost = 0;
    double interest = 0;
    double dividends = 0;
    int at = 0;
    for (WindowOutcome w : windows) {
      WindowTest part = w.test();
      int length = part.times().length;
      if (part.equity().length != length) {
        throw new IllegalArgumentException(
            "window " + w.window().number() + " has " + part.equity().length + " equity values");
      }
      System.arraycopy(part.equity(), 0, equity, at, length);
      for (Trade t : part.trades()) {
        Trade moved = shifted(t, at);
        trades.add(moved);
        for (int i = moved.entryIndex(); i < moved.exitIndex(); i++) {
          inMarket[i] = true; // held at these closes: entered by or at it, left after it
        }
      }
      PerformanceMetrics m = part.metrics();
      commissions += m.commissions();
      funding += m.totalFunding();
      borrowCost += m.totalBorrowCost();
      interest += m.totalInterest();
      dividends += m.totalDividends();
      at += length;
    }
    double[] close = basis.close() != null ? basis.close() : chainedBuyAndHold(windows, n);
    EquityCurveStats curve =
        new EquityCurveStats(
            times,
            close,
            initialCapital,
            basis.calendar(),
            basis.interval(),
            basis.zone(),
            basis.riskFreeRate());
    for (int i = 0; i < n; i++) {
      curve.bar(i, equity[i], inMarket[i]);
    }
    PerformanceMetrics metrics =
        curve
            .finish(
                List.copyOf(trades),
                commissions,
                BarSeries.buyAndHoldEquity(close, initialCapital),
                new AccountCharges(funding, borrowCost, interest))
            .withTotalDividends(dividends);
    return new WalkForwardResult(
        List.copyOf(windows),
        times,
        equity,
        List.copyOf(trades),
        metrics,
        efficiency(windows, metrics.cagr()),
        drift(windows));
  }

  /**
   * Stitched CAGR over the mean in-sample CAGR of the windows that chose a combination; NaN when
   * that mean is not above 0 or either is not finite.
   */
  static double efficiency(List<WindowOutcome> windows, double outOfSampleCagr) {
    double sum = 0;
    int count = 0;
    for (WindowOutcome w : windows) {
      if (w.inSampleMetrics() != null) {
        sum += w.inSampleMetrics().cagr();
        count++;
      }
    }
    double inSample = count == 0 ? Double.NaN : sum / count;
    if (!Double.isFinite(inSample) || !(inSample > 0) || !Double.isFinite(outOfSampleCagr)) {
      return Double.NaN;
    }
    return outOfSampleCagr / inSample;
  }

  static List<ParameterDrift> drift(List<WindowOutcome> windows) {
    Set<String> names = new LinkedHashSet<>();
    windows.forEach(w -> names.addAll(w.parameters().keySet()));
    List<ParameterDrift> drift = new ArrayList<>(names.size());
    for (String name : names) {
      double[] values = new double[windows.size()];
      double sum = 0;
      int count = 0;
      int changes = 0;
      for (int k = 0; k < values.length; k++) {
        Double v = windows.get(k).parameters().get(name);
        values[k] = v == null ? Double.NaN : v;
        if (!Double.isNaN(values[k])) {
          sum += values[k];
          count++;
        }
        if (k > 0 && Double.compare(values[k], values[k - 1]) != 0) {
          changes++;
        }
      }
      double mean = count == 0 ? Double.NaN : sum / count;
      double squares = 0;
      for (double v : values) {
        if (!Double.isNaN(v)) {
          squares += (v - mean) * (v - mean);
        }
      }
      double stdev = count < 2 ? Double.NaN : Math.sqrt(squares / (count - 1));
      drift.add(new ParameterDrift(name, values, mean, stdev, changes));
    }
    return List.copyOf(drift);
  }

  /**
   * Each part's own buy-and-hold curve (from its metrics' series; flat where a part has none),
   * scaled to start where the previous part's ended.
   */
  private static double[] chainedBuyAndHold(List<WindowOutcome> windows, int n) {
    double[] out = new double[n];
    double level = 1;
    int at = 0;
    for (WindowOutcome w : windows) {
      int length = w.test().times().length;
      double[] own = w.test().metrics().buyAndHoldEquity();
      boolean usable = own != null && own.length == length && length > 0 && own[0] > 0;
      for (int i = 0; i < length; i++) {
        out[at + i] = usable ? level * (own[i] / own[0]) : level;
      }
      if (length > 0) {
        level = out[at + length - 1];
      }
      at += length;
    }
    return out;
  }

  /** {@code t} with its bar indices moved {@code by} bars later. */
  static Trade shifted(Trade t, int by) {
    return by == 0 ? t : at(t, t.entryIndex() + by, t.exitIndex() + by);
  }

  /** {@code t} with these bar indices. */
  static Trade at(Trade t, int entryIndex, int exitIndex) {
    return new Trade(
        t.side(),
        t.quantity(),
        entryIndex,
        t.entryTime(),
        t.entryPrice(),
        exitIndex,
        t.exitTime(),
        t.exitPrice(),
        t.pnl(),
        t.returnPct(),
        t.costs(),
        t.mae(),
        t.mfe(),
        t.exitReason(),
        t.funding(),
        t.borrowCost(),
        t.dividends());
  }
}
