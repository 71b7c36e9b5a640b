package com.tradingbacktest.app.backtest.run;

import java.time.LocalDate;

/**
 * A reason a run (stored or preview) cannot succeed however often it is tried: the strategy fails
 * on this data, or there are no bars. The message is shown to the user.
 */
final class RunFailure extends RuntimeException {

  RunFailure(String message) {
    super(message);
  }

  static RunFailure noBars(String symbol, String interval, LocalDate start, LocalDate end) {
    return new RunFailure(
        "No " + interval + " bars of " + symbol + " between " + start + " and " + end + ".");
  }
}
