package com.tradingbacktest.engine.sim;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.ZoneOffset;

/**
 * Small hand-written bar series for tests: rows of {open, high, low, close}, one per day from
 * 2024-01-01.
 */
final class Bars {

  static final long DAY = 86_400_000L;
  static final long START = 1_704_067_200_000L; // 2024-01-01T00:00Z

  private Bars() {}

  static BarSeries of(double[]... rows) {
    int n = rows.length;
    long[] t = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = START + i * DAY;
      o[i] = rows[i][0];
      h[i] = rows[i][1];
      l[i] = rows[i][2];
      c[i] = rows[i][3];
      v[i] = 1000;
    }
    return BarSeries.of(
        "TEST", Interval.D1, MarketCalendar.CRYPTO, ZoneOffset.UTC, t, o, h, l, c, v);
  }

  /** Flat bars: open = high = low = close = price. */
  static BarSeries flat(double... prices) {
    double[][] rows = new double[prices.length][];
    for (int i = 0; i < prices.length; i++) {
      rows[i] = new double[] {prices[i], prices[i], prices[i], prices[i]};
    }
    return of(rows);
  }

  static double[] row(double open, double high, double low, double close) {
    return new double[] {open, high, low, close};
  }

  /** A boolean column true at the given bars. */
  static boolean[] at(int n, int... bars) {
    boolean[] column = new boolean[n];
    for (int b : bars) {
      column[b] = true;
    }
    return column;
  }

  static double[] nan(int n) {
    double[] column = new double[n];
    java.util.Arrays.fill(column, Double.NaN);
    return column;
  }
}
