package com.tradingbacktest.engine.indicator;

import static com.tradingbacktest.engine.indicator.TaLib.CORE;
import static com.tradingbacktest.engine.indicator.TaLib.firstAllFinite;
import static com.tradingbacktest.engine.indicator.TaLib.ofHighLowClose;
import static com.tradingbacktest.engine.indicator.TaLib.period;
import static com.tradingbacktest.engine.indicator.TaLib.run1;
import static com.tradingbacktest.engine.indicator.TaLib.sameLength;

import java.util.Arrays;

/** Volatility indicators behind {@link Indicators}; documented there. */
final class Volatility {

  private Volatility() {}

  static double[] trueRange(double[] high, double[] low, double[] close) {
    sameLength("trueRange: high, low and close", high, low, close);
    return run1(
        "trueRange",
        CORE.trueRangeLookback(),
        (s, e, b, c, o) -> CORE.trueRange(s, e, high, low, close, b, c, o[0]),
        high,
        low,
        close);
  }

  static double[] atr(double[] high, double[] low, double[] close, int length) {
    return atr("atr", high, low, close, length);
  }

  private static double[] atr(
      String name, double[] high, double[] low, double[] close, int length) {
    return ofHighLowClose(name, high, low, close, length, 1, CORE::atrLookback, CORE::atr);
  }

  /**
   * Our own division rather than TA-Lib's NATR, which in 0.4.0 returns the plain true range for
   * length 1 and divides by the wrong bar's close when asked to start after its lookback (our
   * leading-NaN case).
   */
  static double[] natr(double[] high, double[] low, double[] close, int length) {
    double[] out = atr("natr", high, low, close, length);
    for (int i = 0; i < out.length; i++) {
      out[i] = 100 * out[i] / close[i];
    }
    return out;
  }

  static double[] stddev(double[] x, int length) {
    sameLength("stddev: x", x);
    period("stddev length", length, 2);
    return sqrtInPlace(variance(x, length));
  }

  static BollingerBands bollinger(double[] x, int length, double k) {
    sameLength("bollinger: x", x);
    period("bollinger length", length, 2);
    if (!(Double.isFinite(k) && k >= 0)) {
      throw new IllegalArgumentException("bollinger k must be finite and >= 0, got " + k);
    }
    double[] middle = MovingAverages.sma(x, length);
    // The deviation goes into `upper` first so that only two more arrays are allocated.
    double[] upper = sqrtInPlace(variance(x, length));
    double[] lower = new double[x.length];
    for (int i = 0; i < upper.length; i++) {
      double width = k * upper[i];
      upper[i] = middle[i] + width;
      lower[i] = middle[i] - width;
    }
    return new BollingerBands(upper, middle, lower);
  }

