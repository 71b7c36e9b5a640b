package com.tradingbacktest.engine.sim;

/** The direction of a position or round-trip trade. */
public enum Side {
  LONG(1),
  SHORT(-1);

  private final int sign;

  Side(int sign) {
    this.sign = sign;
  }

  /** +1 for long, -1 for short: PnL = sign x (exit - entry) x quantity. */
  public int sign() {
    return sign;
  }
}
