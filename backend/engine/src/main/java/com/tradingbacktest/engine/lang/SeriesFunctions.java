package com.tradingbacktest.engine.lang;

import java.util.function.DoubleUnaryOperator;

/**
 * Column functions of the language that TA-Lib does not provide. NaN in means NaN (or false) out.
 */
final class SeriesFunctions {

  private SeriesFunctions() {}

  static double[] change(double[] x, int length) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = i >= length ? x[i] - x[i - length] : Double.NaN;
    }
    return out;
  }

  /** x[i] > x[i-k] for every k in 1..length; false when any of them is NaN. */
  static boolean[] rising(double[] x, int length) {
    return beatsWindow(x, length, true);
  }

  /** x[i] < x[i-k] for every k in 1..length; false when any of them is NaN. */
  static boolean[] falling(double[] x, int length) {
    return beatsWindow(x, length, false);
  }

  /**
   * Compares each value with the extreme of the {@code length} values before it, in O(n) with a
   * monotonic deque of indices (so a long length costs no more than a short one).
   */
  private static boolean[] beatsWindow(double[] x, int length, boolean above) {
    int n = x.length;
    boolean[] out = new boolean[n];
    int[] deque = new int[n];
    int head = 0;
    int tail = 0;
    int lastNaN = -1;
    for (int i = 0; i < n; i++) {
      // The window is x[i-length .. i-1]; drop indices that left it.
      while (head < tail && deque[head] < i - length) {
        head++;
      }
      if (i >= length && lastNaN < i - length && !Double.isNaN(x[i]) && head < tail) {
        double extreme = x[deque[head]];
        out[i] = above ? x[i] > extreme : x[i] < extreme;
      }
      if (Double.isNaN(x[i])) {
        lastNaN = i;
      } else {
        while (head < tail && (above ? x[deque[tail - 1]] <= x[i] : x[deque[tail - 1]] >= x[i])) {
          tail--;
        }
        deque[tail++] = i;
      }
    }
    return out;
  }

  static double[] barssince(boolean[] condition) {
    double[] out = new double[condition.length];
    int last = -1;
    for (int i = 0; i < condition.length; i++) {
      if (condition[i]) {
        last = i;
      }
      out[i] = last < 0 ? Double.NaN : i - last;
    }
    return out;
  }

  /** The source value at the {@code occurrence}-th most recent bar where the condition held. */
  static double[] valuewhen(boolean[] condition, double[] source, int occurrence) {
    double[] out = new double[condition.length];
    double[] ring = new double[occurrence + 1];
    int seen = 0;
    for (int i = 0; i < condition.length; i++) {
      if (condition[i]) {
        ring[seen % ring.length] = source[i];
        seen++;
      }
      out[i] = seen > occurrence ? ring[(seen - 1 - occurrence) % ring.length] : Double.NaN;
    }
    return out;
  }

  static double[] nz(double[] x, double replacement) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = Double.isNaN(x[i]) ? replacement : x[i];
    }
    return out;
  }

  static double[] map(double[] x, DoubleUnaryOperator f) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = f.applyAsDouble(x[i]);
    }
    return out;
  }

  static double[] min(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = Math.min(a[i], b[i]); // Math.min propagates NaN
    }
    return out;
  }

  static double[] max(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = Math.max(a[i], b[i]);
    }
    return out;
  }

  static double[] pow(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = Math.pow(a[i], b[i]);
    }
    return out;
  }
}
