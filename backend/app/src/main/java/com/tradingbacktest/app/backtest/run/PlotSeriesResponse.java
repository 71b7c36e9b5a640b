package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.common.web.NullableValues;
import com.tradingbacktest.engine.lang.Plot;
import com.tradingbacktest.engine.series.Downsampling;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Plotted series of a run over a time range, downsampled to a point budget on one shared time axis.
 *
 * @param time bar open times, epoch ms, shared by every series
 * @param series the chosen plots in declaration order
 * @param totalPoints bars in the range before downsampling
 */
@Schema(description = "Plotted series, parallel to time; time is epoch milliseconds")
record PlotSeriesResponse(
    @Schema(example = "[1092873600000, 1092960000000]") long[] time,
    List<Series> series,
    @Schema(example = "2517") int totalPoints) {

  /**
   * {@code plots} over the bars at {@code times} within {@code [fromTime, toTime]}, downsampled to
   * {@code points}: each bucket keeps its first and last bar and the bars of every plot's lowest
   * and highest value, so peaks survive any zoom.
   */
  static PlotSeriesResponse of(
      long[] times, List<Plot> plots, long fromTime, long toTime, int points) {
    double[][] columns = plots.stream().map(Plot::values).toArray(double[][]::new);
    int[] range = Downsampling.range(times, fromTime, toTime);
    int[] keep = Downsampling.indices(range[0], range[1], points, columns);
    long[] time = new long[keep.length];
    for (int k = 0; k < keep.length; k++) {
      time[k] = times[keep[k]];
    }
    List<Series> series = new ArrayList<>(plots.size());
    for (Plot p : plots) {
      Double[] values = new Double[keep.length];
      for (int k = 0; k < keep.length; k++) {
        double v = p.values()[keep[k]];
        values[k] = Double.isNaN(v) ? null : v; // JSON has no NaN: na is null
      }
      series.add(new Series(p.title(), p.color(), p.style(), p.pane(), values));
    }
    return new PlotSeriesResponse(time, series, range[1] - range[0]);
  }

  /**
   * One plot's values at the kept bars.
   *
   * @param values one per entry of {@code time}; null where the series is na (its warm-up)
   */
  @Schema(name = "PlotSeries")
  record Series(
      @Schema(example = "SMA fast") String title,
      @Schema(nullable = true, example = "#1f77b4") String color,
      @Schema(allowableValues = {"line", "step", "histogram"}) String style,
      @Schema(allowableValues = {"price", "lower"}) String pane,
      @Schema(description = "Parallel to time; null where the series is na (its warm-up)")
          @NullableValues
          Double[] values) {}
}
