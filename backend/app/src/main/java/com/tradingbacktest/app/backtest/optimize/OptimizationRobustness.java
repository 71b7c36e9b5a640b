package com.tradingbacktest.app.backtest.optimize;

import com.tradingbacktest.app.common.web.NullableValues;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What an optimisation says about its own robustness (issue 20, docs/ROBUSTNESS.md): the held-out
 * part and the overfitting statistics, as the API shows them. The finish step stores {@link
 * Finished} once the grid is done; the request's split is stored at create time as {@link Split}.
 */
final class OptimizationRobustness {

  private OptimizationRobustness() {}

  /**
   * Where an optimisation's held-out part starts, as computed on its bars when it was created.
   *
   * @param fraction the request's fraction, or null when it gave {@code from}
   * @param from the request's first held-out day, or null when it gave a fraction
   * @param splitTime the first held-out bar's time
   * @param inSampleBars the bars the grid is ranked on
   * @param outOfSampleBars the bars held out
   */
  record Split(
      Double fraction, LocalDate from, Instant splitTime, int inSampleBars, int outOfSampleBars) {}

  /**
   * What the finish step stored.
   *
   * @param results the top feasible in-sample combinations traded on the held-out part (empty
   *     without a split)
   * @param bestEquity the in-sample best traded over the whole range (empty without a split)
   * @param statistics the overfitting statistics
   */
  record Finished(
      List<HeldOutResult> results, List<EquityPoint> bestEquity, Statistics statistics) {}

  /**
   * The held-out part of an optimisation.
   *
   * @param status {@code pending} until the finish step has traded the top combinations on it
   * @param results the top 10 feasible in-sample combinations, in rank order, each with its
   *     held-out metrics
   * @param bestEquity the in-sample best combination over the whole range (at most 1,000 points),
   *     so the split shows on its curve
   */
  record OutOfSampleView(
      @Schema(nullable = true) Double fraction,
      @Schema(nullable = true) LocalDate from,
      @Schema(description = "The first held-out bar's time") Instant splitTime,
      int inSampleBars,
      int outOfSampleBars,
      @Schema(allowableValues = {"pending", "completed"}) String status,
      List<HeldOutResult> results,
      List<EquityPoint> bestEquity) {

    static OutOfSampleView of(Split split, Finished finished) {
      return new OutOfSampleView(
          split.fraction(),
          split.from(),
          split.splitTime(),
          split.inSampleBars(),
          split.outOfSampleBars(),
          finished == null ? "pending" : "completed",
          finished == null ? List.of() : finished.results(),
          finished == null ? List.of() : finished.bestEquity());
    }
  }

  /**
   * One of the top in-sample combinations on the held-out part.
   *
   * @param rank its in-sample rank, 1 for the best
   * @param inSampleScore its objective on the ranked part; null when undefined
   * @param outOfSampleScore its objective on the held-out part; null when undefined
   */
  record HeldOutResult(
      int rank,
      long combination,
      Map<String, Double> parameters,
      @Schema(nullable = true) Double inSampleScore,
      @Schema(nullable = true) Double outOfSampleScore,
      @NullableValues Map<String, Number> inSampleMetrics,
      @NullableValues Map<String, Number> outOfSampleMetrics) {}

  record EquityPoint(Instant time, double equity) {}

  /**
   * The overfitting statistics of a completed optimisation; each part null when undefined
   * (docs/ROBUSTNESS.md, "Overfitting statistics").
   */
  record Statistics(
      @Schema(nullable = true) DeflatedSharpeView deflatedSharpe,
      @Schema(nullable = true) PboView pbo,
      @Schema(nullable = true) PlateauView plateau) {}

  /**
   * The Deflated Sharpe Ratio of the best feasible combination; Sharpe ratios per bar except {@code
   * annualised_observed_sharpe}.
   */
  record DeflatedSharpeView(
      @Schema(nullable = true) Double probability,
      @Schema(nullable = true) Double observedSharpe,
      @Schema(nullable = true) Double annualisedObservedSharpe,
      @Schema(nullable = true) Double expectedMaxSharpe,
      long trials,
      long observations,
      @Schema(nullable = true) Double skewness,
      @Schema(nullable = true) Double kurtosis,
      @Schema(nullable = true) Double trialSharpeVariance) {}

  /**
   * The Probability of Backtest Overfitting by CSCV.
   *
   * @param logits the splits' logits of the in-sample best's out-of-sample rank, in 20 bins
   */
  record PboView(
      @Schema(nullable = true) Double probability,
      int partitions,
      int splits,
      int combinations,
      @Schema(nullable = true) Double degradationSlope,
      @Schema(nullable = true) Double probabilityOfLoss,
      Histogram logits) {}

  /** {@code counts[i]} values fall in {@code [edges[i], edges[i + 1])}, the last bin closed. */
  record Histogram(double[] edges, int[] counts) {}

  /**
   * The objective's plateau over the grid.
   *
   * @param plateauParameters the values of {@code plateau_combination}
   */
  record PlateauView(
      long bestCombination,
      @Schema(nullable = true) Double bestScore,
      @Schema(nullable = true) Double neighbourhoodMean,
      @Schema(nullable = true) Double ratio,
      int neighbours,
      long plateauCombination,
      Map<String, Double> plateauParameters,
      @Schema(nullable = true) Double plateauMean) {}
}
