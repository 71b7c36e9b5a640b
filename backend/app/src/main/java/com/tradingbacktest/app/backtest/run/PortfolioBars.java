package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.app.marketdata.SymbolInfo;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bars a portfolio run reads: every symbol's (one bulk read) and each FX series' (from a month
 * before the first day, since the rate in force at the first bar may be an older close). Shared by
 * the run and by the check of whether its data changed since, so both read the same bars.
 *
 * @param universe per symbol of the setup, in its order, its bars over the run's days
 * @param fx per foreign currency, its FX series' bars
 */
record PortfolioBars(List<BarSeries> universe, Map<String, BarSeries> fx) {

  /** How far before a portfolio's first day its FX series are read. */
  static final int FX_LOOKBACK_DAYS = 31;

  /**
   * @throws RunFailure when a series of the setup no longer exists
   */
  static PortfolioBars load(
      MarketDataService marketData,
      PortfolioSetup setup,
      Interval interval,
      LocalDate start,
      LocalDate end) {
    List<String> keys = setup.symbols().stream().map(PortfolioSetup.Member::seriesKey).toList();
    Map<String, SymbolInfo> stored = marketData.seriesAll(keys);
    List<SymbolInfo> members = new ArrayList<>(keys.size());
    for (PortfolioSetup.Member m : setup.symbols()) {
      SymbolInfo info = stored.get(m.seriesKey());
      if (info == null) {
        throw new RunFailure("The data of " + m.symbol() + " no longer exists.");
      }
      members.add(info);
    }
    List<BarSeries> universe = marketData.loadDaysOfMany(members, interval, start, end);
    ZoneId zone = ZoneId.of(setup.timeZone());
    Map<String, BarSeries> fx = new LinkedHashMap<>();
    for (PortfolioSetup.FxSource source : setup.fx()) {
      if (marketData.series(source.seriesKey()).isEmpty()) {
        throw new RunFailure("The data of the FX series " + source.symbol() + " no longer exists.");
      }
      fx.put(
          source.currency(),
          BenchmarkBars.read(
              marketData,
              source.seriesKey(),
              interval,
              start.minusDays(FX_LOOKBACK_DAYS),
              end,
              zone));
    }
    return new PortfolioBars(universe, fx);
  }

  /** Every series key the setup reads: its symbols' and its FX series'. */
  static List<String> seriesKeys(PortfolioSetup setup) {
    List<String> keys = new ArrayList<>();
    setup.symbols().forEach(m -> keys.add(m.seriesKey()));
    setup.fx().forEach(f -> keys.add(f.seriesKey()));
    return keys;
  }
}
