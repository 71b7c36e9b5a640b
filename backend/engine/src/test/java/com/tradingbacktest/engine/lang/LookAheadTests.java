package com.tradingbacktest.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * No look-ahead: changing bar k and every later bar never changes an output at an earlier bar; and
 * an order working during bar k (long_entry_stop and the other entry stops and limits) may use bar
 * k's open and time but not its high, low, close or volume, so redrawing those never changes its
 * level at k.
 */
class LookAheadTests {

  /**
   * Hand-written strategies over history, every indicator family, barssince, valuewhen, fields,
   * times.
   */
  static final List<String> STRATEGIES =
      List.of(
          "x = close > sma(close, 5)\nlong_entry = x and not x[1]\nlong_exit = barssince(x) > 3",
          "long_entry = valuewhen(crossover(close, ema(close, 8)), low, 0) < close\n"
              + "long_exit = valuewhen(close < open, close, 1) > close",
          "long_entry = rising(close, 3)\nlong_exit = falling(hl2, 2)\nshort_entry = falling(close, 4)\n"
              + "short_exit = rising(ohlc4, 1)",
          "b = bbands(close, 10, 2)\nlong_entry = close < b.lower\nlong_exit = close > b.middle\nshort_entry = close > b.upper",
          "m = macd(close, 5, 13, 4)\nlong_entry = crossover(m.macd, m.signal)\nlong_exit = m.histogram < 0",
          "long_entry = dayofweek == 1 or month > 6 and hour >= 3\nlong_exit = dayofmonth > 20 or minute > 30 or year > 2024",
          "long_entry = close > open ? rsi(close, 7) < 40 : rsi(close, 14) < 30\nsize = close > close[1] ? 0.5 : 0.25",
          "param n = 5 in 1..20 step 1\nlong_entry = close > highest(high, n)[1]\nstop_loss = 2%\n"
              + "trailing_stop = atr(n) / close\ntake_profit = stdev(close, 5) / close",
          "s = stoch(5, 3, 3)\nlong_entry = crossover(s.k, s.d)\nlong_exit = crossunder(s.k, 80)",
          "a = aroon(10)\nlong_entry = a.up > a.down\nlong_exit = aroonosc(7) < 0",
          "long_entry = crossover(close, kama(close, 10)) or crossover(wma(close, 4), dema(close, 6))\n"
              + "long_exit = crossunder(tema(close, 5), sma(close, 9))",
          "long_entry = obv() > obv()[3] and adx(7) > 20\nlong_exit = cci(10) > 100 or willr(7) > -20 or mfi(7) > 80",
          "long_entry = sar() < close and plus_di(7) > minus_di(7) and natr(5) < 10\nlong_exit = tr() > atr(5) * 2",
          "long_entry = roc(close, 3) > 1 and mom(close, 3) > 0 and change(close) > 0\n"
              + "long_exit = stochrsi(close, 7, 7, 3).k > 80",
          """
          r = close / close[1]
          long_entry = nz(log(r), 0) > 0 and abs(change(close, 2)) > sqrt(close) / 100
          long_exit = round(close) > ceil(open) or floor(high) < min(open, close) or max(low, 1) > pow(close, 1)
          size = exp(-1)\
          """,
          "x = close > open ? close : na\nlong_entry = sma(x, 3) > sma(x, 6)\nlong_exit = barssince(x > 0) > 2",
          "c = crossover(close, sma(close, 10))\nlong_entry = c[2] or valuewhen(c, close, 2) < close\n"
              + "short_entry = barssince(c) == 4\nshort_exit = c",
          "long_entry_stop = highest(high, 10)[1]\nshort_entry_stop = lowest(low, 10)[1]\nlong_exit = close < sma(close, 5)",
          "long_entry_limit = open * 0.99\nlong_exit = close > open",
          "param k = 0.5 in 0.1..1 step 0.1\nlong_entry_stop = open + k * (high[1] - low[1])\n"
              + "short_entry_limit = open + k * tr()[1]",
          "long_entry_stop = open + 0.5 * atr(5)[1]\nlong_exit = true",
          "long_entry_limit = dayofweek == 1 ? open * 0.98 : na\nshort_entry_stop = hour > 12 ? open * 0.97 : open * 0.95",
          "long_entry_stop = valuewhen(open > open[1], open, 0) * 1.01\nlong_entry_limit = sma(open, 5) - barssince(open > open[1])",
          "long_entry_stop = rising(open, 2) ? open * 1.01 : na\nshort_entry_limit = bbands(open, 10, 2).upper",
          "long_entry_stop = macd(open, 3, 7, 3).signal + open\nlong_exit = close < open",
          "param d = 2 in 1..5\nlong_entry_stop = close[d] + rsi(close, 5)[d] / 100\nlong_exit = true");

