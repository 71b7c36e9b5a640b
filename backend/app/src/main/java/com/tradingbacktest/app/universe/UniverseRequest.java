package com.tradingbacktest.app.universe;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A universe to create, or the whole new content of one being replaced (PUT): an omitted
 * description clears it.
 */
record UniverseRequest(
    @Schema(
            example = "KOSPI large caps",
            description = "1-100 characters; leading and trailing spaces are dropped")
        @NotBlank(message = "is required")
        @Size(max = Universe.MAX_NAME, message = "must be at most {max} characters")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "may not contain control characters")
        String name,
    @Schema(description = "Up to 1000 characters")
        @Size(max = Universe.MAX_DESCRIPTION, message = "must be at most {max} characters")
        String description,
    @ArraySchema(
            arraySchema =
                @Schema(
                    description =
                        "1-500 tickers in the order to keep, each 1-40 letters, digits or . _ ^ ="
                            + " / - (as stored: 005930.KS, AAPL, KRW-BTC); repeats are dropped"
                            + " (the first kept); a ticker without data is kept and listed in"
                            + " `missing_symbols`"),
            schema = @Schema(example = "005930.KS"),
            minItems = 1,
            maxItems = UniverseSymbols.MAX_SYMBOLS)
        @NotNull(message = "is required")
        @Size(min = 1, max = UniverseSymbols.MAX_SYMBOLS, message = "must hold 1-{max} symbols")
        List<String> symbols,
    @Schema(
            description =
                "Create a shared universe every user reads (administrators only; default false)."
                    + " Whether a universe is shared never changes: on PUT it must be omitted or"
                    + " equal the universe's")
        Boolean shared) {

  String trimmedName() {
    return name.strip();
  }

  /** The description without surrounding blanks; null when there is none. */
  String trimmedDescription() {
    return description == null || description.isBlank() ? null : description.strip();
  }

  boolean wantsShared() {
    return Boolean.TRUE.equals(shared);
  }
}
