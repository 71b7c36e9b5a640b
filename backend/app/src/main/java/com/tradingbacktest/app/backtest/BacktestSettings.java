package com.tradingbacktest.app.backtest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and timings of runs ({@code tb.backtest}); .env.example names the variables.
 *
 * @param maxConcurrentRunsPerUser MAX_CONCURRENT_RUNS: pending plus running runs (and
 *     optimisations) one user may have; more answer 429
 * @param maxAttempts RUN_MAX_ATTEMPTS: how often a run whose worker died or hit a temporary error
 *     is tried
 * @param staleAfter RUN_STALE_AFTER: a running run whose worker has not reported for this long is
 *     failed
 * @param maxCombinations MAX_OPTIMIZATION_COMBINATIONS: the largest parameter grid one optimisation
 *     may have
 * @param combinationsPerSlice OPTIMIZATION_SLICE_SIZE: combinations per optimisation job; workers
 *     share slices
 * @param chartPoints points of the equity overview stored with a result (16-10000: it is part of
 *     every GET /api/v1/backtests/{id})
 * @param timeLimit RUN_TIME_LIMIT: the longest one backtest or one optimisation slice may compute;
 *     past it the run fails with the limit as its reason
 * @param memoryLimit RUN_MEMORY_LIMIT: the most memory one run may need; 0 derives it from the heap
 *     ({@link RunLimits})
 */
@ConfigurationProperties("tb.backtest")
public record BacktestSettings(
    @DefaultValue("3") int maxConcurrentRunsPerUser,
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("10m") Duration staleAfter,
    @DefaultValue("10000") int maxCombinations,
    @DefaultValue("50") int combinationsPerSlice,
    @DefaultValue("2000") int chartPoints,
    @DefaultValue("5m") Duration timeLimit,
    @DefaultValue("0") DataSize memoryLimit) {

  public BacktestSettings {
    if (maxConcurrentRunsPerUser < 1
        || maxAttempts < 1
        || maxCombinations < 1
        || combinationsPerSlice < 1
        || chartPoints < 16
        || chartPoints > 10_000
        || timeLimit.compareTo(Duration.ofSeconds(1)) < 0
        || memoryLimit.isNegative()) {
      throw new IllegalArgumentException(
          "tb.backtest limits must be positive (chart-points between 16 and 10000, time-limit at"
              + " least 1s, memory-limit 0 or more)");
    }
  }
}
