package com.tradingbacktest.app.analytics;

import com.tradingbacktest.app.backtest.RunSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.ZoneId;

/**
 * The equity points a run's return histogram and rolling Sharpe measure returns between. A daily or
 * weekly run uses every bar, so its figures are those of its metrics. An intraday run uses the
 * close of each day in the symbol's zone: a minute's return is mostly noise and a million of them
 * make a spike at zero, while a day is what traders compare.
 *
 * @param period {@code bar} or {@code day}
 * @param times the points' bar open times, epoch ms (for a day, its last bar's)
 * @param equity equity at each point
 * @param periodsPerYear the annualisation of docs/METRICS.md for the period: bars per year of the
 *     interval, or trading days per year (252 stocks, 365 crypto) for days
 */
record ReturnSeries(String period, long[] times, double[] equity, double periodsPerYear) {

  static ReturnSeries of(
      RunSeries series, Interval interval, ZoneId zone, MarketCalendar calendar) {
    if (!interval.isIntraday()) {
      return new ReturnSeries(
          "bar", series.times(), series.equity(), calendar.barsPerYear(interval));
    }
    int[] last = AnalyticsMath.lastBarOfEachDay(series.times(), zone);
    long[] times = new long[last.length];
    double[] equity = new double[last.length];
    for (int k = 0; k < last.length; k++) {
      times[k] = series.times()[last[k]];
      equity[k] = series.equity()[last[k]];
    }
    return new ReturnSeries("day", times, equity, calendar.tradingDaysPerYear());
  }

  /** Return {@code j} goes from point {@code j} to point {@code j + 1}. */
  double[] returns() {
    return AnalyticsMath.simpleReturns(equity);
  }

  /** A quarter of a year of periods: 63 stock days, 91 crypto days, 13 weeks. */
  int defaultWindow() {
    return Math.max(2, (int) Math.round(periodsPerYear / 4));
  }
}
