package com.tradingbacktest.app.strategy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A strategy as listed: everything but its code (GET /strategies/{id} has the code). */
@Schema(
    description =
        "A strategy in a list: everything but `code`; GET /api/v1/strategies/{id} returns the code")
record StrategySummary(
    UUID id,
    @Schema(example = "SMA crossover 10/30") String name,
    @Schema(nullable = true) String description,
    @JsonProperty("is_public") boolean isPublic,
    @Schema(description = "The user who owns it") UUID ownerId,
    @Schema(description = "Whether the caller owns it") boolean mine,
    @Schema(description = "The parameters the code declares, in source order")
        List<StrategyParameter> parameters,
    Instant createdAt,
    Instant updatedAt) {

  static StrategySummary of(Strategy strategy, UUID viewerId) {
    return new StrategySummary(
        strategy.getId(),
        strategy.name(),
        strategy.description(),
        strategy.isPublic(),
        strategy.ownerId(),
        strategy.isOwnedBy(viewerId),
        strategy.parameters(),
        strategy.createdAt(),
        strategy.updatedAt());
  }
}
