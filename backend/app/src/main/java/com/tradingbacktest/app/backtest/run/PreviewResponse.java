package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunResult;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.engine.sim.Fill;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A preview's answer: what a completed run of the same request would show, computed now and not
 * stored.
 *
 * @param result exactly a completed run's {@code result}, its equity chart in the requested points
 * @param fills the latest {@link #MAX_FILLS} fills, in time order
 * @param fillsTruncated whether there were more fills than those (the earliest are left out)
 * @param parameters every declared parameter with the value used
 * @param settings the resolved settings, as a run shows them
 * @param plots the strategy's plotted series on the bars' times, downsampled to the points, in the
 *     shape of GET /api/v1/backtests/{id}/series
 * @param engineMs evaluation, simulation and metrics, in milliseconds (loading the bars excluded)
 * @param dataFingerprint SHA-256 of the bars read, as a run records it
 */
record PreviewResponse(
    RunResult result,
    List<PreviewFill> fills,
    boolean fillsTruncated,
    Map<String, Double> parameters,
    RunSettings settings,
    PlotSeriesResponse plots,
    double engineMs,
    String dataFingerprint) {

  /**
   * The most fills a preview answers with: enough to mark every trade of any strategy one can read
   * on a chart, few enough that the answer stays small however busy the strategy.
   */
  static final int MAX_FILLS = 2000;

  /** The latest {@link #MAX_FILLS} of {@code fills} (in time order) as the API shows them. */
  static List<PreviewFill> latestFills(List<Fill> fills) {
    return fills.subList(Math.max(0, fills.size() - MAX_FILLS), fills.size()).stream()
        .map(PreviewFill::of)
        .toList();
  }

  /**
   * One execution.
   *
   * @param timestamp open time of the bar during which it executed
   * @param type buy or sell
   * @param price execution price after slippage
   * @param quantity units, positive
   * @param barIndex the bar's position in the preview, from 0
   * @param note why its order waited, when it did ({@code halted}, {@code limit_locked}); null
   *     otherwise
   */
  @Schema(name = "PreviewFill")
  record PreviewFill(
      Instant timestamp,
      String type,
      double price,
      double quantity,
      int barIndex,
      @Schema(
              nullable = true,
              allowableValues = {"limit_locked", "halted"})
          String note) {
    static PreviewFill of(Fill f) {
      return new PreviewFill(
          Instant.ofEpochMilli(f.time()),
          f.buy() ? "buy" : "sell",
          f.price(),
          f.quantity(),
          f.barIndex(),
          f.note() == null ? null : f.note().code());
    }
  }
}
