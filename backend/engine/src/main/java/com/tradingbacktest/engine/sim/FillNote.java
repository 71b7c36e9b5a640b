package com.tradingbacktest.engine.sim;

import java.util.Locale;

/**
 * Why an order waited before it filled (docs/ENGINE.md, "Dividends, halts and KRX rules"): the note
 * its fill carries.
 */
public enum FillNote {
  /**
   * A bar locked at its daily price limit (open, high, low and close at the upper limit for a buy,
   * the lower for a sell) refused it; it filled at the next bar that traded.
   */
  LIMIT_LOCKED,
  /** Trading in the symbol was halted (거래정지); it filled at the first bar after the halt. */
  HALTED;

  /** The API's code: {@code limit_locked}, {@code halted}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
