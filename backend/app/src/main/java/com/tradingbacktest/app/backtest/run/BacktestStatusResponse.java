package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.common.i18n.LocalizedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Where a run stands.
 *
 * @param status pending, running, completed, failed or cancelled
 * @param progress 0-100
 * @param error why it failed or was cancelled; while pending after an interrupted attempt, a note
 *     that it is being retried
 * @param durationMs from start to completion (or to now while running); null before it starts
 * @param attempts how many times a worker has taken it (more than 1 after a worker died or an
 *     error)
 */
public record BacktestStatusResponse(
    UUID id,
    @Schema(allowableValues = {"pending", "running", "completed", "failed", "cancelled"})
        String status,
    int progress,
    @Schema(nullable = true) @JsonSerialize(using = LocalizedText.class) String error,
    Instant createdAt,
    @Schema(nullable = true) Instant startedAt,
    @Schema(nullable = true) Instant completedAt,
    @Schema(nullable = true) Long durationMs,
    int attempts) {

  static BacktestStatusResponse of(BacktestRow row) {
    return new BacktestStatusResponse(
        row.id(),
        row.status().code(),
        row.progress(),
        row.error(),
        row.createdAt(),
        row.startedAt(),
        row.completedAt(),
        durationMs(row.startedAt(), row.completedAt()),
        row.attempts());
  }

  /**
   * From start to completion, or to now while running; null before it starts (runs and
   * optimisations alike).
   */
  public static Long durationMs(Instant startedAt, Instant completedAt) {
    if (startedAt == null) {
      return null;
    }
    Instant end = completedAt != null ? completedAt : Instant.now();
    return Math.max(0, Duration.between(startedAt, end).toMillis());
  }
}
