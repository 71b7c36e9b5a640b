package com.tradingbacktest.app.strategy;

import java.util.Locale;

/** Which strategies a list shows. */
enum StrategyScope {
  /** The caller's own, public or not. */
  MINE,
  /** Everyone's public strategies, the caller's included. */
  PUBLIC,
  /** The caller's own and everyone's public ones. */
  ALL;

  static final String VALUES = "mine|public|all";

  static StrategyScope of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
