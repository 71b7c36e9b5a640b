package com.tradingbacktest.engine.cli;

import com.tradingbacktest.engine.market.Board;
import com.tradingbacktest.engine.market.MarketRules;
import java.util.Locale;

/**
 * The command line's KRX rules (docs/ENGINE.md, "KRX rules"): {@code --board
 * kospi|kosdaq|konex|etf} turns on the board's dated tick table and price limits, {@code
 * --price-limits on|off} switches the limits.
 */
final class KrxOptions {

  static final String USAGE =
      """
        --board       kospi, kosdaq, konex or etf: the KRX rules of that board (docs/ENGINE.md, "KRX
                      rules"): limit and stop prices rounded to its dated tick table, tick slippage
                      in the table's tick, and days locked at the daily price limit fill no buy
                      (upper) or sell (lower); with several --data, every symbol
        --price-limits  on (the default with --board) or off""";

  private Board board;
  private Boolean priceLimits;

  /** Whether {@code option} is one of these; then {@code value} is its value. */
  static boolean handles(String option) {
    return option.equals("--board") || option.equals("--price-limits");
  }

  void set(String option, String value) {
    if (option.equals("--board")) {
      board = Board.parse(value);
      return;
    }
    priceLimits =
        switch (value.toLowerCase(Locale.ROOT)) {
          case "on" -> true;
          case "off" -> false;
          default ->
              throw new IllegalArgumentException(
                  "--price-limits is on or off, got '" + value + "'");
        };
  }

  /** The rules the options ask for: none without --board. */
  MarketRules rules() {
    if (board == null) {
      if (priceLimits != null) {
        throw new IllegalArgumentException(
            "--price-limits applies to KRX symbols: add --board kospi|kosdaq|konex|etf");
      }
      return MarketRules.none();
    }
    MarketRules rules = MarketRules.krx(board);
    return priceLimits == null ? rules : rules.withPriceLimits(priceLimits);
  }
}
