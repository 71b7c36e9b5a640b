package com.tradingbacktest.engine.prices;

import com.tradingbacktest.engine.series.BarSeries;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The actions an {@code Adj Close} column implies. Yahoo's adjusted close is the close times the
 * total-return factor (and, when the closes are raw, divided by the split factor), so between
 * consecutive bars {@code q = adj / close} only changes at an ex-date. With {@code f = q[i - 1] /
 * q[i]}:
 *
 * <ul>
 *   <li>{@code f} within 3% of {@code 1/n} ({@code n >= 2}): a split of {@code n} at bar {@code i}
 *       (within 3% of {@code n}: a reverse split of {@code 1/n}); only raw closes show it, as
 *       split-adjusted closes move with the adjusted ones;
 *   <li>what is left of {@code f} (all of it when no split) below 1: a dividend of {@code close[i -
 *       1] / split * (1 - f)}, the close before the ex-date in the ex-date's shares;
 *   <li>anything else, and a change within the rounding of the printed adjusted closes (half a unit
 *       of the column's last decimal, relative to each of the two, plus 1e-6), is noise: the closes
 *       are traded prices, exact, but the adjusted ones are computed and rounded.
 * </ul>
 *
 * When the closes are split-adjusted, the dividends come out in those units, which is what {@link
 * PriceAdjuster} expects of a split-adjusted series with no split listed.
 */
public final class AdjustedCloseActions {

  /** Relative change always taken as noise, on top of the printed prices' rounding. */
  static final double NOISE = 1e-6;

  private AdjustedCloseActions() {}

  /**
   * The splits and dividends implied by {@code adjClose}, dated by the bars' local dates.
   *
   * @param adjClose one per bar; NaN where a row had none (the pairs around it are skipped)
   * @throws IllegalArgumentException when the lengths differ
   */
  public static CorporateActions derive(BarSeries bars, double[] adjClose) {
    int n = bars.size();
    if (adjClose.length != n) {
      throw new IllegalArgumentException(adjClose.length + " adjusted closes for " + n + " bars");
    }
    double[] close = bars.close();
    ActionBars at = new ActionBars(bars);
    double halfUnit = 0.5 * Math.pow(10, -decimals(adjClose));
    List<CorporateAction> actions = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      double a0 = adjClose[i - 1];
      double a1 = adjClose[i];
      if (!(a0 > 0 && a1 > 0) || !Double.isFinite(a0) || !Double.isFinite(a1)) {
        continue;
      }
      double f = (a0 / close[i - 1]) / (a1 / close[i]);
      double noise = NOISE + halfUnit / a0 + halfUnit / a1;
      if (Math.abs(f - 1) <= noise) {
        continue;
      }
      double split = SplitDetector.splitRatio(1 / f);
      double left = f;
      if (!Double.isNaN(split)) {
        actions.add(new CorporateAction.Split(at.dateOfBar(i), split));
        left = f * split;
      }
      if (left < 1 - noise) {
        actions.add(
            new CorporateAction.CashDividend(
                at.dateOfBar(i),
                Double.isNaN(split)
                    ? close[i - 1] * (1 - left)
                    : close[i - 1] / split * (1 - left)));
      }
    }
    return new CorporateActions(actions);
  }

  /**
   * The most decimals any value of the column is printed with (at most 12): a column printed with
   * two decimals has 1.10 and 49.00 in it, which read as 1.1 and 49, and 49.98, which says two.
   */
  static int decimals(double[] column) {
    int most = 0;
    for (double x : column) {
      if (x > 0 && Double.isFinite(x) && most < 12) {
        most = Math.max(most, BigDecimal.valueOf(x).stripTrailingZeros().scale());
      }
    }
    return Math.min(most, 12);
  }
}
