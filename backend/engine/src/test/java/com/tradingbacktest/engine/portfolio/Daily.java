package com.tradingbacktest.engine.portfolio;

import com.tradingbacktest.engine.series.BarColumns;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

/** Hand-written daily bars for the worked examples: one bar per date, {open, close}. */
final class Daily {

  private Daily() {}

  /**
   * Bars at local midnight UTC of {@code dates} ("2024-01-31"), {@code prices} as {open, close}.
   */
  static BarSeries bars(String symbol, MarketCalendar calendar, String[] dates, double[][] prices) {
    BarColumns bars = new BarColumns(dates.length);
    for (int i = 0; i < dates.length; i++) {
      double open = prices[i][0];
      double close = prices[i][1];
      bars.bar(i, time(dates[i]), open, Math.max(open, close), Math.min(open, close), close, 1000);
    }
    return bars.build(symbol, Interval.D1, calendar, ZoneOffset.UTC);
  }

  static long time(String date) {
    return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  static double[] weights(int n, double w) {
    double[] column = new double[n];
    Arrays.fill(column, w);
    return column;
  }
}
