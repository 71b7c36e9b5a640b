package com.tradingbacktest.app.universe;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A universe in a list: the count and the first symbols, so a page stays small whatever the
 * universes hold; GET /api/v1/universes/{id} has them all.
 */
@Schema(
    description =
        "A universe in a list: its first symbols and counts; GET /api/v1/universes/{id} returns"
            + " every symbol and which have no data")
record UniverseSummary(
    UUID id,
    @Schema(example = "KOSPI large caps") String name,
    @Schema(nullable = true) String description,
    @Schema(description = "Shared with every user (changed only by administrators)") boolean shared,
    @Schema(description = "Whether the caller owns it") boolean mine,
    @Schema(description = "Whether the caller may change and delete it") boolean editable,
    @Schema(description = "How many symbols it holds") int symbolCount,
    @Schema(description = "The first " + UniverseSummary.PREVIEW + " symbols, in order")
        List<String> symbolsPreview,
    @Schema(description = "How many of its symbols have no bars the caller can read")
        int missingCount,
    Instant createdAt,
    Instant updatedAt) {

  static final int PREVIEW = 12;

  static UniverseSummary of(
      Universe universe, UUID viewerId, boolean editable, Set<String> withBars) {
    List<String> symbols = universe.symbols();
    return new UniverseSummary(
        universe.getId(),
        universe.name(),
        universe.description(),
        universe.isShared(),
        universe.isOwnedBy(viewerId),
        editable,
        symbols.size(),
        symbols.subList(0, Math.min(PREVIEW, symbols.size())),
        (int) symbols.stream().filter(s -> !withBars.contains(s)).count(),
        universe.createdAt(),
        universe.updatedAt());
  }
}
