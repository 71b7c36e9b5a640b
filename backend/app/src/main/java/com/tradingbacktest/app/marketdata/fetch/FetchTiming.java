package com.tradingbacktest.app.marketdata.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Time and chance as the fetchers see them: the wall clock, a monotonic clock for pacing, sleeping
 * and the jitter of backoffs. Tests replace it, so nothing waits for real and every wait can be
 * asserted.
 */
interface FetchTiming {

  /** Wall-clock now: for HTTP-date {@code Retry-After} values and Yahoo's "last N days" limits. */
  Instant now();

  /**
   * A monotonic clock in nanoseconds, as {@link System#nanoTime()}: only differences mean anything.
   */
  long nanoTime();

  /** Blocks for {@code duration}; an interrupt cancels the fetch. */
  void sleep(Duration duration) throws InterruptedException;

  /** A random number in [0, 1) that spreads the retries of many clients apart. */
  double jitter();

  static FetchTiming system(Clock clock) {
    return new FetchTiming() {
      @Override
      public Instant now() {
        return clock.instant();
      }

      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void sleep(Duration duration) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
      }

      @Override
      public double jitter() {
        return ThreadLocalRandom.current().nextDouble();
      }
    };
  }
}
