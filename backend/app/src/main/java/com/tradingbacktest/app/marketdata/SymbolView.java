package com.tradingbacktest.app.marketdata;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A symbol with what is stored for it, per interval.
 *
 * @param dataset {@code own} for the caller's own upload of the ticker, {@code shared} for the
 *     series everyone reads; a ticker can be listed once as each
 */
record SymbolView(
    String symbol,
    @Schema(allowableValues = {"own", "shared"}) String dataset,
    String name,
    String market,
    String assetClass,
    String currency,
    String timeZone,
    BigDecimal tickSize,
    BigDecimal lotSize,
    String source,
    @Schema(
            nullable = true,
            allowableValues = {"kospi", "kosdaq", "konex", "etf"},
            description = "The KRX board (tick table, price limits); null outside KRX")
        String board,
    @Schema(nullable = true, description = "The Korean name, when known") String nameKo,
    List<IntervalView> intervals) {

  /**
   * @param priceBasis the basis the interval's bars are stored in
   */
  record IntervalView(
      String interval,
      Instant firstBar,
      Instant lastBar,
      long barCount,
      @Schema(allowableValues = {"raw", "split_adjusted"}) String priceBasis) {}

  static SymbolView of(SymbolInfo s, List<DataRange> ranges) {
    return new SymbolView(
        s.symbol(),
        s.dataset().code(),
        s.name(),
        s.market(),
        s.assetClass(),
        s.currency(),
        s.timeZone(),
        s.tickSize(),
        s.lotSize(),
        s.source(),
        s.board(),
        s.nameKo(),
        ranges.stream()
            .map(
                r ->
                    new IntervalView(
                        r.interval(), r.firstBar(), r.lastBar(), r.barCount(), r.priceBasis()))
            .toList());
  }
}
