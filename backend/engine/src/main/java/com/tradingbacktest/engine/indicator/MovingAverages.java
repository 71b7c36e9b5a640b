package com.tradingbacktest.engine.indicator;

import static com.tradingbacktest.engine.indicator.TaLib.CORE;
import static com.tradingbacktest.engine.indicator.TaLib.firstAllFinite;
import static com.tradingbacktest.engine.indicator.TaLib.ofColumn;
import static com.tradingbacktest.engine.indicator.TaLib.period;
import static com.tradingbacktest.engine.indicator.TaLib.sameLength;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/** Moving averages behind {@link Indicators}; documented there. */
final class MovingAverages {

  private MovingAverages() {}

  /**
   * TA-Lib's SMA ({@code TA_INT_SMA}) operation for operation, so the same to the last bit, but
   * written straight into the bar-aligned column: through {@link TaLib#run1} the packed output then
   * moves into place ({@link TaLib#align}), a second pass over the column that cost about a fifth
   * of the SMA on a million bars.
   */
  static double[] sma(double[] x, int length) {
    if (length == 1) {
      return average("sma", x, length, CORE::smaLookback, CORE::sma);
    }
    sameLength("sma: x", x);
    period("sma length", length, 1);
    int n = x.length;
    double[] out = new double[n];
    int first = firstAllFinite(x);
    // TA-Lib's first output: the first bar with `length` finite values behind it (run1's start).
    int start = first + length - 1;
    if (start >= n) {
      Arrays.fill(out, Double.NaN);
      return out;
    }
    Arrays.fill(out, 0, start, Double.NaN);
    // The same running sum as TA_INT_SMA, in the same order: the window's first length - 1
    // values, then per output add the newest, keep that total, drop the oldest, divide the kept
    // total by the length.
    double total = 0;
    for (int i = first; i < start; i++) {
      total += x[i];
    }
    int trailing = first;
    for (int i = start; i < n; i++) {
      total += x[i];
      double windowSum = total;
      total -= x[trailing++];
      out[i] = windowSum / length;
    }
    return out;
  }

  static double[] ema(double[] x, int length) {
    return average("ema", x, length, CORE::emaLookback, CORE::ema);
  }

  /**
   * Wilder's smoothing (RMA, SMMA): the first output is the mean of the first {@code length} values
   * from the first finite one, added up in order as TA-Lib's SMA does; then each output is {@code
   * prev + (x - prev) / length}. This is the average inside TA-Lib's RSI and ATR (they write the
   * step as {@code (prev * (length - 1) + x) / length}, which can differ in the last bit). A
   * missing value after the start makes every later output missing, as in TA-Lib's averages.
   */
  static double[] rma(double[] x, int length) {
    sameLength("rma: x", x);
    period("rma length", length, 1);
    if (length == 1) {
      return x.clone(); // prev + (x - prev) / 1 need not give x's bits back
    }
    int n = x.length;
    double[] out = new double[n];
    Arrays.fill(out, Double.NaN);
    int first = firstAllFinite(x);
    int start = first + length - 1;
    if (start >= n) {
      return out;
    }
    double total = 0;
    for (int i = first; i <= start; i++) {
      total += x[i];
    }
    double prev = total / length;
    out[start] = prev;
    for (int i = start + 1; i < n; i++) {
      prev = prev + (x[i] - prev) / length;
      out[i] = prev;
    }
    return out;
  }

  static double[] wma(double[] x, int length) {
    return average("wma", x, length, CORE::wmaLookback, CORE::wma);
  }

  static double[] dema(double[] x, int length) {
    return average("dema", x, length, CORE::demaLookback, CORE::dema);
  }

  static double[] tema(double[] x, int length) {
    return average("tema", x, length, CORE::temaLookback, CORE::tema);
  }

  static double[] kama(double[] x, int length) {
    return ofColumn("kama", x, length, 2, CORE::kamaLookback, CORE::kama);
  }

  /** An average defined from length 1, where it is the input itself (documented as a copy). */
  private static double[] average(
      String name, double[] x, int length, IntUnaryOperator lookback, TaLib.OfColumn function) {
    if (length == 1) {
      sameLength(name + ": x", x);
      return x.clone();
    }
    return ofColumn(name, x, length, 1, lookback, function);
  }
}