  /** The two multi-output indicators that read the bars' high, low and close themselves. */
  static final List<String> READS_THE_CURRENT_BAR =
      List.of(
          "long_entry_stop = open * (1 + aroon(14).up / 1000)\nlong_exit = true",
          "long_entry_stop = open * (1 + stoch().k / 1000)\nlong_exit = true",
          "short_entry_limit = open + stoch(5, 3, 3).d / 100 - aroon(5).down / 100\nlong_entry = close > open");

  @TestFactory
  Stream<DynamicTest> intrabarOrdersReadingTheCurrentBarAreRejected() {
    return READS_THE_CURRENT_BAR.stream()
        .map(
            source ->
                DynamicTest.dynamicTest(
                    source.lines().findFirst().orElse(""),
                    () ->
                        assertThat(StrategyCompiler.compile(source).errors())
                            .extracting(Diagnostic::message)
                            .singleElement()
                            .asString()
                            .contains(
                                "order working during the bar",
                                "current bar's high, low and close")));
  }

  @TestFactory
  Stream<DynamicTest> templatesNeverLookAhead() {
    return StrategyTemplates.all().stream()
        .map(
            t ->
                DynamicTest.dynamicTest(
                    t.id(), () -> assertNoLookAhead(t.source(), t.id().hashCode(), 12)));
  }

