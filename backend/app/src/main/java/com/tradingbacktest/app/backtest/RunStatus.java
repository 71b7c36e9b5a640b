package com.tradingbacktest.app.backtest;

import java.util.Locale;

/**
 * The life of a run (the {@code backtest_status} enum): pending, running, then one of the final
 * three.
 */
public enum RunStatus {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED;

  public boolean isFinal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RunStatus of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
