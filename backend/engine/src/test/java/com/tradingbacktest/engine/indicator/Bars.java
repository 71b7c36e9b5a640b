package com.tradingbacktest.engine.indicator;

import java.util.Arrays;
import java.util.Random;

/** OHLCV columns for tests. */
final class Bars {

  final double[] open;
  final double[] high;
  final double[] low;
  final double[] close;
  final double[] volume;

  Bars(double[] open, double[] high, double[] low, double[] close, double[] volume) {
    this.open = open;
    this.high = high;
    this.low = low;
    this.close = close;
    this.volume = volume;
  }

  /**
   * A deterministic random walk around 100 with ~1% moves. Prices are rounded to a 0.05 tick so
   * that equal closes, highs and typical prices occur (they exercise the tie rules of OBV, MFI,
   * Aroon); high is at least max(open, close) and low at most min(open, close).
   */
  static Bars randomWalk(int n, long seed) {
    Random random = new Random(seed);
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    double last = 100;
    for (int i = 0; i < n; i++) {
      double open = tick(last * (1 + 0.002 * random.nextGaussian()));
      double close = tick(open * (1 + 0.01 * random.nextGaussian()));
      o[i] = open;
      c[i] = close;
      h[i] =
          Math.max(
              tick(Math.max(open, close) * (1 + Math.abs(0.004 * random.nextGaussian()))),
              Math.max(open, close));
      l[i] =
          Math.min(
              tick(Math.min(open, close) * (1 - Math.abs(0.004 * random.nextGaussian()))),
              Math.min(open, close));
      v[i] = 1000 + Math.floor(9000 * random.nextDouble());
      last = close;
    }
    return new Bars(o, h, l, c, v);
  }

  /** The standard data set of the tests: 300 bars, fixed seed. */
  static Bars standard() {
    return randomWalk(300, 20240607L);
  }

  private static double tick(double price) {
    return Math.round(price * 20) / 20.0;
  }

  int size() {
    return close.length;
  }

  /** The bars from {@code from} on, as if the data began there. */
  Bars from(int from) {
    return new Bars(
        range(open, from, size()),
        range(high, from, size()),
        range(low, from, size()),
        range(close, from, size()),
        range(volume, from, size()));
  }

  /** The first {@code count} bars. */
  Bars head(int count) {
    return new Bars(
        range(open, 0, count),
        range(high, 0, count),
        range(low, 0, count),
        range(close, 0, count),
        range(volume, 0, count));
  }

  /** A copy whose first {@code count} values are NaN in every column. */
  Bars withLeadingNaN(int count) {
    return new Bars(
        nanHead(open, count),
        nanHead(high, count),
        nanHead(low, count),
        nanHead(close, count),
        nanHead(volume, count));
  }

  static double[] nanHead(double[] x, int count) {
    double[] copy = x.clone();
    Arrays.fill(copy, 0, count, Double.NaN);
    return copy;
  }

  private static double[] range(double[] x, int from, int to) {
    return Arrays.copyOfRange(x, from, to);
  }
}
