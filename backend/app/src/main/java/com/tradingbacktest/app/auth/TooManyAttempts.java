package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import com.tradingbacktest.app.common.error.RetryableException;
import java.util.Map;

class TooManyAttempts extends DomainException implements RetryableException {

  private final long retryAfterSeconds;

  TooManyAttempts(String what, long retryAfterSeconds) {
    super(
        ProblemKind.TOO_MANY_REQUESTS,
        "rate-limited",
        "Too many " + what + ". Try again in " + retryAfterSeconds + " seconds.");
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  @Override
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("retry_after_seconds", retryAfterSeconds);
  }
}
