package com.tradingbacktest.app.marketdata;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A page of history.
 *
 * @param dataset whose series was read: the caller's own upload or the shared one
 * @param interval the stored interval read
 * @param barInterval the interval of the returned bars (differs when resampled)
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
record HistoryPage(
    String symbol,
    @Schema(allowableValues = {"own", "shared"}) String dataset,
    String interval,
    String barInterval,
    @Schema(example = "Asia/Seoul") String timeZone,
    List<HistoryBar> bars,
    @Schema(nullable = true) String nextCursor) {}
