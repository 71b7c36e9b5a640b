package com.tradingbacktest.app.backtest.montecarlo;

import com.tradingbacktest.app.common.i18n.LocalizedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A Monte Carlo analysis of a run; every result field is null until it completes.
 *
 * @param seed the seed its paths were drawn with: the same seed gives the same result
 * @param blockLength bars per block (the one picked when the request gave none); null for the trade
 *     methods
 * @param steps steps per path: the run's round trips, or its bar returns for the block bootstrap
 * @param finalEquity percentiles of the paths' final equity
 * @param maxDrawdown of their max drawdown (negative fractions, as the metrics)
 * @param cagr of their CAGR over the run's span
 * @param longestDrawdown of their longest drawdown, in steps
 * @param probabilityOfRuin the share of paths whose equity fell to or below {@code ruin_equity}
 * @param original the run itself, for comparison
 * @param bands the fan chart: equity percentiles at up to 200 steps
 * @param histograms the paths' final equity and max drawdown in bins
 */
record MonteCarloResponse(
    UUID id,
    UUID backtestId,
    @Schema(allowableValues = {"queued", "running", "completed", "failed"}) String status,
    @Schema(nullable = true) @JsonSerialize(using = LocalizedText.class) String error,
    @Schema(allowableValues = {"shuffle", "bootstrap", "block_bootstrap"}) String method,
    int paths,
    long seed,
    @Schema(nullable = true) Integer blockLength,
    double ruinEquity,
    @Schema(nullable = true) Integer steps,
    @Schema(
            nullable = true,
            allowableValues = {"trade", "bar"})
        String stepUnit,
    Instant createdAt,
    @Schema(nullable = true) Instant completedAt,
    @Schema(nullable = true) Long durationMs,
    @Schema(nullable = true) MonteCarloOutcome.Percentiles finalEquity,
    @Schema(nullable = true) MonteCarloOutcome.Percentiles maxDrawdown,
    @Schema(nullable = true) MonteCarloOutcome.Percentiles cagr,
    @Schema(nullable = true) MonteCarloOutcome.Percentiles longestDrawdown,
    @Schema(nullable = true) Double probabilityOfRuin,
    @Schema(nullable = true) MonteCarloOutcome.Original original,
    @Schema(nullable = true) MonteCarloOutcome.Bands bands,
    @Schema(nullable = true) MonteCarloOutcome.Histograms histograms) {

  /** The listed analysis plus its fan chart and histograms. */
  static MonteCarloResponse of(
      MonteCarloSummary s, MonteCarloOutcome.Bands bands, MonteCarloOutcome.Histograms histograms) {
    return new MonteCarloResponse(
        s.id(),
        s.backtestId(),
        s.status(),
        s.error(),
        s.method(),
        s.paths(),
        s.seed(),
        s.blockLength(),
        s.ruinEquity(),
        s.steps(),
        s.stepUnit(),
        s.createdAt(),
        s.completedAt(),
        s.durationMs(),
        s.finalEquity(),
        s.maxDrawdown(),
        s.cagr(),
        s.longestDrawdown(),
        s.probabilityOfRuin(),
        s.original(),
        bands,
        histograms);
  }
}