  @TestFactory
  Stream<DynamicTest> handWrittenStrategiesNeverLookAhead() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < STRATEGIES.size(); i++) {
      String source = STRATEGIES.get(i);
      long seed = 1000L + i;
      tests.add(
          DynamicTest.dynamicTest(
              "#" + i + ": " + source.lines().reduce((a, b) -> b).orElse(""),
              () -> assertNoLookAhead(source, seed, 12)));
    }
    return tests.stream();
  }

  /**
   * Every built-in (each output field of the multi-output ones) fed only the open and earlier bars,
   * in an intrabar order: the compiler either rejects it as using the current bar, or it really is
   * known at the open.
   */
  @TestFactory
  Stream<DynamicTest> everyBuiltinThatTheCompilerAcceptsInAnIntrabarOrderIsKnownAtTheOpen() {
    List<DynamicTest> tests = new ArrayList<>();
    for (FunctionSpec f : LanguageCatalogue.functions()) {
      if (f.result().equals("none")) {
        continue; // plot is a statement with no value: nothing an order could use
      }
      List<String> args = new ArrayList<>();
      for (FunctionSpec.Arg a : f.params()) {
        args.add(
            switch (a.kind()) {
              case "series" -> "open";
              case "bool series" -> "open > open[1]";
              case "length" -> f.name().equals("macd") ? Compiler.fmt(a.defaultValue()) : "5";
              // security: the coarsest interval of its choices, over the open
              case "string" -> "\"" + a.choices().get(a.choices().size() - 1) + "\"";
              case "number or bool series" -> "open";
              default -> Compiler.fmt(a.defaultValue());
            });
      }
      String call = f.name() + "(" + String.join(", ", args) + ")";
      List<String> values =
          f.result().equals("fields")
              ? f.fields().stream().map(x -> call + "." + x).toList()
              : List.of(call);
      for (String value : values) {
        String source =
            "long_entry_stop = "
                + (f.result().equals("bool")
                    ? value + " ? open * 1.01 : na"
                    : "open * 1.01 + 0.001 * " + value)
                + "\nlong_exit = true";
        tests.add(
            DynamicTest.dynamicTest(
                value,
                () -> {
                  StrategyCompiler.Compilation c = StrategyCompiler.compile(source);
                  if (c.ok()) {
                    assertNoLookAhead(source, value.hashCode(), 8);
                  } else {
                    assertThat(c.errors())
                        .extracting(Diagnostic::message)
                        .allMatch(
                            m -> m.contains("order working during the bar"),
                            "rejected only as using the current bar");
                  }
                }));
      }
    }
    return tests.stream();
  }

  /**
   * Random well-formed programs (every built-in, history, ternaries, fields, params, intrabar
   * orders).
   */
  @Test
  void randomProgramsNeverLookAhead() {
    Random r = new Random(0x10CA_AEADL);
    int checked = 0;
    int intrabar = 0;
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 400 && failures.size() < 5; i++) {
      String source = FuzzPrograms.program(r);
      StrategyCompiler.Compilation c = StrategyCompiler.compile(source);
      if (!c.ok()) {
        continue;
      }
      try {
        c.strategy().signals(FuzzSupport.randomBars(new Random(i), 40), Map.of());
      } catch (RuntimeException | StackOverflowError e) {
        continue; // not this test's concern: FuzzProgramTests reports it
      }
      checked++;
      if (c.strategy().outputNames().stream()
          .anyMatch(n -> n.contains("_entry_stop") || n.contains("_entry_limit"))) {
        intrabar++;
      }
      try {
        assertNoLookAhead(source, r.nextLong(), 3);
      } catch (AssertionError e) {
        failures.add(e.getMessage());
      }
    }
    System.out.println(
        "[look-ahead] random programs checked: " + checked + ", with intrabar orders: " + intrabar);
    if (!failures.isEmpty()) {
      fail(failures.size() + " random program(s) look ahead:\n" + String.join("\n\n", failures));
    }
    assertThat(checked).isGreaterThan(250);
    assertThat(intrabar).isGreaterThan(80);
  }

  /**
   * For {@code trials} random bar series and parameter sets: the outputs before a random bar k do
   * not change when bars k.. change, and the intrabar order levels at k do not change when bar k's
   * high, low, close and volume (and every later bar) change.
   */
  static void assertNoLookAhead(String source, long seed, int trials) {
    StrategyCompiler.Compilation c = StrategyCompiler.compile(source);
    assertThat(c.errors()).as("compile errors of %s", source).isEmpty();
    CompiledStrategy s = c.strategy();
    Random r = new Random(seed);
    for (int trial = 0; trial < trials; trial++) {
      int n = 2 + r.nextInt(trial % 3 == 0 ? 40 : 160);
      BarSeries bars = FuzzSupport.randomBars(r, n);
      Map<String, Double> params = trial == 0 ? Map.of() : FuzzSupport.randomParams(s, r);
      Signals base;
      try {
        base = s.signals(bars, params);
      } catch (RuntimeException e) {
        if (trial == 0) {
          throw e;
        }
        continue; // parameter values this strategy rejects (or crashes on: the fuzz tests report
        // that)
      }
      for (int k : List.of(1 + r.nextInt(n - 1), n - 1, 1 + r.nextInt(Math.min(n - 1, 30)))) {
        BarSeries future = FuzzSupport.withNewFuture(bars, k, r);
        compare(
            source, params, "bars " + k + ".. replaced", base, s.signals(future, params), k, false);
        BarSeries redrawn = FuzzSupport.withBarRedrawnAfterOpen(bars, k, r);
        compare(
            source,
            params,
            "bar " + k + "'s high/low/close/volume and bars " + (k + 1) + ".. replaced",
            base,
            s.signals(redrawn, params),
            k,
            true);
      }
    }
  }

  private static void compare(
      String source,
      Map<String, Double> params,
      String change,
      Signals before,
      Signals after,
      int k,
      boolean intrabarAtK) {
    Map<String, Object> x = FuzzSupport.columns(before);
    Map<String, Object> y = FuzzSupport.columns(after);
    for (String name : FuzzSupport.COLUMNS) {
      Object u = x.get(name);
      Object v = y.get(name);
      if (u == null) {
        continue;
      }
      int upTo = intrabarAtK && FuzzSupport.INTRABAR.contains(name) ? k : k - 1;
      for (int i = 0; i <= upTo; i++) {
        if (!FuzzSupport.sameAt(u, v, i)) {
          fail(
              "look-ahead: "
                  + name
                  + "["
                  + i
                  + "] changed from "
                  + FuzzSupport.valueAt(u, i)
                  + " to "
                  + FuzzSupport.valueAt(v, i)
                  + " when "
                  + change
                  + " (k = "
                  + k
                  + " of "
                  + java.lang.reflect.Array.getLength(u)
                  + " bars)\n  params "
                  + params
                  + "\n  source:\n"
                  + source.indent(4));
        }
      }
    }
  }
}
