package com.tradingbacktest.app.backtest.run;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A series the run's strategy plotted, without its values (read them from {@code
 * /api/v1/backtests/{id}/series}).
 *
 * @param title the plot's title, unique within the run
 * @param color {@code #rrggbb}, or null when the strategy left it to the chart
 * @param style how to draw it
 * @param pane over the candles ({@code price}) or in a pane below them ({@code lower})
 */
@Schema(name = "RunPlot")
record PlotView(
    @Schema(example = "SMA fast") String title,
    @Schema(nullable = true, example = "#1f77b4", pattern = "^#[0-9a-f]{6}$") String color,
    @Schema(allowableValues = {"line", "step", "histogram"}) String style,
    @Schema(allowableValues = {"price", "lower"}) String pane) {}
