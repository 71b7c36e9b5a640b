package com.tradingbacktest.app.backtest;

import com.tradingbacktest.app.common.web.NullableValues;
import com.tradingbacktest.engine.series.Downsampling;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Equity, drawdown and buy-and-hold for a chart: the bars of a time range, downsampled to a point
 * budget by keeping each bucket's first, last, lowest and highest equity and drawdown (and
 * benchmark equity, when the run has a benchmark), so peaks and the deepest drawdown survive any
 * zoom level.
 *
 * @param time bar open times, epoch ms
 * @param benchmarkEquity the run's benchmark symbol rebased to its initial capital, parallel to
 *     {@code time}; null entries before the benchmark's first bar; null when the run has none
 * @param totalPoints bars in the range before downsampling
 */
@Schema(description = "Chart series, parallel arrays; time is epoch milliseconds")
public record EquityChart(
    long[] time,
    double[] equity,
    double[] drawdown,
    double[] buyAndHold,
    @Schema(
            nullable = true,
            description =
                "The benchmark symbol's equity rebased to the initial capital; null entries before"
                    + " its first bar; null without a benchmark")
        @NullableValues
        List<Double> benchmarkEquity,
    int totalPoints) {

  public static EquityChart of(RunSeries series, long fromTime, long toTime, int budget) {
    int[] range = Downsampling.range(series.times(), fromTime, toTime);
    double[] drawdown = series.drawdown();
    double[] rebased = series.benchmarkEquity();
    int[] keep =
        rebased == null
            ? Downsampling.indices(range[0], range[1], budget, series.equity(), drawdown)
            : Downsampling.indices(range[0], range[1], budget, series.equity(), drawdown, rebased);
    long[] time = new long[keep.length];
    double[] equity = new double[keep.length];
    double[] dd = new double[keep.length];
    double[] buyAndHold = new double[keep.length];
    List<Double> benchmarkEquity = rebased == null ? null : new ArrayList<>(keep.length);
    for (int k = 0; k < keep.length; k++) {
      int i = keep[k];
      time[k] = series.times()[i];
      equity[k] = series.equity()[i];
      dd[k] = drawdown[i];
      buyAndHold[k] = series.benchmark()[i];
      if (benchmarkEquity != null) {
        benchmarkEquity.add(Double.isFinite(rebased[i]) ? rebased[i] : null);
      }
    }
    return new EquityChart(time, equity, dd, buyAndHold, benchmarkEquity, range[1] - range[0]);
  }

  public static EquityChart of(RunSeries series, int budget) {
    return of(series, Long.MIN_VALUE, Long.MAX_VALUE, budget);
  }
}
