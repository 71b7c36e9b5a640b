package com.tradingbacktest.engine.series;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * OHLCV bars as columns. {@code times[i]} is the epoch millisecond at which bar {@code i} opens (as
 * exchanges label candles); times ascend strictly. The arrays belong to the series once passed in
 * and are handed out without copying, for speed: callers must not modify them.
 *
 * <p>Create with {@link #of}, which validates every bar and reports every problem at once.
 */
public final class BarSeries {

  /** At most this many problems are listed; a file with more is clearly the wrong file. */
  static final int MAX_PROBLEMS = 100;

  private final String symbol;
  private final Interval interval;
  private final MarketCalendar calendar;
  private final ZoneId zone;
  private final long[] times;
  private final double[] open;
  private final double[] high;
  private final double[] low;
  private final double[] close;
  private final double[] volume;

  /** Dividends and halts at the bars; {@link BarEvents#NONE} for plain prices. */
  private final BarEvents events;

  /**
   * The buy-and-hold curve last asked for, or null: shared by every backtest of a sweep over these
   * bars. Written without a lock: threads that race compute equal arrays, and the holder is
   * immutable, so any of them is right.
   */
  private volatile BuyAndHold buyAndHold;

  private BarSeries(
      String symbol,
      Interval interval,
      MarketCalendar calendar,
      ZoneId zone,
      long[] times,
      double[] open,
      double[] high,
      double[] low,
      double[] close,
      double[] volume,
      BarEvents events) {
    this.symbol = symbol;
    this.interval = interval;
    this.calendar = calendar;
    this.zone = zone;
    this.times = times;
    this.open = open;
    this.high = high;
    this.low = low;
    this.close = close;
    this.volume = volume;
    this.events = events;
  }

  /**
   * Validates and wraps the columns.
   *
   * @throws InvalidBarSeriesException listing every bad bar (index, time, reason), up to 100
   */
  public static BarSeries of(
      String symbol,
      Interval interval,
      MarketCalendar calendar,
      ZoneId zone,
      long[] times,
      double[] open,
      double[] high,
      double[] low,
      double[] close,
      double[] volume) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(zone, "zone");
    int n = times.length;
    if (open.length != n
        || high.length != n
        || low.length != n
        || close.length != n
        || volume.length != n) {
      throw new IllegalArgumentException(
          "All columns must have the same length (times has " + n + ")");
    }
    List<BarProblem> problems = new ArrayList<>();
    for (int i = 0; i < n && problems.size() < MAX_PROBLEMS; i++) {
      String problem = check(i, times, open[i], high[i], low[i], close[i], volume[i]);
      if (problem != null) {
        problems.add(new BarProblem(i, times[i], problem));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidBarSeriesException(symbol, problems);
    }
    return new BarSeries(
        symbol, interval, calendar, zone, times, open, high, low, close, volume, BarEvents.NONE);
  }

  private static String check(
      int i, long[] times, double o, double h, double l, double c, double v) {
    if (!(Double.isFinite(o) && Double.isFinite(h) && Double.isFinite(l) && Double.isFinite(c))) {
      return "open, high, low and close must be finite numbers";
    }
    if (o <= 0 || h <= 0 || l <= 0 || c <= 0) {
      return "prices must be positive";
    }
    if (h < Math.max(o, c)) {
      return "high " + h + " is below max(open, close) " + Math.max(o, c);
    }
    if (l > Math.min(o, c)) {
      return "low " + l + " is above min(open, close) " + Math.min(o, c);
    }
    if (!Double.isFinite(v) || v < 0) {
      return "volume must be a finite number >= 0";
    }
    if (i > 0 && times[i] == times[i - 1]) {
      return "duplicate time " + Instant.ofEpochMilli(times[i]);
    }
    if (i > 0 && times[i] < times[i - 1]) {
      return "time "
          + Instant.ofEpochMilli(times[i])
          + " is before the previous bar's "
          + Instant.ofEpochMilli(times[i - 1])
          + " (bars must ascend)";
    }
    return null;
  }

  public String symbol() {
    return symbol;
  }

  public Interval interval() {
    return interval;
  }

  public MarketCalendar calendar() {
    return calendar;
  }

  public ZoneId zone() {
    return zone;
  }

  public int size() {
    return times.length;
  }

  public long[] times() {
    return times;
  }

  public double[] open() {
    return open;
  }

  public double[] high() {
    return high;
  }

  public double[] low() {
    return low;
  }

  public double[] close() {
    return close;
  }

  public double[] volume() {
    return volume;
  }

  /** Dividends and halts at the bars; {@link BarEvents#NONE} when there are none. */
  public BarEvents events() {
    return events;
  }

  /** These bars with {@code events} (one value per bar), sharing the price columns. */
  public BarSeries withEvents(BarEvents events) {
    Objects.requireNonNull(events, "events");
    events.requireLength(times.length);
    return new BarSeries(
        symbol, interval, calendar, zone, times, open, high, low, close, volume, events);
  }

  /**
   * The buy-and-hold curve: {@code initialCapital / close[0]} shares bought at the first close,
   * marked at each close, plus the cash of the dividends they received when the bars carry
   * dividends ({@link BarEvents#dividend()}, from bar 1 on; not reinvested), so with dividends the
   * final value is a total return. Without dividends it is {@code initialCapital * (close[i] /
   * close[0])}. It depends on nothing but the bars and the capital, so every backtest of a
   * parameter sweep with the same capital gets the same array, computed once: like the columns, it
   * must not be modified.
   */
  public double[] buyAndHoldEquity(double initialCapital) {
    BuyAndHold last = buyAndHold;
    if (last == null || Double.compare(last.capital, initialCapital) != 0) {
      double[] equity =
          events.hasDividends()
              ? buyAndHoldEquity(close, events.dividend(), initialCapital)
              : buyAndHoldEquity(close, initialCapital);
      last = new BuyAndHold(initialCapital, equity);
      buyAndHold = last;
    }
    return last.equity;
  }

  /** {@link #buyAndHoldEquity(double)} of any closes, computed afresh; empty for no closes. */
  public static double[] buyAndHoldEquity(double[] close, double initialCapital) {
    int n = close.length;
    double[] equity = new double[n];
    if (n == 0) {
      return equity;
    }
    double first = close[0];
    // No state carried from bar to bar: the JIT runs this loop on several bars per instruction.
    for (int i = 0; i < n; i++) {
      equity[i] = initialCapital * (close[i] / first);
    }
    return equity;
  }

  /**
   * {@link #buyAndHoldEquity(double)} of any closes and dividends per share (one per close, 0 for
   * none), computed afresh: the shares bought at {@code close[0]} hold into bar 1 and on, so they
   * receive the dividends from bar 1; the cash is kept, not reinvested.
   */
  public static double[] buyAndHoldEquity(
      double[] close, double[] dividend, double initialCapital) {
    int n = close.length;
    if (dividend.length != n) {
      throw new IllegalArgumentException(dividend.length + " dividends for " + n + " closes");
    }
    double[] equity = buyAndHoldEquity(close, initialCapital);
    if (n == 0) {
      return equity;
    }
    double shares = initialCapital / close[0];
    double cash = 0;
    for (int i = 1; i < n; i++) {
      cash += shares * dividend[i];
      equity[i] += cash;
    }
    return equity;
  }

  private static final class BuyAndHold {
    final double capital;
    final double[] equity;

    BuyAndHold(double capital, double[] equity) {
      this.capital = capital;
      this.equity = equity;
    }
  }

  /** Bars {@code [from, to)} as a new series sharing nothing with this one. */
  public BarSeries slice(int from, int to) {
    return new BarSeries(
        symbol,
        interval,
        calendar,
        zone,
        java.util.Arrays.copyOfRange(times, from, to),
        java.util.Arrays.copyOfRange(open, from, to),
        java.util.Arrays.copyOfRange(high, from, to),
        java.util.Arrays.copyOfRange(low, from, to),
        java.util.Arrays.copyOfRange(close, from, to),
        java.util.Arrays.copyOfRange(volume, from, to),
        events.slice(from, to));
  }

  /** Aggregates into a coarser interval; see {@link Resampler}. */
  public BarSeries resample(Interval target) {
    return Resampler.resample(this, target);
  }

  /** One bad bar: its position, its time, what is wrong. */
  public record BarProblem(int index, long time, String message) {
    @Override
    public String toString() {
      return "bar " + index + " (" + Instant.ofEpochMilli(time) + "): " + message;
    }
  }
}
