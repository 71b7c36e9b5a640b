package com.tradingbacktest.app.common.error;

/** A refusal that lifts by itself; the response carries {@code Retry-After}. */
public interface RetryableException {

  /** Whole seconds until a retry can succeed, at least 1. */
  long retryAfterSeconds();
}
