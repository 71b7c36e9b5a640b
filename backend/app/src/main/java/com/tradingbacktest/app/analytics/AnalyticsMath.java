package com.tradingbacktest.app.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * What analytics computes beyond the engine's metrics, on plain arrays: daily sampling in a zone,
 * simple returns, rolling Sharpe, histograms, Pearson correlation and rebasing onto a common day
 * axis. Undefined values are NaN here; the responses turn them into null.
 */
final class AnalyticsMath {

  /**
   * As in the engine's metrics: a per-period stdev at or below this is rounding noise, not risk.
   */
  static final double NOISE = 1e-12;

  private AnalyticsMath() {}

  /** JSON has no NaN or Infinity: an undefined value goes out as null. */
  static Double orNull(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /**
   * The index of the last bar of each calendar day in {@code zone}, ascending: a day's closing
   * equity is the equity at that bar. A bar belongs to the day of its open time in the zone, as
   * months do in the engine's monthly returns; java.time runs once per day, not per bar.
   *
   * @param times ascending epoch-ms bar open times
   */
  static int[] lastBarOfEachDay(long[] times, ZoneId zone) {
    int[] last = new int[times.length];
    int days = 0;
    long nextDayStart = Long.MIN_VALUE;
    for (int i = 0; i < times.length; i++) {
      if (times[i] >= nextDayStart) {
        if (i > 0) {
          last[days++] = i - 1;
        }
        LocalDate day = Instant.ofEpochMilli(times[i]).atZone(zone).toLocalDate();
        nextDayStart = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
      }
    }
    if (times.length > 0) {
      last[days++] = times.length - 1;
    }
    return Arrays.copyOf(last, days);
  }

  /** The calendar day of {@code time} in {@code zone}, as days since 1970-01-01. */
  static long epochDay(long time, ZoneId zone) {
    return Instant.ofEpochMilli(time).atZone(zone).toLocalDate().toEpochDay();
  }

  /**
   * {@code values[k] / values[k-1] - 1} for {@code k = 1 .. n-1} ({@code n - 1} returns, none for
   * fewer than two values). A return on zero or negative equity means nothing: NaN, as in
   * docs/METRICS.md.
   */
  static double[] simpleReturns(double[] values) {
    double[] returns = new double[Math.max(0, values.length - 1)];
    for (int k = 1; k < values.length; k++) {
      returns[k - 1] = values[k - 1] > 0 ? values[k] / values[k - 1] - 1 : Double.NaN;
    }
    return returns;
  }

  /**
   * The Sharpe ratio of each full window of {@code window} consecutive returns, annualised as the
   * engine's {@code sharpe_ratio}: {@code (mean - rf_p) / stdev * sqrt(periodsPerYear)} with the
   * sample stdev and {@code rf_p = (1 + riskFreeRate)^(1 / periodsPerYear) - 1}. Value {@code k}
   * covers returns {@code k .. k + window - 1}; there are {@code max(0, n - window + 1)} of them.
   * NaN where the stdev is at or below {@link #NOISE} or the window holds a NaN return.
   *
   * <p>Each window is summed afresh (n times window steps) rather than slid: sliding sums leave
   * rounding residue, and a flat window (a strategy out of the market) must come out exactly
   * undefined, not as a ratio of two residues. The inputs are days or daily/weekly bars, so n stays
   * in the thousands.
   *
   * @throws IllegalArgumentException when {@code window < 2}
   */
  static double[] rollingSharpe(
      double[] returns, int window, double periodsPerYear, double riskFreeRate) {
    if (window < 2) {
      throw new IllegalArgumentException(
          "a rolling window needs at least 2 returns, got " + window);
    }
    double rfPerPeriod = Math.pow(1 + riskFreeRate, 1 / periodsPerYear) - 1;
    double scale = Math.sqrt(periodsPerYear);
    double[] sharpe = new double[Math.max(0, returns.length - window + 1)];
    for (int k = 0; k < sharpe.length; k++) {
      double sum = 0;
      for (int j = k; j < k + window; j++) {
        sum += returns[j];
      }
      double mean = sum / window;
      double squares = 0;
      for (int j = k; j < k + window; j++) {
        double d = returns[j] - mean;
        squares += d * d;
      }
      double stdev = Math.sqrt(squares / (window - 1));
      // A NaN return makes the stdev NaN, which fails this test too.
      sharpe[k] = stdev > NOISE ? (mean - rfPerPeriod) / stdev * scale : Double.NaN;
    }
    return sharpe;
  }

  /**
   * Equal-width bins from the lowest to the highest value.
   *
   * @param edges {@code bins + 1} ascending bounds; bin {@code k} holds values in {@code [edges[k],
   *     edges[k+1])}, the last bin its upper edge too
   * @param counts values per bin
   * @param total values counted (NaN values are skipped)
   */
  record Histogram(double[] edges, int[] counts, int total) {}

  /**
   * A histogram of the finite {@code values} in {@code bins} equal bins spanning their range.
   * Without a finite value it has no bins (empty arrays). When every value is the same, the bins
   * span that value plus and minus 0.0005 (0.05 percentage points of return), so the value sits in
   * the middle.
   *
   * @throws IllegalArgumentException when {@code bins < 1}
   */
  static Histogram histogram(double[] values, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("a histogram needs at least one bin, got " + bins);
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int total = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        total++;
      }
    }
    if (total == 0) {
      return new Histogram(new double[0], new int[0], 0);
    }
    if (min == max) {
      min -= 0.0005;
      max += 0.0005;
    }
    double[] edges = new double[bins + 1];
    double width = (max - min) / bins;
    for (int k = 0; k < bins; k++) {
      edges[k] = min + k * width;
    }
    edges[bins] = max;
    int[] counts = new int[bins];
    for (double v : values) {
      if (Double.isFinite(v)) {
        int bin = (int) Math.min(bins - 1, Math.max(0, Math.floor((v - min) / width)));
        // Rounding may put a value sitting on an edge one bin off; the edges as returned decide.
        while (bin > 0 && v < edges[bin]) {
          bin--;
        }
        while (bin < bins - 1 && v >= edges[bin + 1]) {
          bin++;
        }
        counts[bin]++;
      }
    }
    return new Histogram(edges, counts, total);
  }

  /**
   * Pearson's correlation of the pairs {@code (a[i], b[i])}: {@code cov(a, b) / (sd(a) * sd(b))},
   * in {@code [-1, 1]}. NaN with fewer than two pairs or when either side does not vary (stdev at
   * or below {@link #NOISE}).
   *
   * @throws IllegalArgumentException when the arrays differ in length
   */
  static double correlation(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("correlation of " + a.length + " values with " + b.length);
    }
    int n = a.length;
    if (n < 2) {
      return Double.NaN;
    }
    double meanA = 0;
    double meanB = 0;
    for (int i = 0; i < n; i++) {
      meanA += a[i];
      meanB += b[i];
    }
    meanA /= n;
    meanB /= n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      double da = a[i] - meanA;
      double db = b[i] - meanB;
      sab += da * db;
      saa += da * da;
      sbb += db * db;
    }
    double sdA = Math.sqrt(saa / (n - 1));
    double sdB = Math.sqrt(sbb / (n - 1));
    if (!(sdA > NOISE && sdB > NOISE)) {
      return Double.NaN;
    }
    return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
  }

  /**
   * Two daily equity curves' returns over the days both have: with {@code d_0 < d_1 < ...} the
   * common days, the pair for {@code k >= 1} is each curve's {@code E(d_k) / E(d_(k-1)) - 1}. So a
   * stock curve (weekdays) and a crypto curve (every day) are both measured Friday to Monday. Pairs
   * where either return is undefined (equity at or below zero) are left out.
   *
   * @param daysA ascending epoch days of {@code equityA}
   * @return {@code {returnsA, returnsB}}, of equal length
   */
  static double[][] returnsOnCommonDays(
      long[] daysA, double[] equityA, long[] daysB, double[] equityB) {
    int common = 0;
    double[] a = new double[Math.min(daysA.length, daysB.length)];
    double[] b = new double[a.length];
    for (int i = 0, j = 0; i < daysA.length && j < daysB.length; ) {
      if (daysA[i] < daysB[j]) {
        i++;
      } else if (daysA[i] > daysB[j]) {
        j++;
      } else {
        a[common] = equityA[i++];
        b[common++] = equityB[j++];
      }
    }
    double[] returnsA = simpleReturns(Arrays.copyOf(a, common));
    double[] returnsB = simpleReturns(Arrays.copyOf(b, common));
    int kept = 0;
    for (int k = 0; k < returnsA.length; k++) {
      if (Double.isFinite(returnsA[k]) && Double.isFinite(returnsB[k])) {
        returnsA[kept] = returnsA[k];
        returnsB[kept++] = returnsB[k];
      }
    }
    return new double[][] {Arrays.copyOf(returnsA, kept), Arrays.copyOf(returnsB, kept)};
  }

  /**
   * Pairwise correlations of daily returns.
   *
   * @param values {@code values[i][j]}: correlation of curves i and j (NaN when undefined);
   *     symmetric
   * @param overlaps {@code overlaps[i][j]}: how many return pairs it was computed from
   */
  record Correlations(double[][] values, int[][] overlaps) {}

  /**
   * {@link #correlation} of {@link #returnsOnCommonDays} for every pair of curves, the diagonal
   * included.
   */
  static Correlations correlations(long[][] days, double[][] equity) {
    int n = days.length;
    double[][] values = new double[n][n];
    int[][] overlaps = new int[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double[][] pairs = returnsOnCommonDays(days[i], equity[i], days[j], equity[j]);
        values[i][j] = values[j][i] = correlation(pairs[0], pairs[1]);
        overlaps[i][j] = overlaps[j][i] = pairs[0].length;
      }
    }
    return new Correlations(values, overlaps);
  }

  /**
   * Curves on one day axis.
   *
   * @param days the union of every curve's days, ascending epoch days
   * @param values {@code values[s][d]}: curve {@code s} on {@code days[d]}, NaN outside its span
   */
  record Rebased(long[] days, double[][] values) {}

  /**
   * Puts daily curves on the union of their days, each rebased to 100 at its first value: on a day
   * it lacks inside its span (a weekend in a stock curve beside a crypto one) a curve keeps its
   * last value; before its first day and after its last it has none (NaN), so a shorter run is not
   * drawn as flat. A curve whose first value is not positive cannot be rebased and is NaN
   * throughout.
   *
   * @param days per curve, ascending epoch days (at least one)
   * @param values per curve, parallel to its days
   */
  static Rebased rebase(long[][] days, double[][] values) {
    long[] axis = union(days);
    double[][] rebased = new double[days.length][];
    for (int s = 0; s < days.length; s++) {
      long[] own = days[s];
      double base = values[s][0];
      double[] curve = new double[axis.length];
      Arrays.fill(curve, Double.NaN);
      if (base > 0 && Double.isFinite(base)) {
        int p = 0;
        for (int d = 0; d < axis.length; d++) {
          if (axis[d] < own[0] || axis[d] > own[own.length - 1]) {
            continue;
          }
          while (p + 1 < own.length && own[p + 1] <= axis[d]) {
            p++;
          }
          curve[d] = 100 * values[s][p] / base;
        }
      }
      rebased[s] = curve;
    }
    return new Rebased(axis, rebased);
  }

  private static long[] union(long[][] days) {
    long[] all = Arrays.stream(days).flatMapToLong(Arrays::stream).sorted().toArray();
    int unique = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[unique - 1]) {
        all[unique++] = all[i];
      }
    }
    return Arrays.copyOf(all, unique);
  }
}
