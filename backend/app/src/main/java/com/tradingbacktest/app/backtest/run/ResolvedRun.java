package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.marketdata.SymbolInfo;
import com.tradingbacktest.app.strategy.StrategySource;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.series.Interval;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A request checked against everything it names, ready to store and run.
 *
 * @param parameters every declared parameter with the value the run uses (given or default), in
 *     declaration order
 * @param benchmark the series the run is measured against, resolved like {@code symbol}; null for
 *     none
 * @param startDate the first day of data the run covers: the day asked for, or the data's first day
 *     when it starts later
 * @param endDate the last day of data it covers, likewise
 * @param requestedStartDate the first day the request asked for
 * @param requestedEndDate the last day the request asked for
 * @param portfolio for a portfolio run, its universe, FX and schedule ({@code symbol} is then its
 *     first symbol); null for a single-symbol run
 */
public record ResolvedRun(
    StrategySource strategy,
    CompiledStrategy compiled,
    SymbolInfo symbol,
    Interval interval,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal initialCapital,
    Map<String, Double> parameters,
    RunSettings settings,
    SymbolInfo benchmark,
    PortfolioSetup portfolio,
    LocalDate requestedStartDate,
    LocalDate requestedEndDate) {

  /** A single-symbol run. */
  public ResolvedRun(
      StrategySource strategy,
      CompiledStrategy compiled,
      SymbolInfo symbol,
      Interval interval,
      LocalDate startDate,
      LocalDate endDate,
      BigDecimal initialCapital,
      Map<String, Double> parameters,
      RunSettings settings,
      SymbolInfo benchmark) {
    this(
        strategy,
        compiled,
        symbol,
        interval,
        startDate,
        endDate,
        initialCapital,
        parameters,
        settings,
        benchmark,
        null,
        startDate,
        endDate);
  }

  public boolean isPortfolio() {
    return portfolio != null;
  }
}
