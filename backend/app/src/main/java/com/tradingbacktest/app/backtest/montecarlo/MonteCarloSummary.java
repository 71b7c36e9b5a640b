package com.tradingbacktest.app.backtest.montecarlo;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A Monte Carlo analysis in the run's list: {@link MonteCarloResponse} without bands and bins. */
record MonteCarloSummary(
    UUID id,
    UUID backtestId,
    @Schema(allowableValues = {"queued", "running", "completed", "failed"}) String status,
    @Schema(nullable = true) String error,
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
    @Schema(nullable = true) MonteCarloOutcome.Original original) {}
