package com.tradingbacktest.engine.prices;

import com.tradingbacktest.engine.series.BarEvents;
import com.tradingbacktest.engine.series.BarSeries;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Stored bars in the basis a run or a chart asks for, with the dividends and halts as {@link
 * BarEvents}. Stored bars keep the prices they were stored in (raw, or split-adjusted as Yahoo
 * serves them); every other basis is computed here, at read time, from the symbol's {@link
 * CorporateActions}.
 *
 * <p>With {@code F[i]} the product of the ratios of the splits going ex after bar {@code i} (on a
 * bar of the series: a split after the last bar's day is not applied, the series is as of its last
 * bar):
 *
 * <ul>
 *   <li>split-adjusted = raw / {@code F[i]}, volume = raw volume x {@code F[i]};
 *   <li>total return = split-adjusted x {@code T[i]}, {@code T[i]} the product over the dividends
 *       going ex after bar {@code i} of {@code 1 - D / close[k - 1]}, the dividend and the close
 *       before its ex-bar {@code k} both split-adjusted (Yahoo's {@code Adj Close}); volume as
 *       split-adjusted.
 * </ul>
 *
 * Where an action falls is {@link ActionBars}' rule: an ex-date on the first bar on or after it.
 */
public final class PriceAdjuster {

  private PriceAdjuster() {}

  /**
   * {@code stored} in the {@code wanted} basis.
   *
   * @param stored bars in {@code storedBasis}; its own events are replaced by those of {@code
   *     actions}
   * @param storedBasis RAW or SPLIT_ADJUSTED (total-return prices cannot be taken back)
   * @param dividendsAsCash put each dividend, in the returned prices' units, at its ex-bar in
   *     {@link BarEvents#dividend()} so a run pays it as cash; ignored for TOTAL_RETURN, whose
   *     prices already hold the dividends
   * @return the bars in {@code wanted}, with the dividends (if asked) and the halts; {@code stored}
   *     itself when nothing changes
   * @throws IllegalArgumentException when {@code storedBasis} is TOTAL_RETURN, or a dividend is not
   *     less than the close before its ex-date (the total-return factor would not be positive)
   */
  public static BarSeries adjust(
      BarSeries stored,
      PriceBasis storedBasis,
      CorporateActions actions,
      PriceBasis wanted,
      boolean dividendsAsCash) {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(actions, "actions");
    Objects.requireNonNull(wanted, "wanted");
    if (storedBasis == PriceBasis.TOTAL_RETURN || storedBasis == null) {
      throw new IllegalArgumentException(
          "stored bars are raw or split_adjusted, not " + storedBasis);
    }
    int n = stored.size();
    if (n == 0) {
      return stored;
    }
    ActionBars at = new ActionBars(stored);
    // The ratio of the splits, and the raw cash of the dividends, going ex at each bar.
    double[] splitAt = null;
    for (CorporateAction.Split split : actions.splits()) {
      int k = at.exBar(split.exDate());
      if (k > 0) {
        splitAt = splitAt == null ? ones(n) : splitAt;
        splitAt[k] *= split.ratio();
      }
    }
    double[] rawDividendAt = null;
    for (CorporateAction.CashDividend dividend : actions.dividends()) {
      int k = at.exBar(dividend.exDate());
      if (k >= 0 && dividend.amount() > 0) {
        rawDividendAt = rawDividendAt == null ? new double[n] : rawDividendAt;
        rawDividendAt[k] += dividend.amount();
      }
    }
    boolean[] halted = haltedBars(actions.halts(), at, n);

    double[] splitFactor = splitAt == null ? null : cumulativeAfter(splitAt);
    double[] dividend = null;
    if (rawDividendAt != null && dividendsAsCash && wanted != PriceBasis.TOTAL_RETURN) {
      dividend = new double[n];
      for (int k = 0; k < n; k++) {
        double d = rawDividendAt[k];
        dividend[k] = wanted == PriceBasis.RAW || splitFactor == null ? d : d / splitFactor[k];
      }
    }
    double[] totalReturn =
        wanted == PriceBasis.TOTAL_RETURN && rawDividendAt != null
            ? totalReturnFactors(stored, storedBasis, splitFactor, rawDividendAt, at)
            : null;
    BarEvents events = new BarEvents(dividend, halted);

    // How stored prices become wanted ones: by the split factor one way, the other or not at all.
    boolean storedSplit = storedBasis == PriceBasis.SPLIT_ADJUSTED;
    boolean wantedSplit = wanted != PriceBasis.RAW;
    int splitDirection =
        splitFactor == null || storedSplit == wantedSplit ? 0 : wantedSplit ? -1 : 1;
    if (splitDirection == 0 && totalReturn == null) {
      return events.isNone() && stored.events().isNone() ? stored : stored.withEvents(events);
    }
    double[][] columns = {stored.open(), stored.high(), stored.low(), stored.close()};
    double[][] out = new double[4][n];
    double[] volume = stored.volume().clone();
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 4; c++) {
        double p = columns[c][i];
        if (splitDirection < 0) {
          p /= splitFactor[i];
        } else if (splitDirection > 0) {
          p *= splitFactor[i];
        }
        out[c][i] = totalReturn == null ? p : p * totalReturn[i];
      }
      if (splitDirection < 0) {
        volume[i] *= splitFactor[i];
      } else if (splitDirection > 0) {
        volume[i] /= splitFactor[i];
      }
    }
    BarSeries adjusted =
        BarSeries.of(
            stored.symbol(),
            stored.interval(),
            stored.calendar(),
            stored.zone(),
            stored.times(),
            out[0],
            out[1],
            out[2],
            out[3],
            volume);
    return events.isNone() ? adjusted : adjusted.withEvents(events);
  }

  /**
   * Per bar, the product of the dividends' {@code 1 - D / close[k - 1]} over their ex-bars {@code k
   * > i}, both split-adjusted; null when no dividend has a bar before it (one on the first bar
   * adjusts nothing).
   */
  private static double[] totalReturnFactors(
      BarSeries stored,
      PriceBasis storedBasis,
      double[] splitFactor,
      double[] rawDividendAt,
      ActionBars at) {
    int n = stored.size();
    double[] close = stored.close();
    double[] multiplier = ones(n);
    boolean any = false;
    for (int k = 1; k < n; k++) {
      double d = rawDividendAt[k];
      if (d == 0) {
        continue;
      }
      double dividend = splitFactor == null ? d : d / splitFactor[k];
      double before =
          storedBasis == PriceBasis.RAW && splitFactor != null
              ? close[k - 1] / splitFactor[k - 1]
              : close[k - 1];
      if (!(dividend < before)) {
        throw new IllegalArgumentException(
            "the dividend of "
                + d
                + " going ex on "
                + at.dateOfBar(k)
                + " is not less than the close before it ("
                + before
                + " split-adjusted): check the actions");
      }
      multiplier[k] = 1 - dividend / before;
      any = true;
    }
    return any ? cumulativeAfter(multiplier) : null;
  }

  /** Per bar {@code i}, the product of {@code at[k]} over {@code k > i}. */
  private static double[] cumulativeAfter(double[] at) {
    int n = at.length;
    double[] out = new double[n];
    double product = 1;
    for (int i = n - 1; i >= 0; i--) {
      out[i] = product;
      product *= at[i];
    }
    return out;
  }

  private static double[] ones(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, 1);
    return a;
  }

  /**
   * The halt flags, null when no bar is halted. Overlapping and adjacent halts are merged first, so
   * each bar is visited at most once however many halts the actions list.
   */
  private static boolean[] haltedBars(List<CorporateAction.Halt> halts, ActionBars at, int n) {
    if (halts.isEmpty()) {
      return null;
    }
    boolean[] halted = new boolean[n];
    LocalDate from = null;
    LocalDate to = null;
    for (CorporateAction.Halt halt : halts) { // in order of their first day
      if (to != null && !halt.from().isAfter(to.plusDays(1))) {
        to = halt.to().isAfter(to) ? halt.to() : to;
        continue;
      }
      if (from != null) {
        at.markWithin(from, to, halted);
      }
      from = halt.from();
      to = halt.to();
    }
    at.markWithin(from, to, halted);
    return any(halted) ? halted : null;
  }

  private static boolean any(boolean[] flags) {
    for (boolean f : flags) {
      if (f) {
        return true;
      }
    }
    return false;
  }
}
