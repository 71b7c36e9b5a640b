package com.tradingbacktest.app.backtest.optimize;

import com.tradingbacktest.app.backtest.RunSettings;
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
 * An optimisation and its results so far, best first.
 *
 * @param ranges the grid: every parameter with its values (a fixed parameter has count 1)
 * @param combinations the combinations that run: the grid's, less those that break a parameter
 *     constraint
 * @param paramConstraints the request's parameter constraints, as given
 * @param skippedCombinations the grid's combinations that broke a parameter constraint (the
 *     strategy's or the request's) and were never run
 * @param evaluated combinations finished so far
 * @param progress evaluated over combinations, 0-100
 * @param results the best results (up to {@code limit}), ranked: feasible first, then by score
 *     (highest first, undefined last), then grid order
 * @param heatmap best feasible score over two parameters; null with fewer than two varying
 *     parameters
 * @param outOfSample the held-out part and the top in-sample combinations traded on it; null when
 *     nothing was held out
 * @param statistics the overfitting statistics; null until the grid is done and the finish step has
 *     computed them (and for optimisations from before they were kept)
 */
public record OptimizationResponse(
    UUID id,
    String status,
    @Schema(nullable = true) @JsonSerialize(using = LocalizedText.class) String error,
    @Schema(nullable = true) UUID strategyId,
    @Schema(nullable = true) String strategyName,
    String symbol,
    @Schema(
            description = "Which series of the symbol: your own upload or the shared one",
            allowableValues = {"own", "shared"})
        String dataset,
    String interval,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal initialCapital,
    RunSettings settings,
    List<RangeView> ranges,
    String objective,
    List<ConstraintView> constraints,
    @Schema(description = "Parameter constraints of the request, such as \"fast < slow\"")
        List<String> paramConstraints,
    int combinations,
    @Schema(
            description =
                "Combinations of the grid skipped before running because they break a parameter"
                    + " constraint (the strategy's or the request's)")
        long skippedCombinations,
    long evaluated,
    int progress,
    Instant createdAt,
    @Schema(nullable = true) Instant startedAt,
    @Schema(nullable = true) Instant completedAt,
    @Schema(nullable = true) Long durationMs,
    List<RankedResult> results,
    @Schema(nullable = true) Heatmap heatmap,
    @Schema(
            nullable = true,
            description =
                "The benchmark a combination run as a backtest is measured against; null for none")
        String benchmark,
    @Schema(nullable = true) OptimizationRobustness.OutOfSampleView outOfSample,
    @Schema(nullable = true) OptimizationRobustness.Statistics statistics) {

  /**
   * One parameter of the grid with its values.
   *
   * @param count how many values the range has
   */
  public record RangeView(String name, double from, double to, double step, int count) {}

  public record ConstraintView(String metric, String op, double value) {}

  /**
   * One combination's outcome.
   *
   * @param rank 1 for the best
   * @param combination its index in the grid: re-run it with POST
   *     .../results/{combination}/backtest
   * @param score the objective's value; null when undefined (e.g. Sharpe without trades)
   * @param feasible whether it met every constraint
   * @param metrics every scalar metric of docs/METRICS.md
   */
  record RankedResult(
      int rank,
      long combination,
      Map<String, Double> parameters,
      @Schema(nullable = true) Double score,
      boolean feasible,
      @NullableValues Map<String, Number> metrics) {}

  /**
   * @param scores {@code scores[j][i]} is the best feasible score with {@code y = yValues[j]} and
   *     {@code x = xValues[i]} over all values of the other parameters; null where none is feasible
   *     or yet run
   */
  record Heatmap(
      String x, String y, double[] xValues, double[] yValues, @NullableValues Double[][] scores) {}
}
