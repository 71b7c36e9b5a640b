package com.tradingbacktest.app.backtest.montecarlo;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import java.util.Map;
import java.util.UUID;

/**
 * Only a completed run has trades and an equity curve to resample: 409 {@code run-not-completed},
 * the problem type charts and comparisons use for the same fact.
 */
class RunNotCompleted extends DomainException {

  private final UUID id;
  private final String status;

  RunNotCompleted(UUID id, String status) {
    super(
        ProblemKind.CONFLICT,
        "run-not-completed",
        "Backtest " + id + " is " + status + ": only a completed run can be resampled.");
    this.id = id;
    this.status = status;
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("backtest_id", id.toString(), "run_status", status);
  }
}
