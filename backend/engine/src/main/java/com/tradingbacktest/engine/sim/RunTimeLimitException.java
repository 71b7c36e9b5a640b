package com.tradingbacktest.engine.sim;

import java.time.Duration;

/** The run reached its time limit ({@link RunControl#withTimeLimit}); nothing partial is kept. */
public final class RunTimeLimitException extends RuntimeException {

  private final Duration limit;

  public RunTimeLimitException(Duration limit) {
    super("The run took longer than its time limit of " + limit.toSeconds() + " s");
    this.limit = limit;
  }

  /** The limit that was reached. */
  public Duration limit() {
    return limit;
  }
}
