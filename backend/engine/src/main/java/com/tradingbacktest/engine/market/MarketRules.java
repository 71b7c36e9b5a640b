package com.tradingbacktest.engine.market;

/**
 * The exchange rules a symbol's orders follow besides costs (docs/ENGINE.md, "KRX rules").
 *
 * @param board the KRX board whose dated tick table rounds limit and stop prices and sizes tick
 *     slippage; null for a symbol outside KRX (no tick table, the cost model's fixed tick)
 * @param priceLimits whether a daily bar locked at the upper price limit refuses buys and one
 *     locked at the lower limit refuses sells (KRX only; the orders wait for the next bar)
 */
public record MarketRules(Board board, boolean priceLimits) {

  private static final MarketRules NONE = new MarketRules(null, false);

  public MarketRules {
    if (board == null && priceLimits) {
      throw new IllegalArgumentException("price limits need a KRX board");
    }
  }

  /** No exchange rules: orders fill as the bars allow, ticks are the cost model's. */
  public static MarketRules none() {
    return NONE;
  }

  /** The Korea Exchange's rules for {@code board}, price limits on. */
  public static MarketRules krx(Board board) {
    return new MarketRules(java.util.Objects.requireNonNull(board, "board"), true);
  }

  /** These rules with price limits on or off (off, and always, outside KRX: no limits). */
  public MarketRules withPriceLimits(boolean on) {
    return board == null ? this : new MarketRules(board, on);
  }

  public boolean isNone() {
    return board == null;
  }

  public boolean isKrx() {
    return board != null;
  }
}
