package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunStatus;
import java.util.UUID;

/**
 * Which of a user's runs a list shows; a null part does not filter.
 *
 * @param query text found, ignoring case, in the run's name, notes, strategy name or symbol
 * @param tag a tag the run has, ignoring case
 */
record RunFilter(UUID strategyId, String symbol, RunStatus status, String query, String tag) {

  /** The longest search text: the search scans the user's runs, so its pattern stays short. */
  static final int MAX_QUERY = 100;

  RunFilter {
    query = blankToNull(query);
    tag = blankToNull(tag);
  }

  /** {@link #query} as an ILIKE pattern matching it anywhere, its own % and _ taken literally. */
  String queryPattern() {
    return query == null
        ? null
        : "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
