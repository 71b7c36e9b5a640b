package com.tradingbacktest.engine.prices;

import com.tradingbacktest.engine.series.BarSeries;

/** Placeholder of the prices lane's adjuster (replaced at merge): the series as stored. */
public final class PriceAdjuster {

  private PriceAdjuster() {}

  public static BarSeries adjust(
      BarSeries stored,
      PriceBasis storedBasis,
      CorporateActions actions,
      PriceBasis wanted,
      boolean dividendsAsCash) {
    return stored;
  }
}
