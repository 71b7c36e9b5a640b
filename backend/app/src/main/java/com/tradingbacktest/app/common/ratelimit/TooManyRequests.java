package com.tradingbacktest.app.common.ratelimit;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import com.tradingbacktest.app.common.error.RetryableException;
import java.util.Map;

/** An account spent its budget of one kind of request; it refills by itself. */
public class TooManyRequests extends DomainException implements RetryableException {

  private final long retryAfterSeconds;

  TooManyRequests(RequestLimit limit, int perMinute, long retryAfterSeconds) {
    super(
        ProblemKind.TOO_MANY_REQUESTS,
        "rate-limited",
        "Too many "
            + limit.description()
            + ": at most "
            + perMinute
            + " a minute per account. Try again in "
            + Math.max(1, retryAfterSeconds)
            + " seconds.");
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
