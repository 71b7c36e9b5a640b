package com.tradingbacktest.app.strategy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One strategy in full, with its code (its current version's) and, for its owner, its draft. */
record StrategyResponse(
    UUID id,
    @Schema(example = "SMA crossover 10/30") String name,
    @Schema(nullable = true) String description,
    @Schema(
            description =
                "Strategy-language source of its current version; empty while it has only a draft")
        String code,
    @JsonProperty("is_public") boolean isPublic,
    @Schema(description = "The user who owns it") UUID ownerId,
    @Schema(description = "Whether the caller owns it (and so may change or delete it)")
        boolean mine,
    @Schema(description = "The parameters the code declares, in source order")
        List<StrategyParameter> parameters,
    @Schema(
            nullable = true,
            description =
                "The number of its current version, which runs use; null while it has only a draft")
        Integer version,
    @Schema(
            nullable = true,
            description =
                "Code saved with errors beside the current version; only its owner sees it")
        StrategyDraftResponse draft,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * @param draft its draft as it reads now; left out unless {@code viewerId} owns the strategy
   */
  static StrategyResponse of(Strategy strategy, UUID viewerId, StrategyDraftResponse draft) {
    return new StrategyResponse(
        strategy.getId(),
        strategy.name(),
        strategy.description(),
        strategy.code(),
        strategy.isPublic(),
        strategy.ownerId(),
        strategy.isOwnedBy(viewerId),
        strategy.parameters(),
        strategy.version(),
        strategy.isOwnedBy(viewerId) ? draft : null,
        strategy.createdAt(),
        strategy.updatedAt());
  }
}
