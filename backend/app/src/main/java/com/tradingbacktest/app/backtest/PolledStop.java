package com.tradingbacktest.app.backtest;

import com.tradingbacktest.engine.sim.RunControl;
import java.util.function.BooleanSupplier;

/**
 * The engine's stop signal for a job whose work another request may cancel or delete: it asks the
 * database whether the work is still wanted at most once a second (the engine asks far more often
 * than that) and, once told no, stays stopped. Optimisation slices and finish steps, walk-forward
 * jobs and Monte Carlo analyses share it.
 */
public final class PolledStop implements RunControl {

  private static final long CHECK_EVERY_NANOS = 1_000_000_000L;

  private final BooleanSupplier stillWanted;
  private long checkedAt = System.nanoTime();
  private boolean stopped;

  /**
   * @param stillWanted whether the work should go on (e.g. its row is still queued or running);
   *     false stops it as a cancellation
   */
  public PolledStop(BooleanSupplier stillWanted) {
    this.stillWanted = stillWanted;
  }

  @Override
  public void progress(int percent) {}

  @Override
  public synchronized boolean isCancelled() {
    long now = System.nanoTime();
    if (!stopped && now - checkedAt > CHECK_EVERY_NANOS) {
      checkedAt = now;
      stopped = !stillWanted.getAsBoolean();
    }
    return stopped;
  }
}
