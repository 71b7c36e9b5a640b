package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.common.web.NullableValues;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run in a list: what it ran and its headline metrics once completed.
 *
 * @param keyMetrics total_return, cagr, sharpe_ratio, sortino_ratio, max_drawdown, win_rate,
 *     profit_factor, trade_count, final_equity and buy_and_hold_return; null until completed, a
 *     value null when undefined
 * @param symbolCount how many symbols it trades: 1, or a portfolio run's universe (symbol is its
 *     first)
 * @param dataset which series of the symbol it reads: the user's own upload or the shared one
 * @param name the run's name: as its owner wrote it, else its strategy and symbol
 * @param tags its owner's tags
 */
record BacktestSummary(
    UUID id,
    @Schema(allowableValues = {"pending", "running", "completed", "failed", "cancelled"})
        String status,
    int progress,
    @Schema(nullable = true) String error,
    @Schema(nullable = true) UUID strategyId,
    @Schema(nullable = true) String strategyName,
    @Schema(nullable = true, description = "The number of the strategy's version that ran")
        Integer strategyVersion,
    String symbol,
    int symbolCount,
    @Schema(allowableValues = {"own", "shared"}) String dataset,
    String interval,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal initialCapital,
    Map<String, Double> parameters,
    String currency,
    Instant createdAt,
    @Schema(nullable = true) Instant startedAt,
    @Schema(nullable = true) Instant completedAt,
    @Schema(nullable = true) Long durationMs,
    @Schema(nullable = true) @NullableValues Map<String, Double> keyMetrics,
    String name,
    List<String> tags) {}
