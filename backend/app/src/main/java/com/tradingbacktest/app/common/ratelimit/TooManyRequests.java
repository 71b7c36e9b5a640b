package com.tradingbacktest.app.common.ratelimit;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import com.tradingbacktest.app.common.error.RetryableException;
import java.util.List;
import java.util.Map;

/**
 * An account (or a client) spent its budget of one kind of request; it refills by itself. A 429
 * {@code rate-limited} problem with Retry-After and {@code retry_after_seconds}.
 */
public class TooManyRequests extends DomainException implements RetryableException {

  private final long retryAfterSeconds;

  TooManyRequests(RequestLimit limit, int perMinute, long retryAfterSeconds) {
    this(
        "Too many " + limit.description() + ": at most " + perMinute + " a minute per account.",
        retryAfterSeconds);
  }

  /**
   * @param reason the sentence saying what there was too much of; when to try again is appended
   * @param retryAfterSeconds when the budget allows one more (at least 1)
   */
  protected TooManyRequests(String reason, long retryAfterSeconds) {
    super(
        ProblemKind.TOO_MANY_REQUESTS,
        "rate-limited",
        List.of(reason, Math.max(1, retryAfterSeconds)));
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
