package com.tradingbacktest.engine.portfolio;

import com.tradingbacktest.engine.series.BarColumns;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.LocalDate;
import java.time.ZoneId;

/** Hand-written KRX daily bars: rows of {open, high, low, close}, one per day from a date. */
final class Krx {

  static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  private Krx() {}

  /** Daily bars in Seoul from {@code first}, one calendar day apart. */
  static BarSeries daily(String first, double[]... rows) {
    return bars(first, Interval.D1, rows);
  }

  static BarSeries bars(String first, Interval interval, double[]... rows) {
    BarColumns bars = new BarColumns(rows.length);
    long start = LocalDate.parse(first).atStartOfDay(SEOUL).toInstant().toEpochMilli();
    long step = interval == Interval.D1 ? 86_400_000L : interval.duration().toMillis();
    for (int i = 0; i < rows.length; i++) {
      bars.bar(i, start + i * step, rows[i][0], rows[i][1], rows[i][2], rows[i][3], 1000);
    }
    return bars.build("005930", interval, MarketCalendar.STOCK, SEOUL);
  }

  static double[] row(double open, double high, double low, double close) {
    return new double[] {open, high, low, close};
  }

  /** A bar that opened, stayed and closed at {@code price}. */
  static double[] flat(double price) {
    return row(price, price, price, price);
  }

  static boolean[] at(int n, int... bars) {
    boolean[] column = new boolean[n];
    for (int b : bars) {
      column[b] = true;
    }
    return column;
  }
}
