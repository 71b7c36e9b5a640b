package com.tradingbacktest.app.backtest.montecarlo;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code monte_carlo_analyses}; {@code result} is the {@link MonteCarloOutcome} as JSON,
 * null until completed; {@code blockLength} the request's (null: picked by the engine).
 */
record MonteCarloRow(
    UUID id,
    UUID backtestId,
    UUID userId,
    String method,
    int paths,
    long seed,
    Integer blockLength,
    double ruinEquity,
    String status,
    String error,
    Instant createdAt,
    Instant startedAt,
    Instant completedAt,
    String result) {

  boolean isActive() {
    return "queued".equals(status) || "running".equals(status);
  }
}
