package com.tradingbacktest.app.backtest.run;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * PATCH /api/v1/backtests/{id}: what to change of a run's name, notes and tags; an absent field
 * stays as it is.
 *
 * @param name 1-200 characters, not blank
 * @param notes at most 10,000 characters; empty clears them
 * @param tags the run's tags as a whole (replacing the old ones): at most 20, each at most 40
 *     characters, trimmed, duplicates ignoring case dropped
 */
record RunDocumentRequest(
    @Schema(nullable = true, maxLength = RunDocument.MAX_NAME)
        @Size(max = RunDocument.MAX_NAME, message = "must be at most {max} characters")
        String name,
    @Schema(nullable = true, maxLength = RunDocument.MAX_NOTES)
        @Size(max = RunDocument.MAX_NOTES, message = "must be at most {max} characters")
        String notes,
    @Schema(nullable = true) @Size(max = 100, message = "must have at most {max} tags")
        List<String> tags) {}
