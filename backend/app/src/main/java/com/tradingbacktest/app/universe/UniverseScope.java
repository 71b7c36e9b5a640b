package com.tradingbacktest.app.universe;

import java.util.Locale;

/** Which universes a list shows. */
enum UniverseScope {
  /** The caller's own. */
  MINE,
  /** The shared ones. */
  SHARED,
  /** The caller's own and the shared ones. */
  ALL;

  static final String VALUES = "mine|shared|all";

  static UniverseScope of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
