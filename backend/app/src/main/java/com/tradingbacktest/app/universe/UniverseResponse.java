package com.tradingbacktest.app.universe;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One universe in full: its symbols, and which of them the caller has no data for. */
record UniverseResponse(
    UUID id,
    @Schema(example = "KOSPI large caps") String name,
    @Schema(nullable = true) String description,
    @Schema(description = "Shared with every user (changed only by administrators)") boolean shared,
    @Schema(description = "Whether the caller owns it") boolean mine,
    @Schema(description = "Whether the caller may change and delete it") boolean editable,
    @Schema(description = "The tickers, in the order given") List<String> symbols,
    @Schema(
            description =
                "Those of `symbols` with no bars (of any interval) in a series the caller reads,"
                    + " their own upload or the shared one: load them before a run uses them")
        List<String> missingSymbols,
    Instant createdAt,
    Instant updatedAt) {

  static UniverseResponse of(
      Universe universe, UUID viewerId, boolean editable, Set<String> withBars) {
    List<String> symbols = universe.symbols();
    return new UniverseResponse(
        universe.getId(),
        universe.name(),
        universe.description(),
        universe.isShared(),
        universe.isOwnedBy(viewerId),
        editable,
        symbols,
        symbols.stream().filter(s -> !withBars.contains(s)).toList(),
        universe.createdAt(),
        universe.updatedAt());
  }
}
