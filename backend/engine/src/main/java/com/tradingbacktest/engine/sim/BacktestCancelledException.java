package com.tradingbacktest.engine.sim;

/** The run was cancelled through its {@link RunControl}; no partial result is returned. */
public final class BacktestCancelledException extends RuntimeException {
  public BacktestCancelledException(int atBar) {
    super("Backtest cancelled at bar " + atBar);
  }
}
