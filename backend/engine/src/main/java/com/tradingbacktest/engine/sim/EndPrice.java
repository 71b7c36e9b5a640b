package com.tradingbacktest.engine.sim;

/** The price at which a run that closes at the end closes the positions still open. */
public enum EndPrice {
  /** The last bar's open, as backtesting.py's {@code finalize_trades}; nothing else trades then. */
  OPEN,
  /** The last bar's close (the default). */
  CLOSE
}
