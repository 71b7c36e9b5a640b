package com.tradingbacktest.engine.sim;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Hooks for long runs: the engine reports progress and asks whether to stop, every few thousand
 * bars of the bar loop and before every column an evaluation computes. Implementations must be
 * cheap and thread-safe.
 */
public interface RunControl {

  /** Called with 0..100 as the bar loop advances. */
  void progress(int percent);

  /** When this returns true the run stops with {@link BacktestCancelledException}. */
  boolean isCancelled();

  /**
   * Where the engine stops a run that must stop: by default a {@link BacktestCancelledException}
   * when {@link #isCancelled()}; {@link #withTimeLimit} adds a deadline.
   *
   * @param atBar the bar reached, for the message (0 outside the bar loop)
   */
  default void checkpoint(int atBar) {
    if (isCancelled()) {
      throw new BacktestCancelledException(atBar);
    }
  }

  /**
   * This control plus a deadline {@code limit} after now: past it, {@link #checkpoint} throws
   * {@link RunTimeLimitException}.
   *
   * @param nanoTime the clock, {@link System#nanoTime} outside tests
   */
  static RunControl withTimeLimit(RunControl control, Duration limit, LongSupplier nanoTime) {
    long deadline = nanoTime.getAsLong() + limit.toNanos();
    return new RunControl() {
      @Override
      public void progress(int percent) {
        control.progress(percent);
      }

      @Override
      public boolean isCancelled() {
        return control.isCancelled();
      }

      @Override
      public void checkpoint(int atBar) {
        control.checkpoint(atBar);
        if (nanoTime.getAsLong() - deadline > 0) {
          throw new RunTimeLimitException(limit);
        }
      }
    };
  }

  RunControl NONE =
      new RunControl() {
        @Override
        public void progress(int percent) {}

        @Override
        public boolean isCancelled() {
          return false;
        }
      };
}
