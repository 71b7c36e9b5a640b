package com.tradingbacktest.app.backtest;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import com.tradingbacktest.app.common.error.RetryableException;
import java.util.List;

/** The user already has as many runs queued or running as allowed (MAX_CONCURRENT_RUNS). */
public class TooManyRuns extends DomainException implements RetryableException {

  public TooManyRuns(int limit) {
    super(ProblemKind.TOO_MANY_REQUESTS, "too-many-runs", List.of(limit));
  }

  @Override
  public long retryAfterSeconds() {
    return 5;
  }
}
