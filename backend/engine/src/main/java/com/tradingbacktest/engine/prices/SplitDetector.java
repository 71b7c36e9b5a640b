package com.tradingbacktest.engine.prices;

import com.tradingbacktest.engine.series.BarSeries;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds one-day price ratios near a whole number of at least 2 (or its inverse, a reverse split)
 * that no known split explains.
 */
public final class SplitDetector {

  /** How close to a whole number a ratio must be, relative to it. */
  private static final double TOLERANCE = 0.03;

  private SplitDetector() {}

  public static List<SuspectedSplit> suspects(BarSeries bars, CorporateActions known) {
    Set<LocalDate> splitDays = new HashSet<>();
    for (CorporateAction a : known.actions()) {
      if (a instanceof CorporateAction.Split s) {
        splitDays.add(s.exDate());
      }
    }
    List<SuspectedSplit> found = new ArrayList<>();
    double[] close = bars.close();
    long[] times = bars.times();
    for (int i = 1; i < bars.size(); i++) {
      double priceRatio = close[i - 1] / close[i];
      double up = priceRatio >= 1 ? priceRatio : 1 / priceRatio;
      long whole = Math.round(up);
      if (whole < 2 || Math.abs(up - whole) > TOLERANCE * whole) {
        continue;
      }
      LocalDate day = Instant.ofEpochMilli(times[i]).atZone(bars.zone()).toLocalDate();
      if (splitDays.contains(day)) {
        continue;
      }
      found.add(new SuspectedSplit(day, i, priceRatio >= 1 ? whole : 1.0 / whole, priceRatio));
    }
    return found;
  }
}
