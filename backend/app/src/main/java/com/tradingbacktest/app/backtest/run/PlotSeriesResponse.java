package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.common.web.NullableValues;
import io.swagger.v3.oas.annotations.media.Schema;
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
