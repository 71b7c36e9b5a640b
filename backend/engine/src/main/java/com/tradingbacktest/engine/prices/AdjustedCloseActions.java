package com.tradingbacktest.engine.prices;

import com.tradingbacktest.engine.series.BarSeries;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The actions an Adj Close column implies: between two bars its ratio to the close falls by the
 * dividend's share of the previous close, or by a split's ratio when the closes are raw.
 */
public final class AdjustedCloseActions {

  private static final double TOLERANCE = 1e-6;

  private AdjustedCloseActions() {}

  public static CorporateActions derive(BarSeries bars, double[] adjClose) {
    if (adjClose.length != bars.size()) {
      throw new IllegalArgumentException(
          adjClose.length + " adjusted closes for " + bars.size() + " bars");
    }
    double[] close = bars.close();
    List<CorporateAction> actions = new ArrayList<>();
    for (int i = 1; i < bars.size(); i++) {
      if (!(adjClose[i] > 0) || !(adjClose[i - 1] > 0)) {
        continue;
      }
      double m = (adjClose[i - 1] / close[i - 1]) / (adjClose[i] / close[i]);
      if (Math.abs(m - 1) <= TOLERANCE) {
        continue;
      }
      LocalDate day = Instant.ofEpochMilli(bars.times()[i]).atZone(bars.zone()).toLocalDate();
      double inverse = 1 / m;
      long whole = Math.round(inverse);
      long wholeUp = Math.round(m);
      if (whole >= 2 && Math.abs(inverse - whole) <= 0.01 * whole) {
        actions.add(new CorporateAction.Split(day, whole));
      } else if (wholeUp >= 2 && Math.abs(m - wholeUp) <= 0.01 * wholeUp) {
        actions.add(new CorporateAction.Split(day, 1.0 / wholeUp));
      } else if (m < 1) {
        actions.add(new CorporateAction.CashDividend(day, (1 - m) * close[i - 1]));
      }
    }
    return actions.isEmpty() ? CorporateActions.NONE : new CorporateActions(actions);
  }
}
