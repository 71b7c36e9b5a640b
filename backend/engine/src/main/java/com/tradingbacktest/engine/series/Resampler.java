package com.tradingbacktest.engine.series;

/**
 * Builds coarser bars from finer ones: open of the first bar, highest high, lowest low, close of
 * the last, summed volume. Buckets never cross a local day (in the series' time zone):
 *
 * <ul>
 *   <li>daily: one bar per local date, labelled at local midnight;
 *   <li>weekly: Monday to Sunday, labelled at Monday's local midnight;
 *   <li>monthly: one bar per calendar month, labelled at local midnight of the 1st;
 *   <li>intraday: stocks align buckets to each day's first bar (the session open, so US 1h bars
 *       start at 09:30); crypto aligns them to local midnight.
 * </ul>
 *
 * A partial bucket at either end is kept as it is. Events go with their bars: a bucket's dividend
 * is the sum of its bars' (each went ex within it), and a bucket is halted when every bar in it is
 * (one bar that traded is a bar an order could fill at).
 */
final class Resampler {

  private Resampler() {}

  static BarSeries resample(BarSeries in, Interval target) {
    if (target == in.interval()) {
      return in;
    }
    if (!target.isMultipleOf(in.interval())) {
      throw new IllegalArgumentException(
          "Cannot resample "
              + in.interval()
              + " bars to "
              + target
              + ": the target must be a coarser multiple");
    }
    int n = in.size();
    long[] t = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    BarEvents events = in.events();
    double[] dividend = events.hasDividends() ? new double[n] : null;
    boolean[] halted = events.hasHalts() ? new boolean[n] : null;
    int out = -1;
    long currentBucket = Long.MIN_VALUE;
    BucketClock clock = new BucketClock(in.zone(), target, in.calendar());
    for (int i = 0; i < n; i++) {
      long bucket = clock.bucketStart(in.times()[i]);
      if (bucket != currentBucket) {
        out++;
        currentBucket = bucket;
        t[out] = bucket;
        o[out] = in.open()[i];
        h[out] = in.high()[i];
        l[out] = in.low()[i];
        c[out] = in.close()[i];
        v[out] = in.volume()[i];
        if (halted != null) {
          halted[out] = events.haltedAt(i);
        }
      } else {
        h[out] = Math.max(h[out], in.high()[i]);
        l[out] = Math.min(l[out], in.low()[i]);
        c[out] = in.close()[i];
        v[out] = Volumes.add(v[out], in.volume()[i]);
        if (halted != null) {
          halted[out] &= events.haltedAt(i);
        }
      }
      if (dividend != null) {
        dividend[out] += events.dividendAt(i);
      }
    }
    int size = out + 1;
    BarSeries bars =
        BarSeries.of(
            in.symbol(),
            target,
            in.calendar(),
            in.zone(),
            java.util.Arrays.copyOf(t, size),
            java.util.Arrays.copyOf(o, size),
            java.util.Arrays.copyOf(h, size),
            java.util.Arrays.copyOf(l, size),
            java.util.Arrays.copyOf(c, size),
            java.util.Arrays.copyOf(v, size));
    if (events.isNone()) {
      return bars;
    }
    return bars.withEvents(
        new BarEvents(
            dividend == null ? null : java.util.Arrays.copyOf(dividend, size),
            halted == null ? null : java.util.Arrays.copyOf(halted, size)));
  }
}
