package com.tradingbacktest.app.backtest.run;

/**
 * POST /api/v1/backtests/{id}/share.
 *
 * @param includeCode whether the public page shows the strategy's code (false when absent)
 */
record ShareRequest(Boolean includeCode) {

  boolean withCode() {
    return Boolean.TRUE.equals(includeCode);
  }
}
