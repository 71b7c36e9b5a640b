package com.tradingbacktest.app.backtest.optimize;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An optimisation in a list. */
record OptimizationSummary(
    UUID id,
    String status,
    @Schema(nullable = true) String error,
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
    String objective,
    int combinations,
    long evaluated,
    int progress,
    Instant createdAt,
    @Schema(nullable = true) Instant completedAt) {}
