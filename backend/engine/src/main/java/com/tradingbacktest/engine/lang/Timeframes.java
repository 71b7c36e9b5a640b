package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.lang.FunctionSpec.Arg;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * {@code security(timeframe, expression)}: an expression evaluated on the bars resampled to a
 * coarser interval, and its values brought back to the finer bars only once each coarser bar has
 * closed.
 *
 * <p>The rule, with no look-ahead: a coarser bar's value applies from the first finer bar whose
 * close reaches the coarser bar's end (the start of the next day, week or month in the series'
 * zone, or its open plus its length for intraday intervals) and stays until the next coarser bar
 * takes over; before the first coarser bar has closed the value is na (false for a bool). A finer
 * bar closes at its open plus its interval; on a stock calendar a bar that ends its session (its
 * day's first bar plus the session length) or a daily or longer bar closes at midnight of the next
 * weekday, since nothing trades in between. So with daily stock bars a week's value applies from
 * its Friday's bar (from the next week's first bar when that Friday is a holiday), and with crypto
 * from its Sunday's bar; a month's from its last weekday's bar. The last coarser bar of the data is
 * applied only when it is complete. Nor is a coarser bar seen before the last of its own bars in
 * the data (a stock that trades on a Saturday or in extended hours closes its week or day with that
 * bar). Nothing depends on a later bar's prices, so changing any later bar never changes an earlier
 * value.
 */
final class Timeframes {

  static final String NAME = "security";

  static final FunctionSpec SPEC =
      new FunctionSpec(
          NAME,
          "timeframe",
          List.of(
              new Arg(
                  "timeframe",
                  "string",
                  null,
                  null,
                  null,
                  Arrays.stream(Interval.values()).map(Interval::code).toList(),
                  false),
              new Arg("expression", "number or bool series", null, null)),
          "number or bool",
          List.of(),
          "The expression evaluated on the run's bars resampled to a coarser interval (\"1d\","
              + " \"1w\", \"1M\", ...; a multiple of the run's), each coarser bar's value applying"
              + " from the bar where that coarser bar has closed (na before the first): no"
              + " look-ahead. Names used inside are computed on the coarser bars; security may be"
              + " nested with a still coarser interval inside.",
          "식을 실행 봉을 더 긴 주기(\"1d\", \"1w\", \"1M\" 등, 실행 주기의 배수)로 묶은 봉에서 계산하고, 각"
              + " 긴 봉의 값은 그 봉이 마감된 봉부터 적용합니다 (첫 마감 전에는 na): 미래 참조가 없습니다."
              + " 안에서 쓴 이름은 긴 봉에서 계산되며, 안쪽에 더 긴 주기의 security를 중첩할 수 있습니다.",
          "weekly_trend = security(\"1w\", close > sma(close, 10))");

  private Timeframes() {}

  /**
   * Null when bars of {@code finer} can be resampled to {@code coarser} for security, else why not.
   */
  static String problem(Interval coarser, Interval finer) {
    if (coarser == finer || !coarser.isMultipleOf(finer)) {
      return "security(\""
          + coarser.code()
          + "\", ...) needs bars of a shorter interval that "
          + coarser.code()
          + " is a multiple of, but "
          + (coarser == finer ? "they are " : "it is evaluated on ")
          + finer.code()
          + " bars"
          + (finer == Interval.W1 && coarser == Interval.MN1
              ? " (weeks cross months: use daily bars)"
              : "");
    }
    return null;
  }

  /**
   * For each bar of {@code finer}, the index of the bar of {@code coarser} (both from the same
   * bars) whose value it sees, or -1 before the first coarser bar has closed.
   */
  static int[] alignment(BarSeries coarser, BarSeries finer) {
    long[] closes = closes(finer);
    long[] starts = coarser.times();
    long[] times = finer.times();
    int m = starts.length;
    long[] ends = new long[m];
    for (int k = 0; k < m; k++) {
      ends[k] = coarser.interval().end(starts[k], coarser.zone());
    }
    // The last finer bar of each coarser bar: a coarser bar is never seen before all of its own
    // bars,
    // even where the data trades when the calendar says it does not (a stock's Saturday session,
    // extended hours), so no price is ever seen early.
    int[] lastBar = new int[m];
    java.util.Arrays.fill(lastBar, -1);
    for (int i = 0, k = 0; i < times.length; i++) {
      while (k + 1 < m && starts[k + 1] <= times[i]) {
        k++;
      }
      lastBar[k] = i;
    }
    int[] source = new int[closes.length];
    int k = -1;
    for (int i = 0; i < closes.length; i++) {
      while (k + 1 < m && ends[k + 1] <= closes[i] && lastBar[k + 1] <= i) {
        k++;
      }
      source[i] = k;
    }
    return source;
  }

  /** A coarser column brought to the finer bars by {@link #alignment}. */
  static Object align(Object coarserColumn, int[] source) {
    int n = source.length;
    if (coarserColumn instanceof boolean[] b) {
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        out[i] = source[i] >= 0 && b[source[i]];
      }
      return out;
    }
    double[] d = (double[]) coarserColumn;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = source[i] >= 0 ? d[source[i]] : Double.NaN;
    }
    return out;
  }

  /**
   * When each bar closes, as far as a coarser bar may count as closed: its open plus its interval,
   * moved on a stock calendar past the hours and days nothing trades (see the class comment).
   */
  static long[] closes(BarSeries bars) {
    long[] t = bars.times();
    long[] out = new long[t.length];
    Interval interval = bars.interval();
    ZoneId zone = bars.zone();
    boolean stock = bars.calendar() == MarketCalendar.STOCK;
    long session = bars.calendar().sessionLength().toMillis();
    LocalDate day = null;
    long dayFirstBar = 0;
    for (int i = 0; i < t.length; i++) {
      long end = interval.end(t[i], zone);
      if (!stock) {
        out[i] = end;
        continue;
      }
      if (!interval.isIntraday()) {
        out[i] = nextTradingMidnight(end, zone, bars.calendar());
        continue;
      }
      LocalDate local = Instant.ofEpochMilli(t[i]).atZone(zone).toLocalDate();
      if (!local.equals(day)) {
        day = local;
        dayFirstBar = t[i];
      }
      out[i] =
          end >= dayFirstBar + session
              ? nextTradingMidnight(
                  local.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli(),
                  zone,
                  bars.calendar())
              : end;
    }
    return out;
  }

  /**
   * {@code time} when it is midnight of a trading day, else midnight of the next trading day (the
   * times given are local midnights).
   */
  private static long nextTradingMidnight(long time, ZoneId zone, MarketCalendar calendar) {
    LocalDate date = Instant.ofEpochMilli(time).atZone(zone).toLocalDate();
    if (calendar.tradesOn(date.getDayOfWeek())) {
      return time;
    }
    while (!calendar.tradesOn(date.getDayOfWeek())) {
      date = date.plusDays(1);
    }
    return date.atStartOfDay(zone).toInstant().toEpochMilli();
  }
}
