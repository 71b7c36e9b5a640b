package com.tradingbacktest.engine.metrics;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.EquitySink;
import com.tradingbacktest.engine.sim.ExitReason;
import com.tradingbacktest.engine.sim.Trade;
import java.time.ZoneId;
import java.util.List;

/**
 * The per-bar part of {@link Metrics}: drawdowns, return statistics, monthly and yearly returns,
 * and exposure, fed one bar at a time, then {@link #finish} adds buy-and-hold and the trade
 * statistics. {@link Metrics#compute} feeds it from finished columns; {@code Backtest.run} hands it
 * to the simulator as its {@link EquitySink}, so these statistics cost no second pass over the
 * bars: the return statistics' Welford update is a chain of dependent divisions (about 20 cycles a
 * bar), and inside the simulator's loop the out-of-order core runs the simulation's own work while
 * that chain waits. Either way every statistic sees the same values in the same order, so the
 * results are the same to the last bit.
 */
public final class EquityCurveStats implements EquitySink {

  private final long[] times;
  private final double[] close;
  private final double capital;
  private final DrawdownStats drawdowns;
  private final ReturnStats returns;
  private final PeriodReturns periods;
  private final double firstClose;

  private int bars;
  private double previousEquity;
  private double peakEquity = Double.NEGATIVE_INFINITY;
  private int barsInMarket;
  private long previousTime = Long.MIN_VALUE;

  /**
   * @param times bar open times, epoch ms, ascending; at least one
   * @param close the bars' closes, as many as times
   * @throws IllegalArgumentException on no bars, lengths that differ, a capital that is not
   *     positive and finite, or a risk-free rate not above -1
   */
  public EquityCurveStats(
      long[] times,
      double[] close,
      double initialCapital,
      MarketCalendar calendar,
      Interval interval,
      ZoneId zone,
      double riskFreeRate) {
    int n = times.length;
    if (n == 0) {
      throw new IllegalArgumentException("No bars: metrics need at least one");
    }
    if (close.length != n) {
      throw new IllegalArgumentException(
          "times and close must have the same length (times has "
              + n
              + ", close "
              + close.length
              + ")");
    }
    Metrics.checkRates(initialCapital, riskFreeRate);
    this.times = times;
    this.close = close;
    this.capital = initialCapital;
    this.drawdowns = new DrawdownStats(times);
    this.returns = new ReturnStats(calendar.barsPerYear(interval), riskFreeRate);
    this.periods = new PeriodReturns(zone, initialCapital);
    this.firstClose = close[0];
  }

  /**
   * Bar {@code i} closed with {@code equity}.
   *
   * @throws IllegalArgumentException when the bar is out of order, its time is before the previous
   *     bar's, or the equity is not finite
   */
  @Override
  public void bar(int i, double equity, boolean inMarket) {
    if (i != bars) {
      throw new IllegalArgumentException("bar " + i + " fed after " + bars + " bars");
    }
    long t = times[i];
    // Checked here rather than in a separate pass: a bad bar fails the run instead of giving
    // nonsense.
    if (t < previousTime) {
      throw new IllegalArgumentException(
          "times must ascend: times[" + i + "] = " + t + " < " + previousTime);
    }
    if (!Double.isFinite(equity)) {
      throw new IllegalArgumentException(
          "equity[" + i + "] is " + equity + ": equity must be finite");
    }
    previousTime = t;
    drawdowns.add(i, equity);
    if (i > 0) {
      returns.add(previousEquity, equity);
    }
    periods.add(t, equity);
    if (equity > peakEquity) {
      peakEquity = equity;
    }
    if (inMarket) {
      barsInMarket++;
    }
    previousEquity = equity;
    bars++;
  }

