package com.tradingbacktest.app.backtest;

import com.tradingbacktest.app.marketdata.SymbolInfo;
import com.tradingbacktest.app.strategy.StrategySource;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.series.Interval;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A request checked against everything it names, ready to store and run.
 *
 * @param parameters every declared parameter with the value the run uses (given or default), in
 *     declaration order
 */
record ResolvedRun(StrategySource strategy, CompiledStrategy compiled, SymbolInfo symbol, Interval interval,
    LocalDate startDate, LocalDate endDate, BigDecimal initialCapital, Map<String, Double> parameters,
    RunSettings settings) {

  /** Open time of the first bar to load: the start day's midnight in the symbol's zone. */
  Instant from() {
    return startDate.atStartOfDay(symbol.zone()).toInstant();
  }

  /** Exclusive end: midnight after the end day, in the symbol's zone. */
  Instant to() {
    return endDate.plusDays(1).atStartOfDay(symbol.zone()).toInstant();
  }
}
