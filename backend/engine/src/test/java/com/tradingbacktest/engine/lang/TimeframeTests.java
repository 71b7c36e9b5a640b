package com.tradingbacktest.engine.lang;

import static com.tradingbacktest.engine.lang.Strategies.DAY;
import static com.tradingbacktest.engine.lang.Strategies.START;
import static com.tradingbacktest.engine.lang.Strategies.compile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.RunControl;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code security(timeframe, expression)}: hand values, the alignment rule, errors, look-ahead. */
class TimeframeTests {

  private static final EvaluationLimits LIMITS =
      new EvaluationLimits(Long.MAX_VALUE, RunControl.NONE);
  private static final double NA = Double.NaN;

  /** The values of plot "v" of {@code expression}, with an entry so the strategy compiles. */
  private static double[] plotted(String expression, BarSeries bars) {
    return plotted(expression, bars, Map.of());
  }

  private static double[] plotted(String source, BarSeries bars, Map<String, Double> params) {
    String code =
        source.contains("\n") ? source : "plot(\"v\", " + source + ")\nlong_entry = close > open";
    return compile(code).evaluate(bars, params, LIMITS).plots().stream()
        .filter(p -> p.title().equals("v"))
        .findFirst()
        .orElseThrow()
        .values();
  }

  /** Bars at the given open times whose close is {@code closes[i]}. */
  private static BarSeries series(
      Interval interval, MarketCalendar calendar, ZoneId zone, long[] times, double[] closes) {
    int n = times.length;
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      o[i] = i == 0 ? closes[0] : closes[i - 1];
      h[i] = Math.max(o[i], closes[i]) + 1;
      l[i] = Math.min(o[i], closes[i]) - 0.5;
      v[i] = 10;
    }
    return BarSeries.of("T", interval, calendar, zone, times, o, h, l, closes, v);
  }

  /** Daily crypto bars from Monday 2024-01-01 UTC, closing at 1, 2, 3, ... */
  private static BarSeries cryptoDays(int n) {
    long[] t = new long[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = START + i * DAY;
      c[i] = i + 1;
    }
    return series(Interval.D1, MarketCalendar.CRYPTO, ZoneOffset.UTC, t, c);
  }

  /** Weekday bars of a stock from Monday 2024-01-01 in New York, skipping {@code holidays}. */
  private static BarSeries stockDays(int weeks, LocalDate... holidays) {
    ZoneId ny = ZoneId.of("America/New_York");
    List<Long> times = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2024, 1, 1);
        d.isBefore(LocalDate.of(2024, 1, 1).plusWeeks(weeks));
        d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY
          && d.getDayOfWeek() != DayOfWeek.SUNDAY
          && !Arrays.asList(holidays).contains(d)) {
        times.add(d.atStartOfDay(ny).toInstant().toEpochMilli());
      }
    }
    long[] t = times.stream().mapToLong(Long::longValue).toArray();
    double[] c = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      c[i] = i + 1;
    }
    return series(Interval.D1, MarketCalendar.STOCK, ny, t, c);
  }

  @Test
  void aWeeksCloseAppliesFromTheBarThatClosesTheWeek() {
    // Crypto trades on Sunday: the Sunday bar closes at Monday 00:00, the week's end.
    double[] v = plotted("security(\"1w\", close)", cryptoDays(17));

    assertThat(v)
        .containsExactly(
            NA, NA, NA, NA, NA, NA, 7, 7, 7, 7, 7, 7, 7, 14, 14, 14, 14); // week 3 is unfinished
  }

  @Test
  void indicatorsRunOnTheCoarserBars() {
    // Weekly closes 7, 14, 21: sma(2) is na, 10.5, 17.5.
    double[] v = plotted("security(\"1w\", sma(close, 2))", cryptoDays(21));

    assertThat(Arrays.copyOfRange(v, 0, 13)).containsOnly(NA);
    assertThat(Arrays.copyOfRange(v, 13, 20)).containsOnly(10.5);
    assertThat(v[20]).isEqualTo(17.5);
    // History inside is the coarser bars' history: the previous week's close.
    double[] previous = plotted("security(\"1w\", close[1])", cryptoDays(21));
    assertThat(previous[13]).isEqualTo(7);
    assertThat(previous[20]).isEqualTo(14);
  }

  @Test
  void aStockWeekAppliesFromItsFridayOrAfterAHolidayFromTheNextMonday() {
    // Friday closes and nothing trades until Monday: the week has ended at Friday's close.
    double[] v = plotted("security(\"1w\", close)", stockDays(3));
    assertThat(Arrays.copyOfRange(v, 0, 4)).containsOnly(NA);
    assertThat(Arrays.copyOfRange(v, 4, 9)).containsOnly(5.0);
    assertThat(Arrays.copyOfRange(v, 9, 14)).containsOnly(10.0);
    assertThat(v[14]).isEqualTo(15);

    // With Friday 2024-01-12 a holiday, Thursday's close is not the week's end (a weekday
    // follows): the second week (closes 6..9) applies from the next Monday, bar 9.
    double[] holiday = plotted("security(\"1w\", close)", stockDays(3, LocalDate.of(2024, 1, 12)));
    assertThat(Arrays.copyOfRange(holiday, 4, 9)).containsOnly(5.0);
    assertThat(holiday[9]).isEqualTo(9);
  }

  @Test
  void aMonthAppliesFromItsLastDay() {
    // 2024-01-01 .. 2024-02-29 daily crypto: January's close is bar 30's (Jan 31) close, 31.
    double[] v = plotted("security(\"1M\", close)", cryptoDays(60));

    assertThat(Arrays.copyOfRange(v, 0, 30)).containsOnly(NA);
    assertThat(Arrays.copyOfRange(v, 30, 59)).containsOnly(31.0);
    assertThat(v[59]).isEqualTo(60); // Feb 29 closes February
  }

  @Test
  void aBoolIsFalseUntilTheFirstCoarserBarCloses() {
    // Every week closes above its open (the closes rise).
    double[] v = plotted("security(\"1w\", close > open)", cryptoDays(14));

    assertThat(Arrays.copyOfRange(v, 0, 6)).containsOnly(0.0);
    assertThat(Arrays.copyOfRange(v, 6, 14)).containsOnly(1.0);
  }

  @Test
  void namesAndParamsInsideAreComputedOnTheCoarserBars() {
    BarSeries bars = cryptoDays(40);
    double[] direct = plotted("security(\"1w\", sma(close, 2))", bars);
    double[] viaName =
        plotted(
            "x = sma(close, 2)\ny = x + 0\nplot(\"v\", security(\"1w\", y))\nlong_entry = close > x",
            bars,
            Map.of());
    double[] viaParam =
        plotted(
            "param n = 3 in 1..5\nplot(\"v\", security(\"1w\", sma(close, n)))\n"
                + "long_entry = close > open",
            bars,
            Map.of("n", 2.0));

    assertThat(viaName).containsExactly(direct);
    assertThat(viaParam).containsExactly(direct);
    // The name keeps its own meaning outside: sma of the daily closes.
    assertThat(plotted("x = sma(close, 2)\nplot(\"v\", x)\nlong_entry = close > x", bars, Map.of()))
        .isNotEqualTo(direct);
  }

  @Test
  void aNestedSecurityUsesTheOuterIntervalsBars() {
    // Hourly crypto bars over 16 days: the week comes to the days, then the days to the hours.
    int n = 16 * 24;
    long[] t = new long[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = START + i * 3_600_000L;
      c[i] = 100 + (i * 7 % 13);
    }
    BarSeries hours = series(Interval.H1, MarketCalendar.CRYPTO, ZoneOffset.UTC, t, c);

    double[] nested = plotted("security(\"1d\", security(\"1w\", close))", hours);
    double[] direct = plotted("security(\"1w\", close)", hours);

    assertThat(nested).containsExactly(direct);
    assertThat(direct[7 * 24 - 2]).isNaN();
    assertThat(direct[7 * 24 - 1]).isEqualTo(c[7 * 24 - 1]); // Sunday 23:00 closes the week
  }

  @Test
  void changingLaterBarsNeverChangesEarlierValues() {
    for (String expression :
        List.of(
            "security(\"1w\", sma(close, 2) + highest(high, 2))",
            "security(\"1w\", atr(2) + close[1])",
            "security(\"1M\", roc(close, 1))",
            "security(\"1w\", close > open ? 1 : 0) + security(\"1M\", low)")) {
      for (BarSeries bars : List.of(cryptoDays(70), stockDays(12))) {
        assertNoLookAhead(expression, bars);
      }
    }
  }

  private static void assertNoLookAhead(String expression, BarSeries bars) {
    double[] full = plotted(expression, bars);
    for (int k = 0; k < bars.size() - 1; k++) {
      // Bars after k change (and the data may stop at k): values up to k stay.
      double[] changed = plotted(expression, withLaterBarsChanged(bars, k));
      double[] cut = plotted(expression, bars.slice(0, k + 1));
      for (int i = 0; i <= k; i++) {
        assertThat(Double.valueOf(changed[i]))
            .as("%s: bar %d after changing bars after %d", expression, i, k)
            .isEqualTo(Double.valueOf(full[i]));
        assertThat(Double.valueOf(cut[i]))
            .as("%s: bar %d with data ending at %d", expression, i, k)
            .isEqualTo(Double.valueOf(full[i]));
      }
    }
    // Not vacuous: the coarser values do show up once their bars have closed.
    assertThat(Arrays.stream(full).filter(v -> !Double.isNaN(v)).count()).isPositive();
  }

  private static BarSeries withLaterBarsChanged(BarSeries bars, int k) {
    int n = bars.size();
    double[] o = bars.open().clone();
    double[] h = bars.high().clone();
    double[] l = bars.low().clone();
    double[] c = bars.close().clone();
    for (int i = k + 1; i < n; i++) {
      o[i] *= 3;
      h[i] *= 3;
      l[i] *= 3;
      c[i] *= 3;
    }
    return BarSeries.of(
        "T",
        bars.interval(),
        bars.calendar(),
        bars.zone(),
        bars.times(),
        o,
        h,
        l,
        c,
        bars.volume());
  }

  @Test
  void anOrderWorkingDuringTheBarNeedsTheCoarserValueOfTheBarBefore() {
    List<Diagnostic> errors =
        StrategyCompiler.compile("long_entry_stop = security(\"1w\", high)").errors();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).message())
        .isEqualTo(
            "long_entry_stop is an order working during the bar, so it may only use the bar's"
                + " open and earlier bars, but it uses security(\"1w\", ...), which changes at the"
                + " current bar's close; use [1] for the previous bar");
    assertThat(StrategyCompiler.compile("long_entry_stop = security(\"1w\", high)[1]").errors())
        .isEmpty();
  }

  @Test
  void refusesWhatCannotBeResampledWithLineAndColumn() {
    assertError(
        "x = security(tf, close)\nlong_entry = x > 0",
        1,
        14,
        "the timeframe of security must be a literal text such as \"1w\" (one of 1m, 5m, 15m, 1h,"
            + " 4h, 1d, 1w, 1M)");
    assertError(
        "x = security(\"2w\", close)\nlong_entry = x > 0",
        1,
        14,
        "Unknown interval '2w': use one of 1m, 5m, 15m, 1h, 4h, 1d, 1w, 1M (1M is a month, 1m a"
            + " minute)");
    assertError(
        "x = security(\"1w\")\nlong_entry = x > 0",
        1,
        5,
        "security takes two arguments, a timeframe and an expression, as in security(\"1w\","
            + " close)");
    assertError(
        "x = security(\"1w\", security(\"1d\", close))\nlong_entry = x > 0",
        1,
        29,
        "security(\"1d\", ...) needs bars of a shorter interval that 1d is a multiple of, but it is"
            + " evaluated on 1w bars; a security inside another needs a coarser interval than the"
            + " outer one");
    assertError(
        "x = security(\"1M\", security(\"1w\", close))\nlong_entry = x > 0",
        1,
        29,
        "security(\"1w\", ...) needs bars of a shorter interval that 1w is a multiple of, but it is"
            + " evaluated on 1M bars; a security inside another needs a coarser interval than the"
            + " outer one");
    assertError(
        "x = security(\"1w\", rank(close))\nlong_entry = x > 0",
        1,
        20,
        "rank compares the symbols of a universe bar by bar, so it cannot be used inside"
            + " security(...); apply it to the security's value instead");
    assertError(
        "security = 1\nlong_entry = close > 0",
        1,
        1,
        "'security' is a built-in function and cannot be assigned; choose another name");
  }

  @Test
  void refusesTheAccountsStateAndSelfReferencingSeriesInsideWithLineAndColumn() {
    // Both are computed bar by bar on the run's own bars as the account goes: a coarser interval's
    // bars have no account and no such series.
    List<Diagnostic> state =
        StrategyCompiler.compile(
                "w = security(\"1w\", position_size)\nlong_entry = w == 0\nlong_exit = true")
            .errors();
    assertThat(state).hasSize(1);
    assertThat(state.get(0).line()).isEqualTo(1);
    assertThat(state.get(0).column()).isEqualTo(20);
    assertThat(state.get(0).message()).startsWith("security cannot use the position state (");

    List<Diagnostic> recursion =
        StrategyCompiler.compile(
                "k = nz(k[1]) + 1\nn = security(\"1w\", k)\nlong_entry = n > 10\nlong_exit = n > 20")
            .errors();
    assertThat(recursion).hasSize(1);
    assertThat(recursion.get(0).line()).isEqualTo(2);
    assertThat(recursion.get(0).column()).isEqualTo(20);
    assertThat(recursion.get(0).message())
        .startsWith("security cannot use 'k', a series that reads its own earlier values");

    // Outside security both stay usable next to it.
    assertThat(
            StrategyCompiler.compile(
                    """
                    k = nz(k[1]) + 1
                    w = security("1w", close > sma(close, 4))
                    long_entry = w and position_size == 0 and k > 10
                    long_exit = bars_since_entry >= 5
                    """)
                .errors())
        .isEmpty();
  }

  private static void assertError(String source, int line, int column, String message) {
    List<Diagnostic> errors = StrategyCompiler.compile(source).errors();
    assertThat(errors).as("errors of %s", source).isNotEmpty();
    assertThat(errors.get(0).message()).isEqualTo(message);
    assertThat(errors.get(0).line()).isEqualTo(line);
    assertThat(errors.get(0).column()).isEqualTo(column);
  }

  @Test
  void refusesAnIntervalTheBarsCannotBeResampledToWhenTheyAreKnown() {
    CompiledStrategy daily = compile("x = 1\nlong_entry = security(\"1d\", close > open)");
    assertThatThrownBy(() -> daily.signals(cryptoDays(10), Map.of()))
        .isInstanceOf(StrategyEvaluationException.class)
        .hasMessage(
            "line 2, column 14: security(\"1d\", ...) needs bars of a shorter interval that 1d is a"
                + " multiple of, but they are 1d bars");
    BarSeries weekly = cryptoDays(70).resample(Interval.W1);
    CompiledStrategy monthly = compile("long_entry = security(\"1M\", close > open)");
    assertThatThrownBy(() -> monthly.signals(weekly, Map.of()))
        .isInstanceOf(StrategyEvaluationException.class)
        .hasMessage(
            "line 1, column 14: security(\"1M\", ...) needs bars of a shorter interval that 1M is a"
                + " multiple of, but it is evaluated on 1w bars (weeks cross months: use daily"
                + " bars)");
  }

  @Test
  void aConstantInsideIsTheConstant() {
    assertThat(plotted("security(\"1w\", 5)", cryptoDays(3))).containsOnly(5.0);
  }

  @Test
  void countsTheCoarserBarsInTheMemoryEstimate() {
    long plain = compile("long_entry = close > sma(close, 3)").memoryNeeded(1000);
    long weekly =
        compile("long_entry = close > security(\"1w\", sma(close, 3))").memoryNeeded(1000);
    assertThat(weekly).isGreaterThanOrEqualTo(plain + 1000 * MemoryEstimate.FRAME_BYTES_PER_BAR);
  }

  @Test
  void eachSymbolOfAUniverseGetsItsOwnCoarserBars() {
    // A and B on different days (B starts a week later): each resamples its own bars.
    BarSeries a = cryptoDays(28);
    long[] t = new long[21];
    double[] c = new double[21];
    for (int i = 0; i < 21; i++) {
      t[i] = START + (i + 7) * DAY;
      c[i] = 100 - i;
    }
    BarSeries b =
        BarSeries.of(
            "B",
            Interval.D1,
            MarketCalendar.CRYPTO,
            ZoneOffset.UTC,
            t,
            c.clone(),
            Arrays.stream(c).map(x -> x + 2).toArray(),
            Arrays.stream(c).map(x -> x - 2).toArray(),
            c,
            Arrays.stream(c).map(x -> 10).toArray());
    BarSeries aNamed =
        BarSeries.of(
            "A",
            a.interval(),
            a.calendar(),
            a.zone(),
            a.times(),
            a.open(),
            a.high(),
            a.low(),
            a.close(),
            a.volume());
    CompiledStrategy s =
        compile("plot(\"v\", security(\"1w\", sma(close, 2)))\nlong_entry = rank(close) == 1");

    UniverseEvaluation u = s.evaluateUniverse(List.of(aNamed, b), Map.of(), LIMITS);

    assertThat(u.of("A").plots().get(0).values())
        .containsExactly(s.evaluate(aNamed, Map.of(), LIMITS).plots().get(0).values());
    assertThat(u.of("B").plots().get(0).values())
        .containsExactly(s.evaluate(b, Map.of(), LIMITS).plots().get(0).values());
    // B's second week closes at 100 - 13 = 87 and its first at 94: sma(2) = 90.5 from bar 13.
    assertThat(u.of("B").plots().get(0).values()[13]).isEqualTo(90.5);
  }

  @Test
  void barsTheCalendarDoesNotExpectStillCloseTheirCoarserBar() {
    // A stock that trades on Saturday 2024-01-06: its week ends with that bar, not with Friday's.
    BarSeries withSaturday = stockDays(2);
    ZoneId ny = ZoneId.of("America/New_York");
    long[] t = new long[withSaturday.size() + 1];
    double[] c = new double[t.length];
    for (int i = 0, j = 0; i < t.length; i++) {
      if (i == 5) {
        t[i] = LocalDate.of(2024, 1, 6).atStartOfDay(ny).toInstant().toEpochMilli();
        c[i] = 50;
      } else {
        t[i] = withSaturday.times()[j];
        c[i] = withSaturday.close()[j++];
      }
    }
    double[] v =
        plotted("security(\"1w\", close)", series(Interval.D1, MarketCalendar.STOCK, ny, t, c));
    assertThat(v[4]).isNaN(); // Friday: the week is not over, Saturday is still to come
    assertThat(v[5]).isEqualTo(50);

    // Extended hours: 04:00 .. 19:00 hourly bars; the day is seen only after its 19:00 bar.
    long[] hours = new long[32];
    double[] closes = new double[32];
    for (int i = 0; i < 32; i++) {
      LocalDate day = LocalDate.of(2024, 1, 2).plusDays(i / 16);
      hours[i] = day.atTime(4 + i % 16, 0).atZone(ny).toInstant().toEpochMilli();
      closes[i] = 10 + i;
    }
    double[] daily =
        plotted(
            "security(\"1d\", close)",
            series(Interval.H1, MarketCalendar.STOCK, ny, hours, closes));
    assertThat(Arrays.copyOfRange(daily, 0, 15)).containsOnly(NA);
    assertThat(daily[15]).isEqualTo(25); // the 19:00 bar closes the day
    assertThat(daily[16]).isEqualTo(25);
  }

  @Test
  void theAlignmentOfADaylightSavingWeekUsesLocalMidnights() {
    // New York crypto days around 2024-03-10 (spring forward): the week of Mon 03-04 ends at
    // Mon 03-11 00:00 local, which the Sunday bar (a 23-hour day) reaches.
    ZoneId ny = ZoneId.of("America/New_York");
    long[] t = new long[14];
    double[] c = new double[14];
    for (int i = 0; i < 14; i++) {
      t[i] = LocalDate.of(2024, 3, 4).plusDays(i).atStartOfDay(ny).toInstant().toEpochMilli();
      c[i] = i + 1;
    }
    double[] v =
        plotted("security(\"1w\", close)", series(Interval.D1, MarketCalendar.CRYPTO, ny, t, c));
    assertThat(v[5]).isNaN();
    assertThat(v[6]).isEqualTo(7);
    assertThat(Instant.ofEpochMilli(t[6]).atZone(ny).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
  }
}
