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
   * The mean of each window of {@code length} values, exact for decimals: see {@link
   * DecimalWindow}. Written straight into the bar-aligned column (TA-Lib's packed output moved into
   * place would be a second pass over it).
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
    // The first output: the first bar with `length` finite values behind it, as TA-Lib's.
    int start = first + length - 1;
    if (start >= n) {
      Arrays.fill(out, Double.NaN);
      return out;
    }
    Arrays.fill(out, 0, start, Double.NaN);
    DecimalWindow window = new DecimalWindow(x, length);
    // The window's integers as doubles, summed in double: exact while length * |K| <= 2^52.
    double[] ring = new double[length];
    double limit = window.narrowLimit;
    double scale = window.scale;
    double divisor = window.divisorDouble;
    double sum = 0;
    int slot = 0;
    // No value outside the window yet: the ring's zeros stand for the bars before `first`.
    int lastNotDecimal = first - length;
    // The compensated sum of the windows that hold a value not counted (Neumaier), in locals: a
    // column of computed values (an RSI, a ratio) takes this path at every bar.
    boolean compensating = false;
    double compensatedSum = 0;
    double compensation = 0;
    for (int i = first; i < n; i++) {
      double v = x[i];
      double k = Math.rint(v * scale);
      if (compensating && DecimalWindow.isSurelyNotDecimal(v)) {
        // Among computed values (an RSI, a ratio) the cheaper test first.
        k = 0;
        lastNotDecimal = i;
      } else if (!(Math.abs(k) <= limit && DecimalWindow.isNearest(v, k, scale))) {
        int decimals =
            DecimalWindow.isSurelyNotDecimal(v) ? DecimalWindow.NOT_DECIMAL : window.classify(v);
        if (decimals == DecimalWindow.NOT_FINITE) {
          // A NaN after the start poisons every later output, as a running sum would.
          Arrays.fill(out, i, n, Double.NaN);
          return out;
        }
        if (decimals == DecimalWindow.NOT_DECIMAL) {
          k = 0;
          lastNotDecimal = i;
        } else {
          double newScale = DecimalWindow.scale(decimals);
          double factor = newScale / scale; // both powers of ten up to 1e8: exact
          double newK = Math.rint(v * newScale);
          double largest = Math.abs(newK);
          if (factor != 1) {
            for (double r : ring) {
              largest = Math.max(largest, Math.abs(r) * factor);
            }
          }
          if (largest > limit) {
            // Beyond the double sum's reach: the rest of the column in long (a compensated window
            // is summed afresh there: its running sum stays here).
            return wideSma(window, out, i, start, ring, sum, slot, lastNotDecimal);
          }
          if (factor != 1) {
            for (int j = 0; j < length; j++) {
              ring[j] *= factor;
            }
            sum *= factor;
            window.setDecimals(decimals);
            scale = newScale;
            divisor = window.divisorDouble;
          }
          k = newK;
        }
      }
      sum += k - ring[slot];
      ring[slot] = k;
      slot = slot + 1 == length ? 0 : slot + 1;
      if (i >= start) {
        if (i - lastNotDecimal >= length) {
          out[i] = sum / divisor;
          compensating = false;
        } else {
          if (compensating) {
            // Neumaier's update: the newest value in, the leaving one out, each rounding error
            // kept in the compensation.
            double t = compensatedSum + v;
            compensation +=
                Math.abs(compensatedSum) >= Math.abs(v)
                    ? (compensatedSum - t) + v
                    : (v - t) + compensatedSum;
            compensatedSum = t;
            double leaving = -x[i - length];
            t = compensatedSum + leaving;
            compensation +=
                Math.abs(compensatedSum) >= Math.abs(leaving)
                    ? (compensatedSum - t) + leaving
                    : (leaving - t) + compensatedSum;
            compensatedSum = t;
          } else {
            // The previous window was exact: sum this one afresh.
            compensatedSum = 0;
            compensation = 0;
            for (int j = i - length + 1; j <= i; j++) {
              double w = x[j];
              double t = compensatedSum + w;
              compensation +=
                  Math.abs(compensatedSum) >= Math.abs(w)
                      ? (compensatedSum - t) + w
                      : (w - t) + compensatedSum;
              compensatedSum = t;
            }
            compensating = true;
          }
          out[i] = (compensatedSum + compensation) / length;
        }
      }
    }
    return out;
  }

  /**
   * {@link #sma} from bar {@code from} on with the integers in {@code long}: for windows whose
   * integer sum may pass 2^53 (large prices with many decimals over a long window), divided by
   * {@link DecimalWindow#mean}, which stays correctly rounded beyond 2^53.
   */
  private static double[] wideSma(
      DecimalWindow window,
      double[] out,
      int from,
      int start,
      double[] narrowRing,
      double narrowSum,
      int slot,
      int lastNotDecimal) {
    double[] x = window.x;
    int length = window.length;
    int n = x.length;
    long[] ring = new long[length];
    for (int j = 0; j < length; j++) {
      ring[j] = (long) narrowRing[j];
    }
    window.ring = ring;
    long limit = window.limit;
    double scale = window.scale;
    long sum = (long) narrowSum;
    boolean compensating = false;
    for (int i = from; i < n; i++) {
      double v = x[i];
      double rounded = Math.rint(v * scale);
      long k = (long) rounded;
      if (!(Math.abs(rounded) <= limit && DecimalWindow.isNearest(v, rounded, scale))) {
        int decimals =
            DecimalWindow.isSurelyNotDecimal(v) ? DecimalWindow.NOT_DECIMAL : window.classify(v);
        if (decimals == DecimalWindow.NOT_FINITE) {
          Arrays.fill(out, i, n, Double.NaN);
          return out;
        }
        if (decimals == DecimalWindow.NOT_DECIMAL) {
          k = 0;
          lastNotDecimal = i;
        } else if (decimals != window.decimals) {
          window.sum = sum;
          if (window.rescale(decimals)) {
            sum = window.sum;
            scale = window.scale;
            k = (long) Math.rint(v * scale);
          } else {
            k = 0;
            lastNotDecimal = i;
          }
        }
      }
      sum += k - ring[slot];
      ring[slot] = k;
      slot = slot + 1 == length ? 0 : slot + 1;
      if (i >= start) {
        if (i - lastNotDecimal >= length) {
          out[i] = window.mean(sum);
          compensating = false;
        } else {
          out[i] = window.compensatedMean(i, compensating);
          compensating = true;
        }
      }
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
