package com.tradingbacktest.app.backtest;

import java.util.UUID;

/**
 * A run's state after a change, as NOTIFYed on {@link RunEvents#CHANNEL} and sent to SSE clients.
 */
record RunEvent(UUID id, String status, int progress, String error) {

  boolean isFinal() {
    return RunStatus.of(status).isFinal();
  }
}
