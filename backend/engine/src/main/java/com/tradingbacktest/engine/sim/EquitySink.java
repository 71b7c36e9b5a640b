package com.tradingbacktest.engine.sim;

/**
 * Receives each bar's closing equity the moment the bar loop has marked it, so that per-bar
 * statistics can be computed in the simulation's own pass instead of a second pass over the equity
 * column ({@code Backtest.run} feeds the metrics this way).
 */
public interface EquitySink {

  /**
   * Bar {@code i} (every bar in order, from 0) closed with {@code equity}; {@code inMarket} is true
   * when a position was open at that close.
   */
  void bar(int i, double equity, boolean inMarket);

  /**
   * A quiet run of the simulator: through bars {@code from} to {@code to - 1} the book held {@code
   * quantity} units (signed) and {@code cash} unchanged. Writes each bar's closing equity ({@code
   * cash + quantity x close[j]}), position and in-market flag into the simulation's columns and
   * takes the bars in as {@link #bar} would, in order. A sink that keeps per-bar statistics
   * overrides this to hold its state in locals for the whole run (fields written back once), which
   * must give what {@link #bar} gives bar by bar, to the last bit.
   */
  default void run(
      int from,
      int to,
      double cash,
      double quantity,
      double[] close,
      double[] equity,
      double[] position,
      boolean[] inMarket) {
    boolean held = quantity != 0;
    for (int j = from; j < to; j++) {
      double marked = cash + quantity * close[j]; // Book.equity, with the book's state at hand
      equity[j] = marked;
      position[j] = quantity;
      inMarket[j] = held;
      bar(j, marked, held);
    }
  }
}
