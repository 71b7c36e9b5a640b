package com.tradingbacktest.engine.indicator;

import java.util.Objects;

/**
 * Bars at which one series crosses another. A cross at bar {@code i} compares bars {@code i - 1}
 * and {@code i}; all four values must be finite, so bar 0, the warm-up of an indicator and any bar
 * next to a NaN are never crosses. Touching counts as the "before" side: {@code a} going 1, 2, 3
 * against a constant 2 crosses over at the third bar, and 1, 2, 1 never crosses.
 */
public final class Crosses {

  private Crosses() {}

  /**
   * True at {@code i} when {@code a[i] > b[i]} and {@code a[i - 1] <= b[i - 1]}, all four finite.
   *
   * @param a the series that crosses, aligned with the bars
   * @param b the series crossed, the same length as {@code a}
   * @return one flag per bar, the length of the inputs
   * @throws IllegalArgumentException if the lengths differ
   */
  public static boolean[] crossover(double[] a, double[] b) {
    checkLengths("crossover", a, b);
    return crossesAbove(a, b);
  }

  /**
   * True at {@code i} when {@code a[i] < b[i]} and {@code a[i - 1] >= b[i - 1]}, all four finite.
   *
   * @param a the series that crosses, aligned with the bars
   * @param b the series crossed, the same length as {@code a}
   * @return one flag per bar, the length of the inputs
   * @throws IllegalArgumentException if the lengths differ
   */
  public static boolean[] crossunder(double[] a, double[] b) {
    checkLengths("crossunder", a, b);
    return crossesAbove(b, a); // a falling below b is b rising above a
  }

  /** {@code x[i] > y[i]} after {@code x[i - 1] <= y[i - 1]}, all four finite. */
  private static boolean[] crossesAbove(double[] x, double[] y) {
    int n = x.length;
    boolean[] out = new boolean[n];
    if (n == 0) {
      return out;
    }
    // Each bar's "at or below" is kept for the next as an int, and the two comparisons combine
    // without a branch: the one branch left is taken only at a cross (a few bars in a hundred),
    // where "curX > curY && prevX <= prevY" branched on comparisons that flip at every cross.
    int wasAtOrBelow = x[0] <= y[0] ? 1 : 0;
    for (int i = 1; i < n; i++) {
      double curX = x[i];
      double curY = y[i];
      int above = curX > curY ? 1 : 0;
      if ((above & wasAtOrBelow) != 0) {
        out[i] = allFinite(x[i - 1], y[i - 1], curX, curY);
      }
      wasAtOrBelow = curX <= curY ? 1 : 0;
    }
    return out;
  }

  /**
   * True at {@code i} when {@code a[i] > b} and {@code a[i - 1] <= b}, both bars finite (e.g. RSI
   * crossing above 30). A non-finite {@code b} gives no crosses.
   *
   * @return one flag per bar, the length of {@code a}
   */
  public static boolean[] crossover(double[] a, double b) {
    return crossesLevel("crossover", a, b, true);
  }

  /**
   * True at {@code i} when {@code a[i] < b} and {@code a[i - 1] >= b}, both bars finite (e.g. RSI
   * crossing below 70). A non-finite {@code b} gives no crosses.
   *
   * @return one flag per bar, the length of {@code a}
   */
  public static boolean[] crossunder(double[] a, double b) {
    return crossesLevel("crossunder", a, b, false);
  }

  /**
   * {@code a} crossing the constant {@code level}: upwards ({@code a[i] > level} after {@code a[i -
   * 1] <= level}) or downwards (the mirror image), both bars finite.
   */
  private static boolean[] crossesLevel(String name, double[] a, double level, boolean upwards) {
    Objects.requireNonNull(a, name + ": a");
    boolean[] out = new boolean[a.length];
    if (!Double.isFinite(level)) {
      return out;
    }
    for (int i = 1; i < a.length; i++) {
      double prev = a[i - 1];
      double cur = a[i];
      // `upwards` is the same on every bar: a branch always predicted, which C2 may also unswitch.
      boolean crossed = upwards ? cur > level && prev <= level : cur < level && prev >= level;
      out[i] = crossed && Double.isFinite(prev) && Double.isFinite(cur);
    }
    return out;
  }

  private static boolean allFinite(double a, double b, double c, double d) {
    return Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d);
  }

  private static void checkLengths(String name, double[] a, double[] b) {
    Objects.requireNonNull(a, name + ": a");
    Objects.requireNonNull(b, name + ": b");
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          name + ": a and b must have the same length, got " + a.length + " and " + b.length);
    }
  }
}
