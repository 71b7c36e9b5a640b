package com.tradingbacktest.engine.metrics;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * @param totalFunding perpetual funding paid over the run (negative when received on balance),
 *     currency; 0 without funding
 * @param totalBorrowCost short borrow fees paid over the run, currency
 * @param totalInterest interest paid on borrowed cash over the run, currency
 * @param totalDividends cash dividends received over the run (negative when shorts paid more than
 *     longs received), currency; 0 when the bars carry none or the prices are total-return
 * @param liquidations trades closed by a liquidation (exit reason LIQUIDATION)
 * @param winningTrades trades with {@code pnl > 0}
 * @param losingTrades trades with {@code pnl < 0} (break-even trades are neither)
 * @param longTrades long trades
 * @param shortTrades short trades
 * @param drawdown per bar, {@code equity / running peak - 1} (0 at a new high)
 * @param buyAndHoldEquity per bar, {@code initialCapital * close / close[0]}; from {@code
 *     Backtest.run} the one array of {@code BarSeries.buyAndHoldEquity}, shared by every backtest
 *     on those bars with that capital: do not modify it
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
    double totalFunding,
    double totalBorrowCost,
    double totalInterest,
    double totalDividends,
    int liquidations,
    int winningTrades,
    int losingTrades,
    int longTrades,
    int shortTrades,
    double[] drawdown,
    double[] buyAndHoldEquity,
    List<MonthlyReturn> monthlyReturns,
    List<YearlyReturn> yearlyReturns) {

  /**
   * The scalar components (the primitive ones; the series are arrays and lists) under their
   * snake_case names, in declared order: the one table behind {@link #toMap()}, {@link
   * #scalarNames()} and {@link #scalar(String)}.
   */
  private static final Map<String, Method> SCALARS = scalars();

  public PerformanceMetrics {
    monthlyReturns = List.copyOf(monthlyReturns);
    yearlyReturns = List.copyOf(yearlyReturns);
  }

  /** These metrics with {@code totalDividends} (the portfolio run adds what its legs received). */
  public PerformanceMetrics withTotalDividends(double dividends) {
    return copy(dividends, drawdown, buyAndHoldEquity, monthlyReturns, yearlyReturns);
  }

  /** These scalar metrics with the given dividends and series: one place names every component. */
  private PerformanceMetrics copy(
      double dividends,
      double[] drawdownSeries,
      double[] buyAndHoldSeries,
      List<MonthlyReturn> monthly,
      List<YearlyReturn> yearly) {
    return new PerformanceMetrics(
        start,
        end,
        duration,
        durationDays,
        exposureTime,
        initialCapital,
        finalEquity,
        peakEquity,
        totalReturn,
        buyAndHoldReturn,
        cagr,
        annualizedReturn,
        annualizedVolatility,
        sharpeRatio,
        sortinoRatio,
        calmarRatio,
        maxDrawdown,
        maxDrawdownDuration,
        maxDrawdownDurationDays,
        maxDrawdownDurationBars,
        averageDrawdown,
        averageDrawdownDuration,
        averageDrawdownDurationDays,
        averageDrawdownDurationBars,
        tradeCount,
        winRate,
        bestTrade,
        worstTrade,
        averageTrade,
        averageTradeDuration,
        averageTradeDurationBars,
        maxTradeDuration,
        maxTradeDurationBars,
        profitFactor,
        expectancy,
        expectancyPct,
        sqn,
        kellyCriterion,
        commissions,
        totalFunding,
        totalBorrowCost,
        totalInterest,
        dividends,
        liquidations,
        winningTrades,
        losingTrades,
        longTrades,
        shortTrades,
        drawdownSeries,
        buyAndHoldSeries,
        monthly,
        yearly);
  }

  /**
   * The same metrics without the per-bar and per-period series (empty arrays and lists), for a
   * sweep, whose results would otherwise hold gigabytes: rerun the chosen combination for its
   * curves.
   */
  public PerformanceMetrics withoutSeries() {
    return copy(totalDividends, new double[0], new double[0], List.of(), List.of());
  }

  /**
   * The scalar metrics under their snake_case JSON names, in the order of docs/METRICS.md (which is
   * the order of the components). NaN and infinities become {@code null}: JSON has no such numbers.
   * The series are not included: they are large and go out separately.
   */
  public Map<String, Number> toMap() {
    Map<String, Number> m = new LinkedHashMap<>(64);
    SCALARS.forEach(
        (name, accessor) -> {
          Number value = read(accessor);
          m.put(name, value instanceof Double d ? num(d) : value);
        });
    return m;
  }

  /**
   * The names of the scalar metrics in the order of docs/METRICS.md: the keys of {@link #toMap()}.
   */
  public static Set<String> scalarNames() {
    return SCALARS.keySet();
  }

  /**
   * The scalar metric {@code name} (a key of {@link #toMap()}) as the record holds it: NaN when
   * undefined and infinities kept, where {@code toMap()} has null for both.
   *
   * @throws IllegalArgumentException for a name not in {@link #scalarNames()}
   */
  public double scalar(String name) {
    Method accessor = SCALARS.get(name);
    if (accessor == null) {
      throw new IllegalArgumentException("no scalar metric '" + name + "'");
    }
    return read(accessor).doubleValue();
  }

  private Number read(Method accessor) {
    try {
      return (Number) accessor.invoke(this);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + accessor.getName(), e);
    }
  }

  private static Map<String, Method> scalars() {
    Map<String, Method> byName = new LinkedHashMap<>();
    for (RecordComponent c : PerformanceMetrics.class.getRecordComponents()) {
      if (c.getType().isPrimitive()) {
        byName.put(snakeCase(c.getName()), c.getAccessor());
      }
    }
    return Collections.unmodifiableMap(byName);
  }

  /** {@code maxDrawdownDurationBars} is {@code max_drawdown_duration_bars}. */
  private static String snakeCase(String camelCase) {
    StringBuilder out = new StringBuilder(camelCase.length() + 8);
    for (int i = 0; i < camelCase.length(); i++) {
      char ch = camelCase.charAt(i);
      if (Character.isUpperCase(ch)) {
        out.append('_').append(Character.toLowerCase(ch));
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  /** JSON has no NaN or Infinity: both become null (docs/METRICS.md, "Undefined values"). */
  static Double num(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
