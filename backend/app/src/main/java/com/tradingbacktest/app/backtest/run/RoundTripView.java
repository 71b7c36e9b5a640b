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
 * @param runUp TradingView's run-up: the most the open position was worth above its entry (mfe x
 *     entry price x quantity), money, 0 or positive; as a fraction it is mfe
 * @param drawdown TradingView's drawdown: the most it was worth below its entry (mae x entry price
 *     x quantity), money, 0 or negative; as a fraction it is mae
 * @param cumulativePnl the run's realised P&L at this trade's exit: the sum of the pnl of every
 *     round trip of the run up to and including this one in exit order, whatever the filter
 * @param cumulativePnlPct that over the run's initial capital
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
        String exitNote,
    double runUp,
    double drawdown,
    double cumulativePnl,
    @Schema(nullable = true) Double cumulativePnlPct) {

  /**
   * This round trip as the API shows it: with the run's one symbol for rows stored without it, and
   * its cumulative P&L as a fraction of the run's initial capital.
   */
  RoundTripView complete(String runSymbol, double initialCapital) {
    return new RoundTripView(
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
        symbol != null ? symbol : runSymbol,
        entryNote,
        exitNote,
        runUp,
        drawdown,
        cumulativePnl,
        initialCapital > 0 ? cumulativePnl / initialCapital : null);
  }
}
