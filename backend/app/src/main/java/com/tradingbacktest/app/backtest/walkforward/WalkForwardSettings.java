package com.tradingbacktest.app.backtest.walkforward;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of walk-forwards ({@code tb.walk-forward}); .env.example names the variables.
 *
 * @param maxBacktests MAX_WALK_FORWARD_BACKTESTS: the most backtests one walk-forward may run, its
 *     windows times the grid's valid combinations
 */
@ConfigurationProperties("tb.walk-forward")
public record WalkForwardSettings(@DefaultValue("100000") long maxBacktests) {

  public WalkForwardSettings {
    if (maxBacktests < 1) {
      throw new IllegalArgumentException("tb.walk-forward.max-backtests must be at least 1");
    }
  }
}
