package com.tradingbacktest.app.strategy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tradingbacktest.engine.lang.Limits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A strategy to create, or the whole new content of one being replaced (PUT): omitted optional
 * fields take their defaults (no description, private), they do not keep the old values.
 */
record StrategyRequest(
    @Schema(
            example = "SMA crossover 10/30",
            description = "1-200 characters; leading and trailing spaces are dropped")
        @NotBlank(message = "is required")
        @Size(max = Strategy.MAX_NAME, message = "must be at most {max} characters")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "may not contain control characters")
        String name,
    @Schema(
            example = "Long while the fast average is above the slow one.",
            description = "Up to 2000 characters")
        @Size(max = StrategyRequest.MAX_DESCRIPTION, message = "must be at most {max} characters")
        String description,
    @Schema(
            example =
                """
                param fast = 10 in 2..100 step 1
                param slow = 30 in 5..300 step 5
                long_entry = crossover(sma(close, fast), sma(close, slow))
                long_exit = crossunder(sma(close, fast), sma(close, slow))
                """,
            description =
                "Strategy-language source; it must compile (else 422 `/problems/invalid-strategy`)")
        @NotBlank(message = "is required")
        @Size(max = Limits.MAX_SOURCE_CHARS, message = "must be at most {max} characters")
        String code,
    @JsonProperty("is_public")
        @Schema(
            description =
                "Readable and copyable by every user (never editable by them); default false")
        Boolean isPublic,
    @Schema(
            nullable = true,
            description =
                "Up to 500 characters about this save, kept with the version it makes (if any)")
        @Size(max = StrategyRequest.MAX_NOTE, message = "must be at most {max} characters")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "may not contain control characters")
        String note,
    @JsonProperty("allow_draft")
        @Schema(
            description =
                "When true, code that does not compile is kept as the strategy's draft (no version"
                    + " is made; runs keep using the last valid version) instead of refused with"
                    + " 422; default false")
        Boolean allowDraft) {

  static final int MAX_DESCRIPTION = 2000;
  static final int MAX_NOTE = 500;

  String trimmedName() {
    return name.strip();
  }

  /** The description without surrounding blanks; null when there is none. */
  String trimmedDescription() {
    return description == null || description.isBlank() ? null : description.strip();
  }

  boolean wantsPublic() {
    return Boolean.TRUE.equals(isPublic);
  }

  boolean allowsDraft() {
    return Boolean.TRUE.equals(allowDraft);
  }

  /** The note without surrounding blanks; null when there is none. */
  String trimmedNote() {
    return note == null || note.isBlank() ? null : note.strip();
  }
}