  /**
   * {@link #bar} for each bar of a quiet run of the simulator, in one loop that also marks the
   * bars: the statistics' state lives in locals through the run and goes back to the fields once at
   * its end. Fed bar by bar through the fields, the return statistics' chain of dependent divisions
   * ({@code mean += (r - mean) / count}) also waited, on every bar, for its running mean to be
   * stored and loaded again. Each statistic sees the same values in the same order, so the results
   * are those of {@link #bar} to the last bit.
   *
   * @throws IllegalArgumentException as {@link #bar} does, at the first bad bar (the bars before it
   *     are taken in)
   */
  @Override
  public void run(
      int from,
      int to,
      double cash,
      double quantity,
      double[] close,
      double[] equity,
      double[] position,
      boolean[] inMarket) {
    if (from != bars) {
      throw new IllegalArgumentException("bar " + from + " fed after " + bars + " bars");
    }
    final long[] times = this.times;
    final boolean held = quantity != 0;
    final double rfPerBar = returns.rfPerBar;
    final double flatBelow = Math.min(0.0 - rfPerBar, 0.0);
    final double flatDownside = flatBelow * flatBelow;
    final double[] drawdown = drawdowns.drawdown;
    long previousTime = this.previousTime;
    double previousEquity = this.previousEquity;
    double peakEquity = this.peakEquity;
    double peak = drawdowns.peak;
    int peakIndex = drawdowns.peakIndex;
    boolean underwater = drawdowns.underwater;
    double periodDepth = drawdowns.periodDepth;
    double maxDrawdown = drawdowns.maxDrawdown;
    int count = returns.count;
    double mean = returns.mean;
    double m2 = returns.m2;
    double downsideSquares = returns.downsideSquares;
    boolean undefined = returns.undefined;
    long nextMonthStart = periods.nextMonthStart;
    int j = from;
    for (; j < to; j++) {
      double e = cash + quantity * close[j]; // Book.equity, with the book's state at hand
      equity[j] = e;
      position[j] = quantity;
      inMarket[j] = held;
      long t = times[j];
      if (t < previousTime || !Double.isFinite(e)) {
        break; // bar() below throws for it, once the bars before it are written back
      }
      previousTime = t;
      // DrawdownStats.add
      if (j == 0 || e >= peak) {
        if (underwater) {
          drawdowns.endPeriod(j, peakIndex, periodDepth);
          underwater = false;
        }
        peak = e;
        peakIndex = j;
      } else {
        double dd = e / peak - 1;
        drawdown[j] = dd;
        if (!underwater) {
          underwater = true;
          periodDepth = dd;
        } else if (dd < periodDepth) {
          periodDepth = dd;
        }
        if (dd < maxDrawdown) {
          maxDrawdown = dd;
        }
      }
      // ReturnStats.add
      if (j > 0) {
        if (previousEquity <= 0) {
          undefined = true;
        } else if (e == previousEquity) {
          // A flat bar (or a held price unchanged): r = e / previousEquity - 1 is +0.0 exactly,
          // delta = 0 - mean is -mean exactly, so Welford's update is mean - mean / count, and
          // delta * (r - mean) is mean * newMean (signs and zeros included: m2 never gets -0.0).
          // The same bits with one subtraction fewer on the chain from mean to mean.
          count++;
          double before = mean;
          mean = before - before / count;
          m2 += before * mean;
          downsideSquares += flatDownside;
        } else {
          double r = e / previousEquity - 1;
          count++;
          double delta = r - mean;
          mean += delta / count;
          m2 += delta * (r - mean);
          double below = Math.min(r - rfPerBar, 0.0);
          downsideSquares += below * below;
        }
      }
      // PeriodReturns.add: its last equity is the previous bar's until this bar is taken in.
      if (t >= nextMonthStart) {
        periods.lastEquity = previousEquity;
        periods.enterMonth(t);
        nextMonthStart = periods.nextMonthStart;
      }
      if (e > peakEquity) {
        peakEquity = e;
      }
      previousEquity = e;
    }
    this.previousTime = previousTime;
    this.previousEquity = previousEquity;
    this.peakEquity = peakEquity;
    drawdowns.peak = peak;
    drawdowns.peakIndex = peakIndex;
    drawdowns.underwater = underwater;
    drawdowns.periodDepth = periodDepth;
    drawdowns.maxDrawdown = maxDrawdown;
    returns.count = count;
    returns.mean = mean;
    returns.m2 = m2;
    returns.downsideSquares = downsideSquares;
    returns.undefined = undefined;
    periods.lastEquity = previousEquity;
    if (held) {
      barsInMarket += j - from;
    }
    bars = j;
    if (j < to) {
      bar(j, equity[j], held);
    }
  }

