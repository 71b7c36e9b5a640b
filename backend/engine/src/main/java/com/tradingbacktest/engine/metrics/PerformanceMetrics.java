package com.tradingbacktest.engine.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every performance metric of one backtest, plus the per-bar and per-period series. docs/METRICS.md
 * defines each one precisely; the component names are the camelCase forms of the snake_case JSON
 * names ({@code maxDrawdownDurationBars} is {@code max_drawdown_duration_bars}).
 *
 * <p>Units: returns, rates and drawdowns are fractions (0.25 = 25%, drawdowns are negative); money
 * is in the account currency; times are epoch milliseconds and durations milliseconds, with {@code
 * Days} (fractional 24-hour days) and {@code Bars} variants. A metric that is undefined for the run
 * (no trades, zero volatility, a single bar...) is {@link Double#NaN}; {@code profitFactor} is
 * {@link Double#POSITIVE_INFINITY} when there are winning trades and no losing ones (and {@code
 * cagr} on overflow). {@link #toMap()} turns every non-finite number into {@code null}, so JSON
 * shows {@code null} for both.
 *
 * <p>The arrays are handed out without copying, for speed: do not modify them. Because of them,
 * {@code equals} and {@code hashCode} compare the arrays by identity.
 *
 * @param start first bar's open time, epoch ms
 * @param end last bar's open time, epoch ms
 * @param duration {@code end - start}, ms
 * @param durationDays {@code duration} in days of 24 h
 * @param exposureTime fraction of bars with a position open at the close
 * @param initialCapital starting cash
 * @param finalEquity equity at the last bar's close
 * @param peakEquity highest equity at any bar's close
 * @param totalReturn {@code finalEquity / initialCapital - 1}
 * @param buyAndHoldReturn {@code close[last] / close[0] - 1}
 * @param cagr compound annual growth rate over calendar time; NaN for a single bar, +Infinity if
 *     compounding a large gain over hours to a year overflows
 * @param annualizedReturn the same as {@code cagr}
 * @param annualizedVolatility sample standard deviation of per-bar returns times sqrt(bars per
 *     year); NaN with fewer than two returns
 * @param sharpeRatio annualised mean excess per-bar return over its standard deviation; NaN when
 *     the standard deviation is zero or undefined
 * @param sortinoRatio annualised mean excess per-bar return over the downside deviation; NaN when
 *     no bar returned less than the risk-free rate
 * @param calmarRatio {@code cagr / |maxDrawdown|}; NaN without a drawdown
 * @param maxDrawdown most negative {@code equity / running peak - 1}, in [-1, 0] for positive
 *     equity
 * @param maxDrawdownDuration longest time from a peak to its recovery (or to the last bar), ms
 * @param maxDrawdownDurationDays the same in days
 * @param maxDrawdownDurationBars the same in bars
 * @param averageDrawdown mean of the deepest point of each drawdown period; NaN without one
 * @param averageDrawdownDuration mean duration of the drawdown periods, ms; NaN without one
 * @param averageDrawdownDurationDays the same in days
 * @param averageDrawdownDurationBars the same in bars
 * @param tradeCount closed trades
 * @param winRate {@code winningTrades / tradeCount}; NaN without trades
 * @param bestTrade highest trade {@code returnPct}; NaN without trades
 * @param worstTrade lowest trade {@code returnPct}; NaN without trades
 * @param averageTrade geometric mean of trade {@code returnPct}; NaN without trades
 * @param averageTradeDuration mean {@code exitTime - entryTime}, ms; NaN without trades
 * @param averageTradeDurationBars mean bars held; NaN without trades
 * @param maxTradeDuration longest {@code exitTime - entryTime}, ms; NaN without trades
 * @param maxTradeDurationBars most bars held; NaN without trades
 * @param profitFactor gross profit / gross loss of trade pnl; +Infinity without losers, NaN without
 *     trades or when every trade broke even
 * @param expectancy mean trade pnl, currency; NaN without trades
 * @param expectancyPct mean trade {@code returnPct}; NaN without trades
 * @param sqn {@code sqrt(n) * mean(pnl) / stdev(pnl)}; NaN with fewer than two trades or equal pnl
 * @param kellyCriterion {@code winRate - (1 - winRate) / (avgWin / |avgLoss|)}; {@code winRate}
 *     without losers, NaN without winners
 * @param commissions total commissions and taxes paid, currency
 * @param winningTrades trades with {@code pnl > 0}
 * @param losingTrades trades with {@code pnl < 0} (break-even trades are neither)
 * @param longTrades long trades
 * @param shortTrades short trades
 * @param drawdown per bar, {@code equity / running peak - 1} (0 at a new high)
 * @param buyAndHoldEquity per bar, {@code initialCapital * close / close[0]}
 * @param monthlyReturns one entry per calendar month (in the input's zone) that has bars, in order
 * @param yearlyReturns one entry per calendar year that has bars, in order
 */
public record PerformanceMetrics(
    long start,
    long end,
    long duration,
    double durationDays,
    double exposureTime,
    double initialCapital,
    double finalEquity,
    double peakEquity,
    double totalReturn,
    double buyAndHoldReturn,
    double cagr,
    double annualizedReturn,
    double annualizedVolatility,
    double sharpeRatio,
    double sortinoRatio,
    double calmarRatio,
    double maxDrawdown,
    long maxDrawdownDuration,
    double maxDrawdownDurationDays,
    int maxDrawdownDurationBars,
    double averageDrawdown,
    double averageDrawdownDuration,
    double averageDrawdownDurationDays,
    double averageDrawdownDurationBars,
    int tradeCount,
    double winRate,
    double bestTrade,
    double worstTrade,
    double averageTrade,
    double averageTradeDuration,
    double averageTradeDurationBars,
    double maxTradeDuration,
    double maxTradeDurationBars,
    double profitFactor,
    double expectancy,
    double expectancyPct,
    double sqn,
    double kellyCriterion,
    double commissions,
    int winningTrades,
    int losingTrades,
    int longTrades,
    int shortTrades,
    double[] drawdown,
    double[] buyAndHoldEquity,
    List<MonthlyReturn> monthlyReturns,
    List<YearlyReturn> yearlyReturns) {

  public PerformanceMetrics {
    monthlyReturns = List.copyOf(monthlyReturns);
    yearlyReturns = List.copyOf(yearlyReturns);
  }

  /**
   * The scalar metrics under their snake_case JSON names, in the order of docs/METRICS.md (which is
   * the order of the components). NaN and infinities become {@code null}: JSON has no such numbers.
   * The series are not included: they are large and go out separately.
   */
  public Map<String, Number> toMap() {
    Map<String, Number> m = new LinkedHashMap<>(64);
    m.put("start", start);
    m.put("end", end);
    m.put("duration", duration);
    m.put("duration_days", num(durationDays));
    m.put("exposure_time", num(exposureTime));
    m.put("initial_capital", num(initialCapital));
    m.put("final_equity", num(finalEquity));
    m.put("peak_equity", num(peakEquity));
    m.put("total_return", num(totalReturn));
    m.put("buy_and_hold_return", num(buyAndHoldReturn));
    m.put("cagr", num(cagr));
    m.put("annualized_return", num(annualizedReturn));
    m.put("annualized_volatility", num(annualizedVolatility));
    m.put("sharpe_ratio", num(sharpeRatio));
    m.put("sortino_ratio", num(sortinoRatio));
    m.put("calmar_ratio", num(calmarRatio));
    m.put("max_drawdown", num(maxDrawdown));
    m.put("max_drawdown_duration", maxDrawdownDuration);
    m.put("max_drawdown_duration_days", num(maxDrawdownDurationDays));
    m.put("max_drawdown_duration_bars", maxDrawdownDurationBars);
    m.put("average_drawdown", num(averageDrawdown));
    m.put("average_drawdown_duration", num(averageDrawdownDuration));
    m.put("average_drawdown_duration_days", num(averageDrawdownDurationDays));
    m.put("average_drawdown_duration_bars", num(averageDrawdownDurationBars));
    m.put("trade_count", tradeCount);
    m.put("win_rate", num(winRate));
    m.put("best_trade", num(bestTrade));
    m.put("worst_trade", num(worstTrade));
    m.put("average_trade", num(averageTrade));
    m.put("average_trade_duration", num(averageTradeDuration));
    m.put("average_trade_duration_bars", num(averageTradeDurationBars));
    m.put("max_trade_duration", num(maxTradeDuration));
    m.put("max_trade_duration_bars", num(maxTradeDurationBars));
    m.put("profit_factor", num(profitFactor));
    m.put("expectancy", num(expectancy));
    m.put("expectancy_pct", num(expectancyPct));
    m.put("sqn", num(sqn));
    m.put("kelly_criterion", num(kellyCriterion));
    m.put("commissions", num(commissions));
    m.put("winning_trades", winningTrades);
    m.put("losing_trades", losingTrades);
    m.put("long_trades", longTrades);
    m.put("short_trades", shortTrades);
    return m;
  }

  /** JSON has no NaN or Infinity: both become null (docs/METRICS.md, "Undefined values"). */
  static Double num(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
