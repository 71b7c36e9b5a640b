package com.tradingbacktest.app.marketdata;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The corporate actions of one series of a symbol, oldest first.
 *
 * @param imported how many actions the request stored (an import); 0 for a read
 */
record ActionsView(
    String symbol,
    @Schema(allowableValues = {"own", "shared"}) String dataset,
    int imported,
    List<ActionView> actions) {}
