package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunResult;
import com.tradingbacktest.app.backtest.RunSettings;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A run as its public link shows it to anyone: what it ran and its result, and the code only when
 * its owner chose so. Deliberately without the run's or its strategy's id, the owner, the notes and
 * tags, and anything about the dataset's owner.
 *
 * @param strategyCode the code that ran; null unless {@code includeCode}
 * @param result the result, with the equity overview and monthly returns (round trips at {@code
 *     /api/v1/shared/{token}/round-trips})
 */
record SharedRunResponse(
    String name,
    @Schema(nullable = true) String strategyName,
    boolean includeCode,
    @Schema(nullable = true) String strategyCode,
    String symbol,
    List<String> symbols,
    String interval,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal initialCapital,
    Map<String, Double> parameters,
    RunSettings settings,
    @Schema(nullable = true) String benchmark,
    Instant completedAt,
    RunResult result) {}
