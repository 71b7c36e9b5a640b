package com.tradingbacktest.engine.sim;

import com.tradingbacktest.engine.series.BarColumns;
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
    BarColumns bars = new BarColumns(rows.length);
    for (int i = 0; i < rows.length; i++) {
      bars.bar(i, START + i * DAY, rows[i][0], rows[i][1], rows[i][2], rows[i][3], 1000);
    }
    return bars.build("TEST", Interval.D1, MarketCalendar.CRYPTO, ZoneOffset.UTC);
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
