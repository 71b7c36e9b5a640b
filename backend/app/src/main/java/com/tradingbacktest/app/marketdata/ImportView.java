package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.common.i18n.LocalizedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonSerialize;

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
 * @param suspectedSplits one-day price moves of a CSV's daily bars near a whole ratio that no known
 *     split explains (reported by the import's answer; empty when read back later)
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
    @Schema(nullable = true) @JsonSerialize(using = LocalizedText.class) String error,
    Instant createdAt,
    @Schema(nullable = true) Instant finishedAt,
    List<SuspectedSplitView> suspectedSplits) {

  /** A row that was rejected or skipped, by line (the header is line 1). */
  record BadRow(int line, @JsonSerialize(using = LocalizedText.class) String reason) {}

  /**
   * A likely split nothing explains.
   *
   * @param date the day the price jumped (the would-be ex-date), in the symbol's zone
   * @param ratio the whole ratio it is near: 2 for 2-for-1, 0.5 for a 1-for-2 reverse split
   * @param priceRatio the close before over the close that day, as measured
   */
  record SuspectedSplitView(java.time.LocalDate date, double ratio, double priceRatio) {}

  /** The same import with the likely splits its file showed. */
  ImportView withSuspectedSplits(List<SuspectedSplitView> splits) {
    return new ImportView(
        id,
        kind,
        source,
        symbol,
        dataset,
        interval,
        rangeStart,
        rangeEnd,
        fileName,
        status,
        progress,
        rowsRead,
        rowsInserted,
        rowsUpdated,
        rowsSkipped,
        badRows,
        error,
        createdAt,
        finishedAt,
        List.copyOf(splits));
  }
}
