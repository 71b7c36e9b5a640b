package com.tradingbacktest.app.backtest.events;

import com.tradingbacktest.app.backtest.RunStatus;
import java.util.UUID;

/**
 * A run's state after a change, as NOTIFYed on {@link RunEvents#CHANNEL} and sent to SSE clients.
 */
public record RunEvent(UUID id, String status, int progress, String error) {

  public boolean isFinal() {
    return RunStatus.of(status).isFinal();
  }
}
