package com.tradingbacktest.app.backtest.optimize;

import com.tradingbacktest.app.backtest.RunStatus;
import com.tradingbacktest.app.backtest.run.RunSetup;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One row of {@code optimizations}; JSON columns as text. {@code evaluated} counts stored results;
 * {@code seriesKey} and {@code dataset} name the series it reads (the user's own upload or shared);
 * {@code benchmarkSymbol} and {@code benchmarkSeriesKey} the benchmark a combination run as a
 * backtest is measured against (null: none; the sweep itself computes no benchmark metrics). {@code
 * paramConstraints} is the request's parameter constraints as a JSON list of texts; {@code
 * combinations} counts the grid's combinations that meet every constraint, {@code
 * skippedCombinations} those that broke one. {@code outOfSample} is the held-out split as JSON
 * ({@link OptimizationRobustness.Split}; null: none), {@code cscvPartitions} the blocks each
 * result's returns are summed over (null for an optimisation from before they were kept), {@code
 * robustness} what the finish step stored ({@link OptimizationRobustness.Finished}; null until it
 * has run).
 */
record OptimizationRow(
    UUID id,
    UUID userId,
    UUID strategyId,
    String strategyName,
    String strategyCode,
    String symbol,
    String interval,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal initialCapital,
    String settings,
    String ranges,
    String objective,
    String constraints,
    int combinations,
    int sliceCount,
    RunStatus status,
    String error,
    Instant createdAt,
    Instant startedAt,
    Instant completedAt,
    long evaluated,
    String seriesKey,
    String dataset,
    String benchmarkSymbol,
    String benchmarkSeriesKey,
    String portfolio,
    String paramConstraints,
    long skippedCombinations,
    String outOfSample,
    Integer cscvPartitions,
    String robustness)
    implements RunSetup {

  boolean isPortfolio() {
    return portfolio != null;
  }
}
