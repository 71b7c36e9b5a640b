package com.tradingbacktest.app.backtest.walkforward;

import java.util.UUID;

/** A walk-forward's state as its SSE stream sends it (event {@code status}). */
record WalkForwardEvent(UUID id, String status, int progress, String error) {

  boolean isFinal() {
    return status.equals("completed") || status.equals("failed") || status.equals("cancelled");
  }
}
