package com.tradingbacktest.app.backtest;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import com.tradingbacktest.app.common.error.RetryableException;

/** The user already has as many runs queued or running as allowed (MAX_CONCURRENT_RUNS). */
public class TooManyRuns extends DomainException implements RetryableException {

  public TooManyRuns(int limit) {
    super(
        ProblemKind.TOO_MANY_REQUESTS,
        "too-many-runs",
        "You already have "
            + limit
            + " runs queued or running, "
            + "the most allowed at once; wait for one to finish or cancel one.");
  }

  @Override
  public long retryAfterSeconds() {
    return 5;
  }
}
