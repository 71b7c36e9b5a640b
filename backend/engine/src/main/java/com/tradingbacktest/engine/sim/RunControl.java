package com.tradingbacktest.engine.sim;

/**
 * Hooks for long runs: the engine reports progress and asks whether to stop, every few thousand
 * bars. Implementations must be cheap and thread-safe.
 */
public interface RunControl {

  /** Called with 0..100 as the bar loop advances. */
  void progress(int percent);

  /** When this returns true the run stops with {@link BacktestCancelledException}. */
  boolean isCancelled();

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
