package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.engine.prices.CorporateActions;
import com.tradingbacktest.engine.prices.PriceAdjuster;
import com.tradingbacktest.engine.prices.PriceBasis;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * The bars of {@code GET /api/v1/data/historical} in the price basis a chart asks for, adjusted as
 * a run's are ({@link PriceAdjuster} over the series' stored basis and corporate actions), so the
 * chart shows the prices a run with that adjustment reads.
 *
 * <p>A series without corporate actions reads the same in every basis and streams from the stored
 * bars as before. One with actions is read from the range's start to its last bar and adjusted in
 * memory, since a bar's adjusted price depends on every later split and dividend; that is bounded
 * by {@link #MAX_ADJUSTED_BARS}.
 */
@Service
class HistoryPrices {

  /** The default basis of a chart, as of a run: split-adjusted. */
  static final PriceBasis DEFAULT = PriceBasis.SPLIT_ADJUSTED;

  /**
   * The most stored bars a series with corporate actions may have to be charted adjusted: a read
   * holds them all (48 bytes each, 48 MB at the limit). Series with actions are stocks, whose daily
   * history is a few thousand bars; a minute series that long is charted in its stored basis.
   */
  static final long MAX_ADJUSTED_BARS = 1_000_000;

  private final MarketDataService data;
  private final CorporateActionsService corporateActions;

  HistoryPrices(MarketDataService data, CorporateActionsService corporateActions) {
    this.data = data;
    this.corporateActions = corporateActions;
  }

  /** The basis of the {@code adjustment} parameter; the default when absent. */
  static PriceBasis parse(String adjustment) {
    if (adjustment == null || adjustment.isBlank()) {
      return DEFAULT;
    }
    try {
      return PriceBasis.parse(adjustment);
    } catch (IllegalArgumentException e) {
      throw new FieldValidationException(
          "adjustment", "must be raw, split_adjusted or total_return");
    }
  }

  HistoryPage history(
      SymbolInfo s,
      Interval interval,
      Instant start,
      Instant end,
      Interval resampleTo,
      int limit,
      String cursor,
      PriceBasis wanted) {
    CorporateActions actions = corporateActions.actions(s.seriesKey());
    if (actions.isEmpty()) {
      return data.history(s, interval, start, end, resampleTo, limit, cursor);
    }
    long stored = data.range(s.seriesKey(), interval).map(DataRange::barCount).orElse(0L);
    if (stored > MAX_ADJUSTED_BARS) {
      throw new FieldValidationException(
          "adjustment",
          "the "
              + interval.code()
              + " series of "
              + s.symbol()
              + " has "
              + stored
              + " bars, more than 1,000,000, and corporate actions: chart it in a longer"
              + " interval to see it adjusted");
    }
    // A bar's adjusted price depends on the actions after it and the closes before their
    // ex-dates, all at or after it: the bars from start on are enough.
    BarSeries read =
        data.loadSeries(s.seriesKey(), interval, start, Instant.parse("9999-01-01T00:00:00Z"));
    BarSeries adjusted =
        PriceAdjuster.adjust(
            read, corporateActions.basis(s.seriesKey(), interval), actions, wanted, false);
    return data.history(s, interval, start, end, resampleTo, limit, cursor, adjusted);
  }
}
