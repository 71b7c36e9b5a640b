package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.common.web.NullableValues;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A portfolio run's holdings over a time range, per chosen symbol, downsampled to a point budget on
 * one time axis.
 *
 * @param time the run's times kept, epoch ms, shared by every symbol
 * @param symbols the chosen symbols, in the run's order
 * @param totalPoints times in the range before downsampling
 * @param totalSymbols the symbols the run holds (at most {@link HoldingsService#MAX_SYMBOLS} are
 *     read at once)
 */
@Schema(description = "Per-symbol weights and quantities, parallel to time (epoch milliseconds)")
record HoldingsResponse(
    long[] time, List<SymbolHoldings> symbols, int totalPoints, int totalSymbols) {

  /**
   * One symbol's holdings at the kept times.
   *
   * @param weight its position's value in the base currency over the equity (0 when flat)
   * @param quantity units held after each time's close (negative when short)
   */
  @Schema(name = "SymbolHoldings")
  record SymbolHoldings(
      String symbol, @NullableValues Double[] weight, @NullableValues Double[] quantity) {}

  /**
   * Every symbol's holding at one time: the last of the run's times at or before the asked one.
   *
   * @param time that time; null when the asked time is before the run's first
   * @param holdings every symbol of the run, in its order
   */
  @Schema(name = "HoldingsAt")
  record At(@Schema(nullable = true) java.time.Instant time, List<Holding> holdings) {}

  @Schema(name = "Holding")
  record Holding(
      String symbol,
      @Schema(nullable = true) Double quantity,
      @Schema(nullable = true) Double weight) {}
}
