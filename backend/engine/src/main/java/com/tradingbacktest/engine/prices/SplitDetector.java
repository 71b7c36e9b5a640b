package com.tradingbacktest.engine.prices;

import com.tradingbacktest.engine.series.BarSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds jumps between consecutive bars that look like a split: the close before over the open after
 * (or over the close after) within {@link #TOLERANCE} of a whole number {@code n >= 2} (a split of
 * {@code n}) or of {@code 1/n} (a reverse split of {@code 1/n}), a move of at least {@link
 * #MIN_MOVE}, that no known split of about that ratio within {@link #KNOWN_WITHIN_DAYS} calendar
 * days explains. An ordinary crash is rarely that close to a whole ratio: a 45% fall is a ratio of
 * 1.82, 9% from 2.
 */
public final class SplitDetector {

  /** How far, relative, the observed ratio may be from the whole number. */
  public static final double TOLERANCE = 0.03;

  /** The smallest move (down for a split, up for a reverse split) worth a look: 40%. */
  public static final double MIN_MOVE = 0.40;

  /** How many calendar days a known split may be from the jump and still explain it. */
  public static final int KNOWN_WITHIN_DAYS = 5;

  /** At most this many are reported: a series that jumps more often is noise, not splits. */
  public static final int MAX_SUSPECTS = 100;

  private SplitDetector() {}

  /** The jumps of {@code bars} that look like splits not in {@code known}, in bar order. */
  public static List<SuspectedSplit> suspects(BarSeries bars, CorporateActions known) {
    List<SuspectedSplit> out = new ArrayList<>();
    double[] open = bars.open();
    double[] close = bars.close();
    ActionBars at = new ActionBars(bars);
    List<CorporateAction.Split> splits = known.splits();
    for (int i = 1; i < bars.size() && out.size() < MAX_SUSPECTS; i++) {
      double gap = close[i - 1] / open[i];
      double ratio = splitRatio(gap);
      double observed = gap;
      if (Double.isNaN(ratio)) {
        observed = close[i - 1] / close[i];
        ratio = splitRatio(observed);
      }
      if (Double.isNaN(ratio)) {
        continue;
      }
      LocalDate date = at.dateOfBar(i);
      if (!explained(splits, date, ratio)) {
        out.add(new SuspectedSplit(date, i, ratio, observed));
      }
    }
    return out;
  }

  /**
   * The split a price ratio (before over after) looks like: {@code n} or {@code 1/n}, or NaN when
   * it is not within the tolerance of one or moves less than the minimum.
   */
  static double splitRatio(double before) {
    if (!(before > 0) || !Double.isFinite(before)) {
      return Double.NaN;
    }
    boolean reverse = before < 1;
    double x = reverse ? 1 / before : before;
    long n = Math.round(x);
    // The move: a split of n takes the price down by 1 - 1/x, a reverse split up by x - 1.
    double move = reverse ? x - 1 : 1 - 1 / x;
    if (n < 2 || Math.abs(x - n) > TOLERANCE * n || move < MIN_MOVE) {
      return Double.NaN;
    }
    return reverse ? 1.0 / n : n;
  }

  /**
   * Whether a known split of about {@code ratio} goes ex within the window around {@code date}; the
   * splits are in date order, so only those in the window are looked at.
   */
  private static boolean explained(
      List<CorporateAction.Split> splits, LocalDate date, double ratio) {
    LocalDate first = date.minusDays(KNOWN_WITHIN_DAYS);
    LocalDate last = date.plusDays(KNOWN_WITHIN_DAYS);
    int lo = 0;
    int hi = splits.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (splits.get(mid).exDate().isBefore(first)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = lo; i < splits.size() && !splits.get(i).exDate().isAfter(last); i++) {
      if (Math.abs(splits.get(i).ratio() / ratio - 1) <= TOLERANCE) {
        return true;
      }
    }
    return false;
  }
}
