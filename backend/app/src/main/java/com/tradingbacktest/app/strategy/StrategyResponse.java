package com.tradingbacktest.app.strategy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One strategy in full, with its code. */
record StrategyResponse(
    UUID id,
    @Schema(example = "SMA crossover 10/30") String name,
    @Schema(nullable = true) String description,
    @Schema(description = "Strategy-language source") String code,
    @JsonProperty("is_public") boolean isPublic,
    @Schema(description = "The user who owns it") UUID ownerId,
    @Schema(description = "Whether the caller owns it (and so may change or delete it)")
        boolean mine,
    @Schema(description = "The parameters the code declares, in source order")
        List<StrategyParameter> parameters,
    Instant createdAt,
    Instant updatedAt) {

  static StrategyResponse of(Strategy strategy, UUID viewerId) {
    return new StrategyResponse(
        strategy.getId(),
        strategy.name(),
        strategy.description(),
        strategy.code(),
        strategy.isPublic(),
        strategy.ownerId(),
        strategy.isOwnedBy(viewerId),
        strategy.parameters(),
        strategy.createdAt(),
        strategy.updatedAt());
  }
}
