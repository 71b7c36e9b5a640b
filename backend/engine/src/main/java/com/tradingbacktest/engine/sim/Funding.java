package com.tradingbacktest.engine.sim;

import java.time.Duration;
import java.util.Arrays;

/**
 * Perpetual-futures funding of one symbol (docs/ENGINE.md, "Margin, borrowing and funding"): at
 * each funding time a position pays {@code quantity x price x rate} (a long pays a positive rate, a
 * short receives it; a negative rate the other way round). Either a fixed rate every interval
 * (funding times at the multiples of the interval since 1970-01-01T00:00Z, so every 8 hours falls
 * at 00:00, 08:00 and 16:00 UTC, as on Binance) or a series of (time, rate), e.g. an exchange's
 * funding history.
 */
public final class Funding {

  /** The largest |rate| of one funding time: 100% would wipe out a position at once. */
  public static final double MAX_RATE = 1;

  /** The shortest fixed funding interval. */
  public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

  private static final Funding NONE = new Funding(0, 0, null, null);

  private final double fixedRate;
  private final long intervalMillis;
  private final long[] times;
  private final double[] rates;

  private Funding(double fixedRate, long intervalMillis, long[] times, double[] rates) {
    this.fixedRate = fixedRate;
    this.intervalMillis = intervalMillis;
    this.times = times;
    this.rates = rates;
  }

  /** No funding (spot symbols, stocks). */
  public static Funding none() {
    return NONE;
  }

  /** {@code ratePerInterval} (e.g. 0.0001) at every multiple of {@code interval} (e.g. 8 hours). */
  public static Funding fixed(double ratePerInterval, Duration interval) {
    requireRate(ratePerInterval, "the funding rate");
    if (interval == null || interval.compareTo(MIN_INTERVAL) < 0) {
      throw new IllegalArgumentException("the funding interval must be at least 1 minute");
    }
    return new Funding(ratePerInterval, interval.toMillis(), null, null);
  }

  /**
   * A rate at each of {@code times} (epoch ms, strictly ascending); the arrays are copied.
   *
   * @throws IllegalArgumentException on arrays of different lengths, times not strictly ascending
   *     or a rate that is not finite or beyond {@link #MAX_RATE}
   */
  public static Funding series(long[] times, double[] rates) {
    if (times.length != rates.length) {
      throw new IllegalArgumentException(
          "funding series: " + times.length + " times but " + rates.length + " rates");
    }
    for (int i = 0; i < times.length; i++) {
      if (i > 0 && times[i] <= times[i - 1]) {
        throw new IllegalArgumentException(
            "funding series: times must be strictly ascending (at index " + i + ")");
      }
      requireRate(rates[i], "funding rate at index " + i);
    }
    return new Funding(0, 0, times.clone(), rates.clone());
  }

  private static void requireRate(double rate, String what) {
    if (!(Math.abs(rate) <= MAX_RATE)) {
      throw new IllegalArgumentException(
          what + " must be a finite fraction between -1 and 1, got " + rate);
    }
  }

  public boolean isNone() {
    return times == null && fixedRate == 0;
  }

  /**
   * The sum of the rates of the funding times in {@code [from, to)} (epoch ms): what a position of
   * value 1 pays over that span.
   */
  public double rateBetween(long from, long to) {
    if (to <= from) {
      return 0;
    }
    if (times == null) {
      if (fixedRate == 0) {
        return 0;
      }
      long count = Math.floorDiv(to - 1, intervalMillis) - Math.floorDiv(from - 1, intervalMillis);
      return count * fixedRate;
    }
    int i = firstAtOrAfter(from);
    double sum = 0;
    while (i < times.length && times[i] < to) {
      sum += rates[i++];
    }
    return sum;
  }

  private int firstAtOrAfter(long time) {
    int i = Arrays.binarySearch(times, time);
    return i >= 0 ? i : -i - 1;
  }

  @Override
  public String toString() {
    if (times != null) {
      return "Funding.series(" + times.length + " times)";
    }
    return fixedRate == 0
        ? "Funding.none()"
        : "Funding.fixed(" + fixedRate + " every " + Duration.ofMillis(intervalMillis) + ")";
  }
}
