package com.tradingbacktest.engine.sim;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A liquidation: every position closed because the equity fell to the maintenance margin (a margin
 * call) or to zero (the default account rule).
 *
 * @param time the bar time (epoch ms) it happened in
 * @param marginCall true when the maintenance margin called it, false when the equity reached zero
 * @param gap true when the bar opened beyond the liquidation level, so the fill was at the open
 * @param equityAfter the account's equity once everything was closed (below zero after a gap)
 * @param stopped true when the account stopped trading (nothing left to trade with)
 * @param message an English sentence naming the date and the figures
 */
public record Liquidation(
    long time,
    boolean marginCall,
    boolean gap,
    double equityAfter,
    boolean stopped,
    String message) {

  /**
   * The English sentence of a liquidation at {@code time} (a date in {@code zone}); {@code level}
   * is the price that triggered it for one position, NaN for several.
   */
  public static String describe(
      long time,
      ZoneId zone,
      boolean marginCall,
      boolean gap,
      double level,
      double equityAfter,
      boolean stopped) {
    StringBuilder m = new StringBuilder();
    m.append(Instant.ofEpochMilli(time).atZone(zone).toLocalDate())
        .append(
            marginCall
                ? ": the equity fell to the maintenance margin"
                : ": the equity reached zero");
    if (!Double.isNaN(level)) {
      m.append(String.format(Locale.ROOT, " at a price of %.6g", level));
    }
    m.append(gap ? "; prices jumped beyond it, so" : ";")
        .append(" every position was liquidated")
        .append(gap ? " at the first price after the jump" : "")
        .append(String.format(Locale.ROOT, " and the equity was %.2f", equityAfter))
        .append(stopped ? "; the account stopped trading" : "");
    return m.toString();
  }
}
