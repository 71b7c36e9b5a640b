package com.tradingbacktest.app.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An optimisation in a list. */
record OptimizationSummary(UUID id, String status, String error, UUID strategyId, String strategyName, String symbol,
    String interval, LocalDate startDate, LocalDate endDate, String objective, int combinations, long evaluated,
    int progress, Instant createdAt, Instant completedAt) {}
