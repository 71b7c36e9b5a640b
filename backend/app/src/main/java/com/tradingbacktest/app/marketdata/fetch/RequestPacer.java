package com.tradingbacktest.app.marketdata.fetch;

import java.time.Duration;

/**
 * Keeps the requests to one source at least {@code 1 / rate} seconds apart, across all threads:
 * each caller reserves the next free slot under the lock and sleeps outside it until its slot
 * comes. A bucket of one token, in effect: exchanges count requests per second in sliding windows,
 * so an even pace stays under their limits where bursts would not. After a 429 the whole source is
 * held off, so that other fetches to it do not run into the same wall.
 */
final class RequestPacer {

  private final FetchTiming timing;
  private final long spacingNanos;
  private long nextFree;

  /**
   * @param requestsPerSecond the pace, requests a second (fractions allowed: 0.5 is one every 2 s)
   */
  RequestPacer(double requestsPerSecond, FetchTiming timing) {
    if (!(requestsPerSecond > 0)) {
      throw new IllegalArgumentException("requests per second must be positive");
    }
    this.timing = timing;
    this.spacingNanos = (long) Math.ceil(1_000_000_000d / requestsPerSecond);
    this.nextFree = timing.nanoTime();
  }

  /** Waits for this caller's slot. */
  void acquire() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = timing.nanoTime();
      // Compared by difference, as nanoTime may overflow.
      long slot = nextFree - now > 0 ? nextFree : now;
      nextFree = slot + spacingNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      timing.sleep(Duration.ofNanos(wait));
    }
  }

  /** No request to this source starts before {@code pause} from now has passed. */
  synchronized void holdOff(Duration pause) {
    long until = timing.nanoTime() + pause.toNanos();
    if (until - nextFree > 0) {
      nextFree = until;
    }
  }
}
