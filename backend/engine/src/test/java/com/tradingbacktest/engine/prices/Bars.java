package com.tradingbacktest.engine.prices;

import com.tradingbacktest.engine.series.BarColumns;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.LocalDate;
import java.time.ZoneId;

/** Hand-made daily bars for the price tests, one row of open, high, low, close, volume a day. */
final class Bars {

  static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  private Bars() {}

  /** Daily bars at Seoul midnight of each date, in order. */
  static BarSeries daily(LocalDate[] dates, double[][] ohlcv) {
    BarColumns columns = new BarColumns(dates.length);
    for (int i = 0; i < dates.length; i++) {
      double[] b = ohlcv[i];
      columns.bar(i, midnight(dates[i]), b[0], b[1], b[2], b[3], b[4]);
    }
    return columns.build("005930", Interval.D1, MarketCalendar.STOCK, SEOUL);
  }

  /** Daily bars on consecutive dates from {@code first}. */
  static BarSeries daily(LocalDate first, double[][] ohlcv) {
    LocalDate[] dates = new LocalDate[ohlcv.length];
    for (int i = 0; i < dates.length; i++) {
      dates[i] = first.plusDays(i);
    }
    return daily(dates, ohlcv);
  }

  /** Bars whose open, high, low and close are all {@code close[i]}, volume 1. */
  static BarSeries closes(LocalDate first, double... close) {
    double[][] rows = new double[close.length][];
    for (int i = 0; i < close.length; i++) {
      rows[i] = new double[] {close[i], close[i], close[i], close[i], 1};
    }
    return daily(first, rows);
  }

  static long midnight(LocalDate date) {
    return date.atStartOfDay(SEOUL).toInstant().toEpochMilli();
  }
}
