package com.tradingbacktest.app.backtest.walkforward;

import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.backtest.optimize.OptimizationResponse;
import com.tradingbacktest.app.common.i18n.LocalizedText;
import com.tradingbacktest.app.common.web.NullableValues;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A walk-forward: its setup, progress, each window and, once completed, the stitched out-of-sample
 * run.
 *
 * @param symbol the symbol; for a portfolio the universe's label as optimisations show it
 * @param combinations the grid's valid combinations, searched in every window
 * @param progress train backtests done over all of them, 0-100 (100 once completed)
 * @param efficiency walk-forward efficiency: the stitched out-of-sample annualised return over the
 *     mean in-sample annualised return of the chosen combinations; null when undefined or not yet
 *     completed
 * @param parameterDrift how each varying parameter's chosen value moved across the windows
 */
record WalkForwardResponse(
    UUID id,
    @Schema(allowableValues = {"queued", "running", "completed", "failed", "cancelled"})
        String status,
    @Schema(nullable = true) @JsonSerialize(using = LocalizedText.class) String error,
    @Schema(nullable = true) UUID strategyId,
    @Schema(nullable = true) String strategyName,
    String symbol,
    @Schema(allowableValues = {"own", "shared"}) String dataset,
    String interval,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal initialCapital,
    RunSettings settings,
    List<OptimizationResponse.RangeView> ranges,
    String objective,
    List<OptimizationResponse.ConstraintView> constraints,
    List<String> paramConstraints,
    WalkForwardRequest.WindowsSpec windowsSpec,
    int combinations,
    int windowCount,
    int progress,
    Instant createdAt,
    @Schema(nullable = true) Instant startedAt,
    @Schema(nullable = true) Instant completedAt,
    @Schema(nullable = true) Long durationMs,
    List<WindowView> windows,
    @Schema(nullable = true) OutOfSample outOfSample,
    @Schema(nullable = true) Double efficiency,
    List<Drift> parameterDrift) {

  /**
   * One window. Times are the open times of each part's first and last bar.
   *
   * @param parameters the combination chosen on the train part; null until chosen, or when no
   *     combination was feasible (the test part then stays in cash)
   * @param inSampleScore the objective of the chosen combination on the train part
   * @param outOfSampleMetrics every scalar metric of its run on the test part
   * @param startEquity the capital carried into the test part
   */
  @Schema(name = "WalkForwardWindowView")
  record WindowView(
      int number,
      @Schema(allowableValues = {"queued", "running", "completed"}) String status,
      Instant trainStart,
      Instant trainEnd,
      Instant testStart,
      Instant testEnd,
      int trainBars,
      int testBars,
      @Schema(nullable = true) Map<String, Double> parameters,
      @Schema(nullable = true) Long combination,
      @Schema(nullable = true) Double inSampleScore,
      @Schema(nullable = true) @NullableValues Map<String, Number> inSampleMetrics,
      @Schema(nullable = true) @NullableValues Map<String, Number> outOfSampleMetrics,
      @Schema(nullable = true) Double startEquity,
      @Schema(nullable = true) Double endEquity,
      @Schema(nullable = true) Integer tradeCount) {}

  /**
   * The test parts stitched into one run, capital carried.
   *
   * @param metrics every scalar metric of the stitched run
   * @param equity its equity, downsampled to at most 1,000 points (each bucket's first, last,
   *     lowest and highest kept)
   */
  @Schema(name = "WalkForwardOutOfSample")
  record OutOfSample(
      @NullableValues Map<String, Number> metrics, List<EquityPoint> equity, int tradeCount) {}

  @Schema(name = "WalkForwardEquityPoint")
  record EquityPoint(Instant time, double equity) {}

  /**
   * One varying parameter's chosen values across the windows.
   *
   * @param values per window, null where none was chosen
   * @param changes windows whose value differs from the window before
   */
  @Schema(name = "WalkForwardParameterDrift")
  record Drift(
      String name,
      @NullableValues List<Double> values,
      @Schema(nullable = true) Double mean,
      @Schema(nullable = true) Double stdev,
      int changes) {}

  /** What {@code walk_forwards.result} holds once completed. */
  record Stitched(OutOfSample outOfSample, Double efficiency, List<Drift> parameterDrift) {}
}
