package com.tradingbacktest.app.strategy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One version of a strategy; in a list without its code. */
@Schema(description = "One version of a strategy; `code` is null in a list")
record StrategyVersionResponse(
    @Schema(example = "3", description = "1, 2, ... per strategy") int number,
    @Schema(description = "The strategy's name when the version was made") String name,
    @Schema(nullable = true, description = "Its source; null in a list") String code,
    @Schema(description = "The parameters its code declares") List<StrategyParameter> parameters,
    @Schema(nullable = true, description = "What the saver said about it") String note,
    @Schema(
            nullable = true,
            description = "The version whose content it restored; null for an ordinary save")
        Integer restoredFrom,
    @Schema(description = "Whether it is the strategy's current version") boolean current,
    Instant createdAt) {

  static StrategyVersionResponse of(StrategyVersion version, Integer currentNumber) {
    return new StrategyVersionResponse(
        version.number(),
        version.name(),
        version.code(),
        version.parameters(),
        version.note(),
        version.restoredFrom(),
        currentNumber != null && currentNumber == version.number(),
        version.createdAt());
  }
}
