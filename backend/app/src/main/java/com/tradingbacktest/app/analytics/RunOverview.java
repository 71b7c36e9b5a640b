package com.tradingbacktest.app.analytics;

import com.tradingbacktest.app.backtest.StoredRun;
import com.tradingbacktest.app.common.web.NullableValues;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A run as analytics shows it: what ran, on what, and its metrics.
 *
 * @param symbolCount how many symbols it trades: 1, or a portfolio run's universe (symbol is its
 *     first)
 * @param currency money metrics (final_equity, expectancy, commissions...) are in it
 * @param timeZone the symbol's zone: days and months are counted in it
 * @param metrics every metric of docs/METRICS.md in that order, null where undefined; null for a
 *     run not completed
 */
record RunOverview(
    UUID id,
    @Schema(allowableValues = {"pending", "running", "completed", "failed", "cancelled"})
        String status,
    @Schema(nullable = true) UUID strategyId,
    @Schema(nullable = true) String strategyName,
    String symbol,
    int symbolCount,
    String interval,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal initialCapital,
    Map<String, Double> parameters,
    String currency,
    String timeZone,
    @Schema(
            nullable = true,
            description =
                "Metric name to value in the order of docs/METRICS.md; a value is null"
                    + " when undefined, the whole map null until the run completed")
        @NullableValues
        Map<String, Number> metrics) {

  static RunOverview of(StoredRun run) {
    return new RunOverview(
        run.id(),
        run.status(),
        run.strategyId(),
        run.strategyName(),
        run.symbol(),
        run.symbolCount(),
        run.interval(),
        run.startDate(),
        run.endDate(),
        run.initialCapital(),
        run.parameters(),
        run.currency(),
        run.timeZone(),
        run.result() == null ? null : MetricNames.ordered(run.result().metrics()));
  }
}
