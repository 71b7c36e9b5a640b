package com.tradingbacktest.engine.indicator;

/**
 * Rolling extremes behind {@link Indicators}; documented there. Own code rather than TA-Lib's
 * MAX/MIN because a monotonic deque is O(n) whatever the data, and a window that holds a NaN can
 * simply say so.
 */
final class Rolling {

  private Rolling() {}

  static double[] highest(double[] x, int length) {
    return extreme("highest", x, length, true);
  }

  static double[] lowest(double[] x, int length) {
    return extreme("lowest", x, length, false);
  }

  /**
   * Keeps the indices of the window's candidates in a ring buffer, oldest first, with values
   * strictly decreasing (for the maximum): a value that a newer, at-least-as-extreme value follows
   * can never be the extreme again, so it is dropped. Each index enters and leaves once.
   */
  private static double[] extreme(String name, double[] x, int length, boolean max) {
    TaLib.sameLength(name + ": x", x);
    if (length < 1) {
      throw new IllegalArgumentException(name + " length must be >= 1, got " + length);
    }
    int n = x.length;
    double[] out = new double[n];
    int capacity = Math.min(length, n);
    int[] ring = new int[capacity];
    int head = 0;
    int size = 0;
    int lastNaN = -1;
    for (int i = 0; i < n; i++) {
      if (size > 0 && ring[head] <= i - length) {
        head = head + 1 == capacity ? 0 : head + 1;
        size--;
      }
      double v = x[i];
      if (Double.isNaN(v)) {
        lastNaN = i;
      } else {
        while (size > 0) {
          int tail = head + size - 1;
          double last = x[ring[tail >= capacity ? tail - capacity : tail]];
          if (max ? last > v : last < v) {
            break;
          }
          size--;
        }
        int slot = head + size;
        ring[slot >= capacity ? slot - capacity : slot] = i;
        size++;
      }
      // Covers the warm-up too: with lastNaN = -1 this holds from i = length - 1.
      out[i] = i - lastNaN >= length ? x[ring[head]] : Double.NaN;
    }
    return out;
  }
}
