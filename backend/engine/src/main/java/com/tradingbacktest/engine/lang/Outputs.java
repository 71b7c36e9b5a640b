package com.tradingbacktest.engine.lang;

import java.util.LinkedHashMap;
import java.util.Map;

/** The names a strategy assigns to tell the engine what to do. */
final class Outputs {

  /**
   * @param type bool for market-order signals, number for prices, fractions and sizes
   * @param intrabar true for orders working during the bar: they may only use the bar's open and
   *     earlier bars
   */
  record Output(String name, Node.Type type, boolean intrabar, String description) {}

  /** The scale-out output: a fraction of the position to close (docs/ENGINE.md). */
  static final String EXIT_FRACTION = "exit_fraction";

  static final Map<String, Output> ALL = new LinkedHashMap<>();

  static {
    add("long_entry", Node.Type.BOOL, false, "buy at the next open (or this close) when true");
    add("long_exit", Node.Type.BOOL, false, "sell the long position when true");
    add(
        "short_entry",
        Node.Type.BOOL,
        false,
        "sell short when true (needs shorts allowed); reverses a long");
    add("short_exit", Node.Type.BOOL, false, "buy back the short position when true");
    add(
        "long_entry_stop",
        Node.Type.NUM,
        true,
        "buy during the bar when the price rises to this level");
    add(
        "long_entry_limit",
        Node.Type.NUM,
        true,
        "buy during the bar when the price falls to this level");
    add(
        "short_entry_stop",
        Node.Type.NUM,
        true,
        "sell short during the bar when the price falls to this level");
    add(
        "short_entry_limit",
        Node.Type.NUM,
        true,
        "sell short during the bar when the price rises to this level");
    add(
        "stop_loss",
        Node.Type.NUM,
        false,
        "exit when the price moves this fraction against the entry (5% = 0.05)");
    add(
        "take_profit",
        Node.Type.NUM,
        false,
        "exit when the price moves this fraction in favour of the entry");
    add(
        "trailing_stop",
        Node.Type.NUM,
        false,
        "exit when the price falls this fraction from its best since entry");
    add(
        "size",
        Node.Type.NUM,
        false,
        "entry size: a fraction of equity below 1, or units from 1 up");
    add(
        EXIT_FRACTION,
        Node.Type.NUM,
        false,
        "close this fraction of the open position (0 to 1, 1 = all) at the next open (or this"
            + " close), its oldest entries first; na = none");
  }

  /** The target-weight output: it drives the portfolio's rebalancer instead of orders. */
  static final String WEIGHT = "weight";

  static {
    add(
        WEIGHT,
        Node.Type.NUM,
        false,
        "target weight of the symbol in the portfolio, 0 to 1 (na = no opinion, keep the"
            + " position); traded on the rebalance schedule, weights summing above 1 are scaled"
            + " down");
  }

  private Outputs() {}

  private static void add(String name, Node.Type type, boolean intrabar, String description) {
    ALL.put(name, new Output(name, type, intrabar, description));
  }

  static boolean isEntry(String name) {
    return name.equals("long_entry")
        || name.equals("short_entry")
        || name.endsWith("_entry_stop")
        || name.endsWith("_entry_limit");
  }
}
