package com.tradingbacktest.engine.sim;

/**
 * A strategy that decides bar by bar, because what it asks for depends on the account (its
 * position, entry, cash or equity: {@link AccountView}). The bar loops ({@link Simulator} and the
 * portfolio's) call it on every bar of its symbol, in order, and read the bar's {@link Signals}
 * columns only after the call that fills them:
 *
 * <ol>
 *   <li>{@link #open} before the bar's protective exits and entry orders: it fills the bar's entry
 *       stop and limit levels (which may use the bar's open and earlier bars, and the account as it
 *       was at the previous close).
 *   <li>{@link #close} after every fill up to the close, before the close's signals are read: it
 *       fills everything else of the bar from the account as it is then.
 * </ol>
 *
 * It holds the run's state: one run at a time. Running the same signals again starts over from bar
 * 0 and gives the same columns.
 */
public interface BarDecider {

  /** Bar {@code bar} opens: fill its intrabar order levels. */
  void open(int bar);

  /** Bar {@code bar} closes with the account in {@code account}: fill its remaining columns. */
  void close(int bar, AccountView account);
}
