package com.tradingbacktest.engine.sim;

/** Why a round-trip trade ended. */
public enum ExitReason {
  /** An exit signal (market order). */
  SIGNAL,
  /** An entry signal in the opposite direction closed it first (a reversal). */
  REVERSAL,
  STOP_LOSS,
  TAKE_PROFIT,
  TRAILING_STOP,
  /** Closed at the last bar's close because the run asked to close open positions at the end. */
  END_OF_DATA,
  /** A portfolio's rebalance sold it (in part or whole) towards its target weight. */
  REBALANCE,
  /**
   * The account liquidated it: the equity fell to the maintenance margin, or to zero in a cash
   * account (docs/ENGINE.md, "Margin, borrowing and funding").
   */
  LIQUIDATION
}
