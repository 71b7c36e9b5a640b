package com.tradingbacktest.app.backtest.walkforward;

import com.tradingbacktest.app.backtest.RunStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One row of {@code walk_forwards}; JSON columns as text. {@code combinations} counts the grid's
 * valid combinations (each window runs all of them); {@code backtestsDone} the train backtests of
 * finished slices; {@code result} the stitched out-of-sample part, null until completed.
 */
record WalkForwardRow(
    UUID id,
    UUID userId,
    UUID strategyId,
    String strategyName,
    String strategyCode,
    String symbol,
    String seriesKey,
    String dataset,
    String portfolio,
    String interval,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal initialCapital,
    String settings,
    String ranges,
    String objective,
    String constraints,
    String paramConstraints,
    String windowsSpec,
    int combinations,
    int windowCount,
    int slicesPerWindow,
    long backtestsDone,
    RunStatus status,
    String error,
    Instant createdAt,
    Instant startedAt,
    Instant completedAt,
    String result) {

  boolean isPortfolio() {
    return portfolio != null;
  }

  /** Train backtests of all windows. */
  long totalBacktests() {
    return (long) windowCount * combinations;
  }

  /** The API's progress: train backtests done over all of them; 100 only once completed. */
  int progress() {
    return status == RunStatus.COMPLETED
        ? 100
        : (int) Math.min(99, 100 * backtestsDone / Math.max(1, totalBacktests()));
  }

  /** The API's name of a status: a pending walk-forward is "queued". */
  static String statusCode(RunStatus status) {
    return status == RunStatus.PENDING ? "queued" : status.code();
  }
}
