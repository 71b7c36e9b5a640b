package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunResult;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.common.i18n.LocalizedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One run in full: what was asked, the settings and parameter values it resolved to, and its
 * result.
 *
 * @param parameters every parameter of the strategy with the value used (given or its default)
 * @param settings the engine settings in force, defaults resolved
 * @param strategyCode the code that ran (the strategy may have changed since)
 * @param strategyVersion the number of the strategy's version that ran; null when unknown
 * @param result null until completed
 * @param dataset which series of the symbol it read: the user's own upload or the shared one
 * @param dataFingerprint SHA-256 (hex) of the bars it read, null until read
 * @param dataChanged whether the stored bars of its series and dates differ now from those it read
 *     (so a rerun would not give the same numbers); null until read
 * @param rerunOf the run this one repeats (POST .../rerun), else null
 * @param sameDataAsOriginal for a rerun, whether it read exactly the bars of the run it repeats;
 *     null otherwise or until read
 * @param plots the series its strategy plotted, in declaration order (values at {@code
 *     /api/v1/backtests/{id}/series}); empty until completed or when it plots nothing
 * @param benchmark the symbol the run is measured against, else null
 * @param startDate the first day of data the run covers (the requested start, or the data's first
 *     day when that is later)
 * @param endDate the last day of data it covers, likewise
 * @param symbols the symbols it trades: a portfolio run's universe in order (symbol is its first),
 *     a single run's one symbol
 * @param name the run's name: as its owner wrote it, else its strategy and symbol
 * @param notes its owner's notes, possibly empty
 * @param tags its owner's tags
 * @param share its public link, null when it is not shared
 */
record BacktestResponse(
    UUID id,
    String status,
    int progress,
    @Schema(nullable = true) @JsonSerialize(using = LocalizedText.class) String error,
    @Schema(nullable = true) UUID strategyId,
    @Schema(nullable = true) String strategyName,
    String strategyCode,
    @Schema(
            nullable = true,
            description =
                "The number of the strategy's version that ran (GET /api/v1/strategies/{id}/versions/{n});"
                    + " null for code sent with the request or an old run no version matched")
        Integer strategyVersion,
    String symbol,
    String interval,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal initialCapital,
    Map<String, Double> parameters,
    RunSettings settings,
    Instant createdAt,
    @Schema(nullable = true) Instant startedAt,
    @Schema(nullable = true) Instant completedAt,
    @Schema(nullable = true) Long durationMs,
    int attempts,
    @Schema(nullable = true) RunResult result,
    @Schema(allowableValues = {"own", "shared"}) String dataset,
    @Schema(nullable = true) String dataFingerprint,
    @Schema(nullable = true) Boolean dataChanged,
    @Schema(nullable = true) UUID rerunOf,
    @Schema(nullable = true) Boolean sameDataAsOriginal,
    List<PlotView> plots,
    @Schema(nullable = true) String benchmark,
    List<String> symbols,
    String name,
    String notes,
    List<String> tags,
    @Schema(nullable = true) ShareResponse share,
    @Schema(description = "The first day the run asked for; start_date is clipped to the data")
        LocalDate requestedStartDate,
    @Schema(description = "The last day the run asked for; end_date is clipped to the data")
        LocalDate requestedEndDate) {}
