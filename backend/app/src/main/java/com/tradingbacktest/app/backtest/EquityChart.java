package com.tradingbacktest.app.backtest;

import com.tradingbacktest.engine.series.Downsampling;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Equity, drawdown and buy-and-hold for a chart: the bars of a time range, downsampled to a point
 * budget by keeping each bucket's first, last, lowest and highest equity and drawdown, so peaks and
 * the deepest drawdown survive any zoom level.
 *
 * @param time bar open times, epoch ms
 * @param totalPoints bars in the range before downsampling
 */
@Schema(description = "Chart series, parallel arrays; time is epoch milliseconds")
public record EquityChart(
    long[] time, double[] equity, double[] drawdown, double[] buyAndHold, int totalPoints) {

  public static EquityChart of(RunSeries series, long fromTime, long toTime, int budget) {
    int[] range = Downsampling.range(series.times(), fromTime, toTime);
    double[] drawdown = series.drawdown();
    int[] keep = Downsampling.indices(range[0], range[1], budget, series.equity(), drawdown);
    long[] time = new long[keep.length];
    double[] equity = new double[keep.length];
    double[] dd = new double[keep.length];
    double[] benchmark = new double[keep.length];
    for (int k = 0; k < keep.length; k++) {
      int i = keep[k];
      time[k] = series.times()[i];
      equity[k] = series.equity()[i];
      dd[k] = drawdown[i];
      benchmark[k] = series.benchmark()[i];
    }
    return new EquityChart(time, equity, dd, benchmark, range[1] - range[0]);
  }

  public static EquityChart of(RunSeries series, int budget) {
    return of(series, Long.MIN_VALUE, Long.MAX_VALUE, budget);
  }
}
