package com.tradingbacktest.app.backtest;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import java.util.Map;
import java.util.UUID;

/**
 * Charts, comparisons and plotted series need a run's results, and this one has none (yet, or
 * ever): 409 {@code run-not-completed}.
 */
public class RunNotCompleted extends DomainException {

  private final UUID id;
  private final String status;

  public RunNotCompleted(UUID id, String status) {
    super(
        ProblemKind.CONFLICT,
        "run-not-completed",
        "Backtest "
            + id
            + " is "
            + status
            + ": only a completed run has "
            + "results to chart or compare.");
    this.id = id;
    this.status = status;
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("backtest_id", id.toString(), "run_status", status);
  }
}
