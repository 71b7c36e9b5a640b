package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunSettings;
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
 * @param universe per symbol of the setup, in its order, its bars over the run's days in the run's
 *     prices ({@link RunPrices})
 * @param fx per foreign currency, its FX series' bars (rates, as stored: no corporate actions)
 * @param priceInputs what besides the bars decided the universe's prices ({@link
 *     RunPrices#combine}); null when the bars were read as stored
 */
public record PortfolioBars(
    List<BarSeries> universe, Map<String, BarSeries> fx, String priceInputs) {

  /** How far before a portfolio's first day its FX series are read. */
  static final int FX_LOOKBACK_DAYS = 31;

  /** A loaded bar: its time and five doubles. */
  static final long LOADED_BAR_BYTES = 48;

  /**
   * Refuses a universe whose stored bars of {@code interval} could take more than {@code
   * memoryBytes} once loaded, before a bar is read.
   *
   * @return the reason, or null when they fit
   */
  static String tooLarge(
      MarketDataService marketData, PortfolioSetup setup, Interval interval, long memoryBytes) {
    List<String> keys = setup.symbols().stream().map(PortfolioSetup.Member::seriesKey).toList();
    long storedBars =
        marketData.ranges(keys, interval).values().stream()
            .mapToLong(com.tradingbacktest.app.marketdata.DataRange::barCount)
            .sum();
    if (storedBars * LOADED_BAR_BYTES <= memoryBytes) {
      return null;
    }
    return String.format(
        java.util.Locale.ROOT,
        "The portfolio's %,d symbols have %,d %s bars stored, about %,d MB to load; the limit"
            + " per run is %,d MB. Use fewer symbols or a longer interval.",
        keys.size(),
        storedBars,
        interval.code(),
        (storedBars * LOADED_BAR_BYTES + (1 << 20) - 1) >> 20,
        memoryBytes >> 20);
  }

  /**
   * @throws RunFailure when a series of the setup no longer exists
   */
  static PortfolioBars load(
      MarketDataService marketData,
      RunPrices runPrices,
      RunSettings.Prices prices,
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
    List<BarSeries> read = marketData.loadDaysOfMany(members, interval, start, end);
    List<BarSeries> universe = new ArrayList<>(read.size());
    List<String> inputs = new ArrayList<>(read.size());
    for (int i = 0; i < read.size(); i++) {
      RunPrices.Priced priced =
          runPrices.read(members.get(i).seriesKey(), interval, read.get(i), prices);
      universe.add(priced.bars());
      inputs.add(priced.inputs());
    }
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
    return new PortfolioBars(universe, fx, RunPrices.combine(inputs));
  }

  /** Every series key the setup reads: its symbols' and its FX series'. */
  static List<String> seriesKeys(PortfolioSetup setup) {
    List<String> keys = new ArrayList<>();
    setup.symbols().forEach(m -> keys.add(m.seriesKey()));
    setup.fx().forEach(f -> keys.add(f.seriesKey()));
    return keys;
  }
}