  /**
   * Every metric, once every bar was fed.
   *
   * @param trades the closed round trips, in exit order
   * @param commissions commissions and taxes of all fills
   * @throws IllegalStateException when fewer bars were fed than there are
   */
  public PerformanceMetrics finish(List<Trade> trades, double commissions) {
    return finish(trades, commissions, BarSeries.buyAndHoldEquity(close, capital));
  }

  /**
   * {@link #finish(List, double)} with the buy-and-hold curve already at hand ({@link
   * BarSeries#buyAndHoldEquity(double)}, shared across a sweep). It depends only on the closes: a
   * loop of its own rather than a step of {@link #bar}, where its division queued behind the return
   * statistics' divisions for the one divider.
   *
   * @param buyAndHold {@code initialCapital * (close[i] / close[0])} for these closes and capital
   */
  public PerformanceMetrics finish(List<Trade> trades, double commissions, double[] buyAndHold) {
    return finish(trades, commissions, buyAndHold, AccountCharges.NONE);
  }

  /**
   * {@link #finish(List, double, double[])} of a run whose account paid {@code charges} (funding,
   * borrow fees, interest) on top of the commissions.
   */
  public PerformanceMetrics finish(
      List<Trade> trades, double commissions, double[] buyAndHold, AccountCharges charges) {
    int n = times.length;
    if (bars != n) {
      throw new IllegalStateException(bars + " of " + n + " bars fed");
    }
    drawdowns.finish();
    periods.finish();

    long start = times[0];
    long end = times[n - 1];
    long duration = end - start;
    double finalEquity = previousEquity;
    double totalReturn = finalEquity / capital - 1;
    double cagr = Metrics.cagr(finalEquity / capital, duration / Metrics.MILLIS_PER_YEAR);
    double maxDrawdown = drawdowns.maxDrawdown();
    double calmar = maxDrawdown < 0 ? cagr / -maxDrawdown : Double.NaN;
    TradeStats tradeStats = TradeStats.of(trades);
    int liquidations = 0;
    for (Trade t : trades) {
      if (t.exitReason() == ExitReason.LIQUIDATION) {
        liquidations++;
      }
    }
    return new PerformanceMetrics(
        start,
        end,
        duration,
        duration / Metrics.MILLIS_PER_DAY,
        (double) barsInMarket / n,
        capital,
        finalEquity,
        peakEquity,
        totalReturn,
        close[n - 1] / firstClose - 1,
        cagr,
        cagr,
        returns.annualizedVolatility(),
        returns.sharpe(),
        returns.sortino(),
        calmar,
        maxDrawdown,
        drawdowns.maxDurationMillis(),
        drawdowns.maxDurationMillis() / Metrics.MILLIS_PER_DAY,
        drawdowns.maxDurationBars(),
        drawdowns.averageDepth(),
        drawdowns.averageDurationMillis(),
        drawdowns.averageDurationMillis() / Metrics.MILLIS_PER_DAY,
        drawdowns.averageDurationBars(),
        tradeStats.count(),
        tradeStats.winRate(),
        tradeStats.best(),
        tradeStats.worst(),
        tradeStats.average(),
        tradeStats.averageDurationMillis(),
        tradeStats.averageDurationBars(),
        tradeStats.maxDurationMillis(),
        tradeStats.maxDurationBars(),
        tradeStats.profitFactor(),
        tradeStats.expectancy(),
        tradeStats.expectancyPct(),
        tradeStats.sqn(),
        tradeStats.kelly(),
        commissions,
        charges.funding(),
        charges.borrowCost(),
        charges.interest(),
        0, // dividends: the portfolio path, the one that pays them, adds its total
        liquidations,
        tradeStats.winning(),
        tradeStats.losing(),
        tradeStats.longs(),
        tradeStats.shorts(),
        drawdowns.series(),
        buyAndHold,
        periods.months(),
        periods.years());
  }
}
