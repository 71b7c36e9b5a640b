package com.tradingbacktest.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Indicator;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.criteria.ReturnRepresentation;
import org.ta4j.core.criteria.SharpeRatioCriterion;
import org.ta4j.core.criteria.drawdown.MaximumDrawdownCriterion;
import org.ta4j.core.criteria.pnl.NetReturnCriterion;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * ta4j's side: the same SMA crossover through ta4j's own classes, the way its documentation runs a
 * backtest. BarSeriesManager executes at the next bar's open (TradeOnNextOpenModel, its default),
 * with a 0.1% LinearTransactionCostModel; the metrics are ta4j's criteria.
 */
public final class Ta4jEngine {

  private Ta4jEngine() {}

  /** What one ta4j backtest gives: the record and the three criteria we compare. */
  public record Result(TradingRecord record, Num netReturn, Num maxDrawdown, Num sharpe) {

    double checksum() {
      return netReturn.doubleValue()
          + maxDrawdown.doubleValue()
          + sharpe.doubleValue()
          + record.getPositionCount();
    }
  }

  public static NumFactory decimal() {
    return DecimalNumFactory.getInstance();
  }

  public static NumFactory doubles() {
    return DoubleNumFactory.getInstance();
  }

  /**
   * The factory of a benchmark's {@code num} parameter: "DoubleNum" (ta4j's fast mode) or
   * "DecimalNum" (its default).
   */
  public static NumFactory numFactory(String num) {
    return switch (num) {
      case "DoubleNum" -> doubles();
      case "DecimalNum" -> decimal();
      default -> throw new IllegalArgumentException("num must be DoubleNum or DecimalNum: " + num);
    };
  }

  /** The same bars as {@link OurEngine#series}, as ta4j Bar objects of the given Num type. */
  public static BarSeries series(MarketData d, NumFactory numFactory) {
    BarSeries s = new BaseBarSeriesBuilder().withName("BENCH").withNumFactory(numFactory).build();
    Duration day = Duration.ofMillis(MarketData.DAY);
    for (int i = 0; i < d.n; i++) {
      s.barBuilder()
          .timePeriod(day)
          .beginTime(Instant.ofEpochMilli(d.times[i]))
          .endTime(Instant.ofEpochMilli(d.times[i] + MarketData.DAY))
          .openPrice(d.open[i])
          .highPrice(d.high[i])
          .lowPrice(d.low[i])
          .closePrice(d.close[i])
          .volume(d.volume[i])
          .add();
    }
    return s;
  }

  /**
   * One full backtest: fresh indicators (ta4j computes them lazily while the strategy runs) and
   * metrics.
   */
  public static Result smaCross(BarSeries series, int fast, int slow) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    return cross(series, new SMAIndicator(close, fast), new SMAIndicator(close, slow));
  }

  /** The backtest of one combination on given (possibly shared, cached) indicators. */
  public static Result cross(BarSeries series, Indicator<Num> fast, Indicator<Num> slow) {
    TradingRecord record = run(series, fast, slow);
    return new Result(
        record,
        new NetReturnCriterion(ReturnRepresentation.DECIMAL).calculate(series, record),
        new MaximumDrawdownCriterion().calculate(series, record),
        new SharpeRatioCriterion().calculate(series, record));
  }

  /** Only the trading: fresh indicators and BarSeriesManager.run, no criteria (a diagnostic). */
  public static TradingRecord run(BarSeries series, int fast, int slow) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    return run(series, new SMAIndicator(close, fast), new SMAIndicator(close, slow));
  }

  static TradingRecord run(BarSeries series, Indicator<Num> fast, Indicator<Num> slow) {
    Strategy strategy =
        new BaseStrategy(
            new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow));
    BarSeriesManager manager =
        new BarSeriesManager(
            series,
            new LinearTransactionCostModel(0.001),
            new ZeroCostModel(),
            new TradeOnNextOpenModel());
    return manager.run(strategy);
  }

  /**
   * The sweep's SMA indicators, one per distinct length over one close indicator (ta4j caches
   * values).
   */
  public static Indicator<Num>[] smas(BarSeries series) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    @SuppressWarnings("unchecked")
    Indicator<Num>[] byLength = new Indicator[Sweep.MAX_LENGTH + 1];
    for (int length : Sweep.LENGTHS) {
      byLength[length] = new SMAIndicator(close, length);
    }
    return byLength;
  }

  public static double sweepSequential(BarSeries series) {
    Indicator<Num>[] sma = smas(series);
    double sum = 0;
    for (int[] c : Sweep.COMBINATIONS) {
      sum += cross(series, sma[c[0]], sma[c[1]]).checksum();
    }
    return sum;
  }

  /**
   * ta4j 0.22's CachedIndicator is thread-safe, so the combinations share the indicators here too.
   */
  public static double sweepParallel(BarSeries series, ForkJoinPool pool) {
    try {
      return pool.submit(
              () -> {
                Indicator<Num>[] sma = smas(series);
                return IntStream.range(0, Sweep.COMBINATIONS.length)
                    .parallel()
                    .mapToDouble(
                        k ->
                            cross(
                                    series,
                                    sma[Sweep.COMBINATIONS[k][0]],
                                    sma[Sweep.COMBINATIONS[k][1]])
                                .checksum())
                    .sum();
              })
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
