package com.tradingbacktest.engine.series;

import java.time.ZoneId;

/**
 * The columns of a test's bar series, filled bar by bar and then validated by {@link BarSeries#of}:
 * the fixtures of several test packages build their hand-made and random series through it.
 */
public final class BarColumns {

  private static final int OPEN = 0;
  private static final int HIGH = 1;
  private static final int LOW = 2;
  private static final int CLOSE = 3;
  private static final int VOLUME = 4;

  private final long[] times;

  /** Open, high, low, close and volume, each {@code n} long. */
  private final double[][] values;

  /** {@code n} bars, every value 0 until set. */
  public BarColumns(int n) {
    times = new long[n];
    values = new double[VOLUME + 1][n];
  }

  /** Sets bar {@code i}, opening at {@code time} (epoch ms). */
  public BarColumns bar(int i, long time, double o, double h, double l, double c, double v) {
    times[i] = time;
    double[] bar = {o, h, l, c, v};
    for (int column = OPEN; column <= VOLUME; column++) {
      values[column][i] = bar[column];
    }
    return this;
  }

  public BarSeries build(String symbol, Interval interval, MarketCalendar calendar, ZoneId zone) {
    return BarSeries.of(
        symbol,
        interval,
        calendar,
        zone,
        times,
        values[OPEN],
        values[HIGH],
        values[LOW],
        values[CLOSE],
        values[VOLUME]);
  }
}
