package com.tradingbacktest.bench;

import java.util.SplittableRandom;

/**
 * The benchmark's bars: a deterministic random walk of daily bars, the same for both engines.
 *
 * <p>The log close follows a slowly mean-reverting walk around 100 (Ornstein-Uhlenbeck, 1% daily
 * volatility, half-life of about 1,400 bars), so prices stay in a realistic range even over a
 * million bars. Each bar opens at the previous close times a small gap, and the high and low lie
 * beyond the open and the close, so every bar is valid OHLC. One bar per calendar day from
 * 2000-01-01 00:00 UTC.
 */
public final class MarketData {

  /** The fixed seed: every run and both engines see exactly the same bars. */
  public static final long SEED = 20240601L;

  public static final long START = 946_684_800_000L; // 2000-01-01T00:00:00Z
  public static final long DAY = 86_400_000L;

  public final int n;
  public final long[] times;
  public final double[] open;
  public final double[] high;
  public final double[] low;
  public final double[] close;
  public final double[] volume;

  private MarketData(int n) {
    this.n = n;
    times = new long[n];
    open = new double[n];
    high = new double[n];
    low = new double[n];
    close = new double[n];
    volume = new double[n];
  }

  public static MarketData randomWalk(int n) {
    return randomWalk(n, SEED);
  }

  public static MarketData randomWalk(int n, long seed) {
    MarketData d = new MarketData(n);
    SplittableRandom rnd = new SplittableRandom(seed);
    final double mean = Math.log(100);
    final double theta = 0.0005;
    final double sigma = 0.01;
    double logPrice = mean;
    double prevClose = 100;
    for (int i = 0; i < n; i++) {
      d.times[i] = START + i * DAY;
      double o = prevClose * Math.exp(0.002 * gauss(rnd));
      logPrice += theta * (mean - logPrice) + sigma * gauss(rnd);
      double c = Math.exp(logPrice);
      double h = Math.max(o, c) * (1 + 0.005 * Math.abs(gauss(rnd)));
      double l = Math.min(o, c) * (1 - 0.005 * Math.abs(gauss(rnd)));
      d.open[i] = round4(o);
      d.close[i] = round4(c);
      // Rounding (to keep DecimalNum's digits realistic) must not break high >= max(open, close).
      d.high[i] = Math.max(round4(h), Math.max(d.open[i], d.close[i]));
      d.low[i] = Math.min(round4(l), Math.min(d.open[i], d.close[i]));
      d.volume[i] = Math.round(1_000 + 9_000 * rnd.nextDouble());
      prevClose = d.close[i];
    }
    return d;
  }

  /**
   * Prices to 4 decimals, like a quoted price (so ta4j's DecimalNum is not fed 17-digit binary
   * noise).
   */
  private static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  private static double gauss(SplittableRandom rnd) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17 and we want the same bits
    // everywhere.
    double u1 = rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
