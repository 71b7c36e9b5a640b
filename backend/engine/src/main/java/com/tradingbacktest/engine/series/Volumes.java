package com.tradingbacktest.engine.series;

/**
 * Adding traded quantities without binary noise. Exchanges state volumes as decimals with at most
 * eight fraction digits (Upbit and Binance give eight; shares are whole), which doubles hold only
 * approximately, so a plain sum of minute volumes prints as 434.6538190400001 instead of
 * 434.65381904. Each sum is put back on the 10⁻⁸ grid, where it belongs; that also keeps a long sum
 * from drifting.
 */
public final class Volumes {

  private static final double GRID = 1e8;

  /** 2⁵³: below it every whole number is a double, so rounding the scaled sum is exact. */
  private static final double EXACT = 9_007_199_254_740_992d;

  private Volumes() {}

  /**
   * {@code total + volume}, rounded to eight fraction digits while the sum is below 90,071,992
   * (past it a double cannot hold eight digits anyway, and the plain sum is returned). A quantity
   * given with more than eight fraction digits loses what lies beyond them.
   */
  public static double add(double total, double volume) {
    double sum = total + volume;
    double scaled = sum * GRID;
    return Math.abs(scaled) < EXACT ? Math.rint(scaled) / GRID : sum;
  }
}
