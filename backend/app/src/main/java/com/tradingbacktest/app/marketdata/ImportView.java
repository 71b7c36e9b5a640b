package com.tradingbacktest.app.marketdata;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One import as the API shows it.
 *
 * @param kind csv, fetch or seed
 * @param dataset the series written: the importer's own upload or the shared one
 * @param status pending, running, completed, failed or cancelled
 * @param rowsRead data rows in the file (or bars fetched)
 * @param rowsInserted new bars stored
 * @param rowsUpdated existing bars whose values changed
 * @param rowsSkipped bad rows left out (with skip_bad_rows), listed in {@code badRows}
 */
record ImportView(
    UUID id,
    String kind,
    String source,
    String symbol,
    @Schema(allowableValues = {"own", "shared"}) String dataset,
    String interval,
    @Schema(nullable = true) Instant rangeStart,
    @Schema(nullable = true) Instant rangeEnd,
    @Schema(nullable = true) String fileName,
    String status,
    int progress,
    int rowsRead,
    int rowsInserted,
    int rowsUpdated,
    int rowsSkipped,
    List<BadRow> badRows,
    @Schema(nullable = true) String error,
    Instant createdAt,
    @Schema(nullable = true) Instant finishedAt) {

  /** A row that was rejected or skipped, by line (the header is line 1). */
  record BadRow(int line, String reason) {}
}
