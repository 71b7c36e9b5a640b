package com.tradingbacktest.engine.sim;

/** When a market order from a signal on bar {@code i} executes. */
public enum FillMode {
  /** At bar {@code i + 1}'s open: the default, and the only mode free of any look-ahead doubt. */
  NEXT_OPEN,
  /** At bar {@code i}'s own close, for strategies that act in the closing auction. */
  CLOSE
}
