package com.tradingbacktest.app.marketdata.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Time that passes only when the code under test sleeps: every sleep is recorded and returns at
 * once, and jitter is always one half, so every wait can be asserted exactly and no test waits for
 * real.
 */
final class FakeTiming implements FetchTiming {

  private final boolean frozen;
  private final List<Duration> sleeps = new ArrayList<>();
  private Instant now;
  private long nanos = 1_000_000_000L;

  private FakeTiming(Instant now, boolean frozen) {
    this.now = now;
    this.frozen = frozen;
  }

  /** Starts at {@code now}; each sleep moves the clocks on by its length. */
  static FakeTiming at(Instant now) {
    return new FakeTiming(now, false);
  }

  /** Clocks that never move, sleeps or not: each caller's wait shows the slot it was given. */
  static FakeTiming frozen() {
    return new FakeTiming(Fixtures.NOW, true);
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    if (!frozen) {
      nanos += duration.toNanos();
      now = now.plus(duration);
    }
  }

  @Override
  public double jitter() {
    return 0.5;
  }

  /** Lets time pass without anyone sleeping. */
  synchronized void advance(Duration duration) {
    nanos += duration.toNanos();
    now = now.plus(duration);
  }

  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
