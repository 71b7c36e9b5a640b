package com.tradingbacktest.engine.portfolio;

/**
 * Something the run did that the user did not literally ask for, with when it happened.
 *
 * @param time the bar time (epoch ms) it concerns
 * @param kind what happened
 * @param message an English sentence naming the date and the figures
 */
public record PortfolioNote(long time, Kind kind, String message) {

  /** What a note is about; the app words each kind in the user's language. */
  public enum Kind {
    /** Target weights summed to more than 1 at a decision and were scaled down to 1. */
    WEIGHTS_SCALED,
    /** A rebalance's buys cost more than the cash there was and were scaled down. */
    BUYS_SCALED,
    /**
     * Every position was liquidated: a margin call, or the equity reached zero (the account then
     * stopped trading).
     */
    LIQUIDATION,
    /**
     * An order met a bar locked at its daily price limit (KRX) and waited for the next bar that
     * traded; its fill carries {@link com.tradingbacktest.engine.sim.FillNote#LIMIT_LOCKED}.
     */
    LIMIT_LOCKED,
    /**
     * An order met a halted bar and waited for the first bar after the halt; its fill carries
     * {@link com.tradingbacktest.engine.sim.FillNote#HALTED}.
     */
    HALTED;

    /** The API's code: {@code weights_scaled}, {@code limit_locked}, ... */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
