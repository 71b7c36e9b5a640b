package com.tradingbacktest.app.backtest.walkforward;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A walk-forward in a list. */
record WalkForwardSummary(
    UUID id,
    @Schema(allowableValues = {"queued", "running", "completed", "failed", "cancelled"})
        String status,
    @Schema(nullable = true) String error,
    @Schema(nullable = true) String strategyName,
    String symbol,
    @Schema(allowableValues = {"own", "shared"}) String dataset,
    String interval,
    LocalDate startDate,
    LocalDate endDate,
    String objective,
    int windowCount,
    int combinations,
    int progress,
    @Schema(nullable = true) Double efficiency,
    Instant createdAt,
    @Schema(nullable = true) Instant completedAt) {}
