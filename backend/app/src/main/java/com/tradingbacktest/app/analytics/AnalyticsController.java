package com.tradingbacktest.app.analytics;

import com.tradingbacktest.app.auth.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Analytics of finished runs (seed section 4.5): metrics of several runs, the chart data of one,
 * and runs compared. Only your own runs: anyone else's is a 404, exactly as a missing one.
 */
@RestController
@Validated
@RequestMapping("/api/v1/analytics")
@Tag(
    name = "Analytics",
    description = "Metrics, chart data and comparisons of your finished backtest runs")
class AnalyticsController {

  private static final String IDS = "Run ids separated by commas (or the parameter repeated)";
  private static final String NOT_FOUND =
      "A run that is not yours or does not exist (`/problems/not-found`, naming it)";
  private static final String INVALID =
      "Bad parameters, each in `errors` (`/problems/validation-failed`)";
  private static final String NOT_COMPLETED =
      "A run is not completed, so has no results (`/problems/run-not-completed`; "
          + "`backtest_id` and `run_status` name it)";

  private final AnalyticsService analytics;

  AnalyticsController(AnalyticsService analytics) {
    this.analytics = analytics;
  }

  @GetMapping("/metrics")
  @Operation(
      summary = "Metrics of one or several runs",
      description =
          "Each run with what it ran and every metric of docs/METRICS.md (null until it completed); "
              + "`metric_names` lists them in that order, for a side-by-side table.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The runs, in the order asked for"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND),
        @ApiResponse(responseCode = "422", description = INVALID)
      })
  RunMetricsResponse metrics(
      @AuthenticationPrincipal AuthenticatedUser user,
      @Parameter(
              description = IDS + ", 1-20 of them",
              array = @ArraySchema(schema = @Schema(format = "uuid")))
          @RequestParam(required = false)
          List<String> ids) {
    return analytics.metrics(user.id(), RequestValues.ids("ids", ids, 1, 20));
  }

  @GetMapping("/chart")
  @Operation(
      summary = "Chart data of a completed run over a time range, within a point budget",
      description =
          "Equity, drawdown and buy-and-hold (downsampled keeping each bucket's first, last, lowest and "
              + "highest point), a histogram of returns, the rolling Sharpe ratio, and the monthly-returns heatmap "
              + "(always the whole run). Returns are per bar for daily and weekly runs and per day (the close of each "
              + "day in the symbol's zone) for intraday ones: `return_period` says which.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The chart data"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND),
        @ApiResponse(responseCode = "409", description = NOT_COMPLETED),
        @ApiResponse(responseCode = "422", description = INVALID)
      })
  RunChartResponse chart(
      @AuthenticationPrincipal AuthenticatedUser user,
      @Parameter(description = "The run", schema = @Schema(format = "uuid"))
          @RequestParam(name = "backtest_id", required = false)
          String backtestId,
      @Parameter(
              description =
                  "Start of the range, inclusive: an ISO instant, or an ISO date (its first moment in "
                      + "the symbol's zone); default the run's first bar",
              example = "2013-06-01T00:00:00Z")
          @RequestParam(required = false)
          String from,
      @Parameter(
              description =
                  "End of the range, inclusive: an ISO instant, or an ISO date (to its end in the "
                      + "symbol's zone); default the run's last bar",
              example = "2013-09-30")
          @RequestParam(required = false)
          String to,
      @Parameter(description = "Most points per series, 16-10000")
          @RequestParam(defaultValue = "1000")
          @Min(value = 16, message = "must be at least 16")
          @Max(value = 10_000, message = "must be at most 10000")
          int points,
      @Parameter(description = "Histogram bins, 1-200")
          @RequestParam(defaultValue = "30")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 200, message = "must be at most 200")
          int bins,
      @Parameter(
              description =
                  "Returns per rolling-Sharpe window, 2-5000; default a quarter of a year "
                      + "(63 stock days, 91 crypto days, 13 weeks)")
          @RequestParam(required = false)
          @Min(value = 2, message = "must be at least 2")
          @Max(value = 5000, message = "must be at most 5000")
          Integer window) {
    return analytics.chart(
        user.id(), RequestValues.id("backtest_id", backtestId), from, to, points, bins, window);
  }

  @GetMapping("/compare")
  @Operation(
      summary = "Completed runs side by side",
      description =
          "Their metrics (`metric_names` in the order of docs/METRICS.md), their equity curves at each "
              + "day's close on the union of their days, each rebased to 100 (downsampled to `points` days, keeping "
              + "each curve's extremes), and the correlation matrix of their daily returns over the days they share.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The comparison, runs in the order asked for"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND),
        @ApiResponse(responseCode = "409", description = NOT_COMPLETED),
        @ApiResponse(responseCode = "422", description = INVALID)
      })
  RunComparisonResponse compare(
      @AuthenticationPrincipal AuthenticatedUser user,
      @Parameter(
              description = IDS + ", 2-10 different ones",
              array = @ArraySchema(schema = @Schema(format = "uuid")))
          @RequestParam(required = false)
          List<String> ids,
      @Parameter(description = "Most days on the equity axis, 16-10000")
          @RequestParam(defaultValue = "1000")
          @Min(value = 16, message = "must be at least 16")
          @Max(value = 10_000, message = "must be at most 10000")
          int points) {
    return analytics.compare(user.id(), RequestValues.ids("ids", ids, 2, 10), points);
  }
}