  /**
   * Population variance of each window. Where every value of the window is a decimal that {@link
   * DecimalWindow} counts exactly (prices), it is computed from exact integer sums: with {@code K}
   * the values' integers at the column's scale {@code 10^d}, {@code n * sum(K^2) - sum(K)^2} is an
   * exact 128-bit integer (the window's limit keeps it below 2^126), divided once by {@code n^2 *
   * 10^2d}. So the mean inside it is exact, a flat window gives exactly 0, and windows holding the
   * same values in any order at the same scale give the same variance to the bit (the scale only
   * grows, at the first value with more places; the variance is rounded at it, the mean is not);
   * the value itself is within a few ulps (the conversion to double and the division round).
   * Elsewhere (a value that is no such decimal in the window) it is TA-Lib's VAR, whose running
   * sums of x and x^2 are what this replaces.
   *
   * <p>TA-Lib's VAR rather than STDDEV (or BBANDS, which uses the same code): those turn any
   * variance below 1e-8 into a deviation of 0, i.e. every deviation below 1e-4 in price units,
   * which erases the bands of assets priced in fractions of a cent (many crypto pairs). VAR has no
   * such threshold.
   */
  private static double[] variance(double[] x, int length) {
    int n = x.length;
    double[] out = new double[n];
    int first = firstAllFinite(x);
    int start = first + length - 1;
    if (start >= n) {
      Arrays.fill(out, Double.NaN);
      return out;
    }
    Arrays.fill(out, 0, start, Double.NaN);
    // The windows left to TA-Lib's VAR, allocated at the first one (a column of decimals has none).
    boolean[] inexact = null;
    DecimalWindow window = new DecimalWindow(x, length);
    long[] ring = new long[length];
    window.ring = ring;
    long limit = window.limit;
    double scale = window.scale;
    // n^2 * scale^2, rounded once: one division per window.
    double denominator = (double) length * length * scale * scale;
    long sum = 0;
    // sum(K^2) as an unsigned 128-bit integer: high and low words.
    long squaresHigh = 0;
    long squaresLow = 0;
    int slot = 0;
    int lastNotDecimal = first - length;
    for (int i = first; i < n; i++) {
      double v = x[i];
      double rounded = Math.rint(v * scale);
      long k = (long) rounded;
      if (!(Math.abs(rounded) <= limit && DecimalWindow.isNearest(v, rounded, scale))) {
        int decimals =
            DecimalWindow.isSurelyNotDecimal(v) ? DecimalWindow.NOT_DECIMAL : window.classify(v);
        if (decimals == DecimalWindow.NOT_FINITE) {
          // A NaN after the start poisons every later output, as TA-Lib's running sums would.
          Arrays.fill(out, i, n, Double.NaN);
          break;
        }
        if (decimals == DecimalWindow.NOT_DECIMAL) {
          k = 0;
          lastNotDecimal = i;
        } else if (decimals != window.decimals) {
          window.sum = sum;
          if (window.rescale(decimals)) {
            sum = window.sum;
            scale = window.scale;
            denominator = (double) length * length * scale * scale;
            k = (long) Math.rint(v * scale);
            // Every square grew by 100^places: recount them rather than multiply 128 bits.
            squaresHigh = 0;
            squaresLow = 0;
            for (long kj : ring) {
              long low = kj * kj;
              squaresLow += low;
              squaresHigh += Math.multiplyHigh(kj, kj) + carry(squaresLow, low);
            }
          } else {
            k = 0;
            lastNotDecimal = i;
          }
        }
      }
      long old = ring[slot];
      sum += k - old;
      long oldLow = old * old;
      long before = squaresLow;
      squaresLow -= oldLow;
      squaresHigh -=
          Math.multiplyHigh(old, old) + (Long.compareUnsigned(before, oldLow) < 0 ? 1 : 0);
      long newLow = k * k;
      squaresLow += newLow;
      squaresHigh += Math.multiplyHigh(k, k) + carry(squaresLow, newLow);
      ring[slot] = k;
      slot = slot + 1 == length ? 0 : slot + 1;
      if (i >= start) {
        if (i - lastNotDecimal >= length) {
          out[i] = exactVariance(sum, squaresHigh, squaresLow, length, denominator);
        } else {
          if (inexact == null) {
            inexact = new boolean[n];
          }
          inexact[i] = true;
        }
      }
    }
    if (inexact != null) {
      double[] taLib =
          run1(
              "variance",
              CORE.varianceLookback(length, 1.0),
              (s, e, b, c, o) -> CORE.variance(s, e, x, length, 1.0, b, c, o[0]),
              x);
      for (int i = start; i < n; i++) {
        if (inexact[i]) {
          out[i] = taLib[i];
        }
      }
    }
    return out;
  }

  /** 1 when the unsigned addition that gave {@code result} by adding {@code added} overflowed. */
  private static long carry(long result, long added) {
    return Long.compareUnsigned(result, added) < 0 ? 1 : 0;
  }

  /**
   * {@code (n * squares - sum^2) / (n^2 * scale^2)}: the numerator exactly in 128 bits (it is
   * {@code n^2} times the variance of the integers, never negative), then in double.
   */
  private static double exactVariance(
      long sum, long squaresHigh, long squaresLow, int n, double denominator) {
    // n * squares: the low word's unsigned high product is the signed one plus n when its top bit
    // is set (n >= 0).
    long low = n * squaresLow;
    long high = n * squaresHigh + Math.multiplyHigh(n, squaresLow) + (squaresLow < 0 ? n : 0);
    long a = Math.abs(sum);
    long sumLow = a * a;
    long sumHigh = Math.multiplyHigh(a, a);
    long diffLow = low - sumLow;
    long diffHigh = high - sumHigh - (Long.compareUnsigned(low, sumLow) < 0 ? 1 : 0);
    double numerator = diffHigh * 0x1p64 + unsignedToDouble(diffLow);
    return numerator / denominator;
  }

  private static double unsignedToDouble(long v) {
    return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
  }

  private static double[] sqrtInPlace(double[] variance) {
    for (int i = 0; i < variance.length; i++) {
      double v = variance[i];
      // Rounding in TA-Lib's E[x^2] - E[x]^2 can give a tiny negative for a flat window; NaN stays
      // NaN.
      variance[i] = v < 0 ? 0 : Math.sqrt(v);
    }
    return variance;
  }
}
