package com.tradingbacktest.app.backtest.run;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a stored run or optimisation was resolved to (its strategy snapshot, series, span, capital
 * and settings as JSON text): enough to resolve it again with {@link RunSettingsResolver#repeat}.
 */
public interface RunSetup {

  UUID strategyId();

  String strategyName();

  String strategyCode();

  /** The number of the strategy's version it ran; null when unknown. */
  default Integer strategyVersion() {
    return null;
  }

  /** The key of the series it read ({@code MarketDataService.series}). */
  String seriesKey();

  String symbol();

  String interval();

  LocalDate startDate();

  LocalDate endDate();

  BigDecimal initialCapital();

  /** The resolved {@code RunSettings} as JSON. */
  String settings();

  /** The ticker of the benchmark it is measured against; null without one. */
  default String benchmarkSymbol() {
    return null;
  }

  /** The key of the benchmark's series; null without a benchmark. */
  default String benchmarkSeriesKey() {
    return null;
  }

  /** The resolved {@link PortfolioSetup} of a portfolio run as JSON; null for a single symbol. */
  default String portfolio() {
    return null;
  }
}
