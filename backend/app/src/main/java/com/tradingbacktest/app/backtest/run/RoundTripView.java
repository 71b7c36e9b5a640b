package com.tradingbacktest.app.backtest.run;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One closed round trip of a run (a row of {@code backtest_round_trips}). Prices after slippage;
 * pnl net of both fills' commissions and taxes; return_pct is pnl over the capital put in; mae/mfe
 * are the worst and best price moves while open, as fractions of the entry price.
 *
 * @param number its place among the run's round trips in exit order, from 1 (filters keep it)
 * @param side long or short
 * @param barsHeld bars between entry and exit, 0 when both happened in one bar
 * @param exitReason signal, reversal, stop_loss, take_profit, trailing_stop, end_of_data or
 *     liquidation
 * @param funding perpetual funding the position paid while open (negative when it received more),
 *     in the symbol's currency; included in pnl
 * @param borrowCost short borrow fees and its share of interest on borrowed cash; included in pnl
 * @param dividends cash dividends the position received while open (negative when a short paid
 *     them), in the symbol's currency; included in pnl; 0 for round trips stored before dividends
 * @param symbol the symbol traded (a single-symbol run's round trips carry the run's symbol)
 */
@Schema(name = "RoundTripItem")
record RoundTripView(
    int number,
    String side,
    double quantity,
    Instant entryTime,
    double entryPrice,
    Instant exitTime,
    double exitPrice,
    double pnl,
    double returnPct,
    double costs,
    double mae,
    double mfe,
    int barsHeld,
    String exitReason,
    double funding,
    double borrowCost,
    double dividends,
    String symbol,
    @Schema(
            nullable = true,
            allowableValues = {"limit_locked", "halted"},
            description = "why the entry's order waited (a trading halt, a KRX limit-locked day)")
        String entryNote,
    @Schema(
            nullable = true,
            allowableValues = {"limit_locked", "halted"},
            description = "why the exit's order waited")
        String exitNote) {

  /** This round trip of the run's one symbol, for rows stored without it. */
  RoundTripView withSymbol(String runSymbol) {
    return symbol != null
        ? this
        : new RoundTripView(
            number,
            side,
            quantity,
            entryTime,
            entryPrice,
            exitTime,
            exitPrice,
            pnl,
            returnPct,
            costs,
            mae,
            mfe,
            barsHeld,
            exitReason,
            funding,
            borrowCost,
            dividends,
            runSymbol,
            entryNote,
            exitNote);
  }
}
