package com.tradingbacktest.app.backtest.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * A run's performance summary as TradingView's strategy tester shows it: the equity's extremes over
 * the whole run, and the closed round trips' statistics in three columns (all, long, short). Money
 * in the run's currency; fractions, not percent; losses negative. Undefined values are null.
 *
 * @param currency the run's currency (a portfolio's base currency)
 * @param initialCapital what the percentages of money figures are of
 * @param maxRunUp the largest rise of the equity (bar closes) above its lowest point before it
 * @param maxRunUpPct the largest such rise as a fraction of that lowest point (measured on its own)
 * @param maxDrawdown the largest fall below a running peak, in money, 0 or negative
 * @param maxDrawdownPct the run's max_drawdown, a fraction, 0 or negative
 * @param buyAndHoldReturn what the initial capital held in the instrument (a portfolio: equal
 *     weights) gained by the last bar
 * @param buyAndHoldReturnPct that over the initial capital: the run's buy_and_hold_return
 */
record TradeSummaryResponse(
    String currency,
    BigDecimal initialCapital,
    @Schema(nullable = true) Double maxRunUp,
    @Schema(nullable = true) Double maxRunUpPct,
    @Schema(nullable = true) Double maxDrawdown,
    @Schema(nullable = true) Double maxDrawdownPct,
    @Schema(nullable = true) Double buyAndHoldReturn,
    @Schema(nullable = true) Double buyAndHoldReturnPct,
    Column all,
    @JsonProperty("long") Column longTrades,
    @JsonProperty("short") Column shortTrades) {

  /**
   * One column: every closed round trip, only the longs or only the shorts. Streaks are counted
   * over the column's own trades in exit order; a break-even trade ends a streak.
   *
   * @param netProfit gross profit plus gross loss; null without trades
   * @param grossLoss the sum of the losers' pnl, 0 or negative
   * @param commissionPaid the round trips' commissions and taxes (both fills)
   * @param profitFactor gross profit over the absolute gross loss; null without losers
   * @param evenTrades trades with pnl exactly 0: neither winners nor losers
   * @param percentProfitable winners over all trades (break-even ones included), a fraction
   * @param averageTrade net profit per trade, money
   * @param averageTradePct the arithmetic mean of the trades' return_pct
   * @param averageLosingTrade mean pnl of the losers, negative
   * @param winLossRatio average winning trade over the absolute average losing trade
   * @param largestWinningTrade the highest pnl of a winner (its pct is the highest return_pct of a
   *     winner, not necessarily the same trade's)
   * @param largestLosingTrade the lowest pnl of a loser, negative
   * @param averageBars bars held per trade
   */
  @Schema(name = "TradeSummaryColumn")
  record Column(
      @Schema(nullable = true) Double netProfit,
      @Schema(nullable = true) Double netProfitPct,
      double grossProfit,
      @Schema(nullable = true) Double grossProfitPct,
      double grossLoss,
      @Schema(nullable = true) Double grossLossPct,
      double commissionPaid,
      @Schema(nullable = true) Double profitFactor,
      int tradeCount,
      int winningTrades,
      int losingTrades,
      int evenTrades,
      @Schema(nullable = true) Double percentProfitable,
      @Schema(nullable = true) Double averageTrade,
      @Schema(nullable = true) Double averageTradePct,
      @Schema(nullable = true) Double averageWinningTrade,
      @Schema(nullable = true) Double averageWinningTradePct,
      @Schema(nullable = true) Double averageLosingTrade,
      @Schema(nullable = true) Double averageLosingTradePct,
      @Schema(nullable = true) Double winLossRatio,
      @Schema(nullable = true) Double largestWinningTrade,
      @Schema(nullable = true) Double largestWinningTradePct,
      @Schema(nullable = true) Double largestLosingTrade,
      @Schema(nullable = true) Double largestLosingTradePct,
      @Schema(nullable = true) Double averageBars,
      @Schema(nullable = true) Double averageBarsWinning,
      @Schema(nullable = true) Double averageBarsLosing,
      int maxConsecutiveWins,
      int maxConsecutiveLosses) {}

  /**
   * The figures of the equity of a run: its per-bar closes and buy-and-hold equity as stored.
   *
   * @param equity cash plus positions at each bar's close, at least one value
   * @param buyAndHold the buy-and-hold equity at each bar (the initial capital in the instrument)
   */
  static TradeSummaryResponse of(
      String currency,
      BigDecimal initialCapital,
      double[] equity,
      double[] buyAndHold,
      TradeSummary all,
      TradeSummary longs,
      TradeSummary shorts) {
    double capital = initialCapital.doubleValue();
    double low = Double.POSITIVE_INFINITY;
    double peak = Double.NEGATIVE_INFINITY;
    double runUp = 0;
    double runUpPct = 0;
    double drawdown = 0;
    double drawdownPct = 0;
    for (double e : equity) {
      low = Math.min(low, e);
      peak = Math.max(peak, e);
      runUp = Math.max(runUp, e - low);
      if (low > 0) {
        runUpPct = Math.max(runUpPct, e / low - 1);
      }
      drawdown = Math.min(drawdown, e - peak);
      if (peak > 0) {
        drawdownPct = Math.min(drawdownPct, e / peak - 1);
      }
    }
    boolean bars = equity.length > 0;
    Double buyAndHoldMoney =
        buyAndHold.length == 0
            ? null
            : TradeSummary.finite(buyAndHold[buyAndHold.length - 1] - capital);
    return new TradeSummaryResponse(
        currency,
        initialCapital,
        bars ? runUp : null,
        bars ? runUpPct : null,
        bars ? drawdown : null,
        bars ? drawdownPct : null,
        buyAndHoldMoney,
        buyAndHoldMoney == null ? null : TradeSummary.finite(buyAndHoldMoney / capital),
        all.toColumn(),
        longs.toColumn(),
        shorts.toColumn());
  }
}
