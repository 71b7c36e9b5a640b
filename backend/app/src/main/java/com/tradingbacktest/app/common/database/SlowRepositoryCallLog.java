package com.tradingbacktest.app.common.database;

import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.repository.core.support.RepositoryMethodInvocationListener;

/**
 * A WARN line for each repository call that took at least DB_SLOW_QUERY_MS: the repository, the
 * method, the time taken and, for a failed call, the exception's type. Never the arguments, which
 * can hold credentials. Spring Data repositories report to it through their factories, the
 * {@code @Repository} classes through {@link RepositoryCallTimer}; it works the same on an external
 * database, where the server's own statement log may be out of reach.
 */
final class SlowRepositoryCallLog implements RepositoryMethodInvocationListener {

  private static final Logger log = LoggerFactory.getLogger(SlowRepositoryCallLog.class);

  private final int thresholdMs;
  private final long thresholdNanos;

  /**
   * @param thresholdMs calls taking at least this long are logged; 0 logs every call, -1 none
   */
  SlowRepositoryCallLog(int thresholdMs) {
    this.thresholdMs = thresholdMs;
    this.thresholdNanos = TimeUnit.MILLISECONDS.toNanos(thresholdMs);
  }

  @Override
  public void afterInvocation(RepositoryMethodInvocation invocation) {
    if (thresholdMs < 0) {
      return;
    }
    long nanos = invocation.getDuration(TimeUnit.NANOSECONDS);
    if (nanos < thresholdNanos) {
      return;
    }
    Throwable error = error(invocation);
    log.warn(
        "Slow repository call {}.{} took {} ms (threshold {} ms){}",
        invocation.getRepositoryInterface().getSimpleName(),
        invocation.getMethod().getName(),
        TimeUnit.NANOSECONDS.toMillis(nanos),
        thresholdMs,
        error == null ? "" : " and failed with " + error.getClass().getSimpleName());
  }

  private static @Nullable Throwable error(RepositoryMethodInvocation invocation) {
    RepositoryMethodInvocationResult result = invocation.getResult();
    return result == null ? null : result.getError();
  }
}
