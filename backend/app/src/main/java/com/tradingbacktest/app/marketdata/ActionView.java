package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.engine.prices.CorporateAction;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored corporate action.
 *
 * @param date the ex-date of a split or dividend, the first day of a halt (in the symbol's zone)
 * @param ratio a split's new shares per old share (2-for-1: 2; 1-for-10 reverse: 0.1)
 * @param amount a dividend's cash per share as traded on its ex-date (raw terms)
 * @param endDate a halt's last day (inclusive)
 * @param source where it came from: yahoo, csv (an actions CSV), adj_close (derived from a bar
 *     CSV's Adj Close column) or halted_column (a bar CSV's halted column)
 */
record ActionView(
    LocalDate date,
    @Schema(allowableValues = {"split", "dividend", "halt"}) String type,
    @Schema(nullable = true) Double ratio,
    @Schema(nullable = true) Double amount,
    @Schema(nullable = true) LocalDate endDate,
    @Schema(allowableValues = {"yahoo", "csv", "adj_close", "halted_column"}) String source,
    Instant importedAt) {

  static ActionView of(CorporateActionsRepository.Stored stored) {
    CorporateAction a = stored.action();
    if (a instanceof CorporateAction.Split s) {
      return new ActionView(
          s.exDate(), "split", s.ratio(), null, null, stored.source(), stored.importedAt());
    }
    if (a instanceof CorporateAction.CashDividend d) {
      return new ActionView(
          d.exDate(), "dividend", null, d.amount(), null, stored.source(), stored.importedAt());
    }
    CorporateAction.Halt h = (CorporateAction.Halt) a;
    return new ActionView(
        h.from(), "halt", null, null, h.to(), stored.source(), stored.importedAt());
  }
}
