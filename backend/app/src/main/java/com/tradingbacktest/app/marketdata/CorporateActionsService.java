package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.engine.prices.CorporateActions;
import com.tradingbacktest.engine.prices.PriceBasis;
import com.tradingbacktest.engine.series.Interval;
import org.springframework.stereotype.Service;

/**
 * Placeholder of the data lane's corporate actions service (replaced at merge): no actions, and the
 * basis the V17 migration gives a series (Yahoo's split-adjusted, the rest raw).
 */
@Service
public class CorporateActionsService {

  private final MarketDataService marketData;

  CorporateActionsService(MarketDataService marketData) {
    this.marketData = marketData;
  }

  public CorporateActions actions(String seriesKey) {
    return CorporateActions.NONE;
  }

  public PriceBasis basis(String seriesKey, Interval interval) {
    return marketData
        .series(seriesKey)
        .filter(s -> "yahoo".equals(s.source()))
        .map(s -> PriceBasis.SPLIT_ADJUSTED)
        .orElse(PriceBasis.RAW);
  }
}
