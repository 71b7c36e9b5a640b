package com.tradingbacktest.engine.lang;

import static com.tradingbacktest.engine.lang.FuzzSupport.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.tradingbacktest.engine.lang.FuzzSupport.BugLog;
import com.tradingbacktest.engine.lang.FuzzSupport.Outcome;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.RunControl;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sources at and just beyond each limit of {@link Limits}: at the limit they compile (and run),
 * beyond it they give that limit's error; far beyond it (deep nesting, long chains, huge numbers)
 * nothing but a compile result or a StrategyEvaluationException comes out, within the time bound.
 */
class FuzzLimitsTests {

  private static StrategyCompiler.Compilation compileBounded(String source) {
    return assertTimeoutPreemptively(
        FuzzSupport.TIME_BOUND,
        () -> StrategyCompiler.compile(source),
        () -> "compile did not finish: " + FuzzSupport.quote(source));
  }

  private static void assertCompiles(String source) {
    StrategyCompiler.Compilation c = compileBounded(source);
    assertThat(c.errors()).as("errors of %s", FuzzSupport.quote(source)).isEmpty();
    BugLog log = new BugLog();
    assertThat(check(source, 1, log)).isIn(Outcome.EVALUATED, Outcome.REJECTED_AT_RUN_TIME);
    log.assertNoBugs("at the limit");
  }

  private static void assertError(String source, String expected) {
    StrategyCompiler.Compilation c = compileBounded(source);
    assertThat(c.ok()).as("compiles: %s", FuzzSupport.quote(source)).isFalse();
    assertThat(c.errors()).extracting(Diagnostic::message).anyMatch(m -> m.contains(expected));
    BugLog log = new BugLog();
    check(source, 1, log);
    log.assertNoBugs("beyond the limit");
  }

  // ---- MAX_SOURCE_CHARS

  @Test
  void sourceOfExactlyTheCharacterLimitCompilesAndOneMoreIsRejected() {
    String body = "long_entry = close > open\n";
    String atLimit = body + "#".repeat(Limits.MAX_SOURCE_CHARS - body.length());
    assertThat(atLimit).hasSize(Limits.MAX_SOURCE_CHARS);
    assertCompiles(atLimit);
    assertError(atLimit + " ", "characters long; the limit is " + Limits.MAX_SOURCE_CHARS);
    String spaces = body + " ".repeat(Limits.MAX_SOURCE_CHARS - body.length());
    assertCompiles(spaces);
    assertError(spaces + "\n", "the limit is " + Limits.MAX_SOURCE_CHARS);
  }

  @Test
  void sourcesFarBeyondTheCharacterLimitAreRejectedQuickly() {
    for (String unit : List.of("(", "not ", "\n", "x", "1+", "\u03a3")) {
      String s = "long_entry = " + unit.repeat(2 * Limits.MAX_SOURCE_CHARS / unit.length());
      assertError(s, "the limit is " + Limits.MAX_SOURCE_CHARS);
    }
  }

  // ---- MAX_STATEMENTS

  @Test
  void theStatementLimitHoldsExactly() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Limits.MAX_STATEMENTS - 1; i++) {
      b.append("x").append(i).append(" = close > ").append(i).append('\n');
    }
    String atLimit = b + "long_entry = x1\n";
    assertCompiles(atLimit);
    assertError(atLimit + "long_exit = x2\n", "the limit is " + Limits.MAX_STATEMENTS);
    // far beyond: statements that are all broken, and blank lines between them
    String broken = "x = (\n\n".repeat(3 * Limits.MAX_STATEMENTS);
    BugLog log = new BugLog();
    check(broken, 1, log);
    check("param p = 1\n".repeat(2000), 2, log);
    check("long_entry = true\n".repeat(Limits.MAX_SOURCE_CHARS / 18), 3, log);
    log.assertNoBugs("many statements");
  }

  // ---- MAX_NESTING

  @Test
  void nestingUpToTheLimitCompilesAndBeyondItIsACompileError() {
    int ok = Limits.MAX_NESTING - 2;
    int tooDeep = Limits.MAX_NESTING + 1;
    assertCompiles("long_entry = " + "(".repeat(ok) + "close > open" + ")".repeat(ok));
    assertError(
        "long_entry = " + "(".repeat(tooDeep) + "close > open" + ")".repeat(tooDeep),
        "nested too deeply");
    assertCompiles("long_entry = " + "not ".repeat(ok) + "(close > open)");
    assertError("long_entry = " + "not ".repeat(tooDeep) + "(close > open)", "nested too deeply");
    assertCompiles("long_entry = " + "-".repeat(ok) + "close > 0");
    assertError("long_entry = " + "-".repeat(tooDeep) + "close > 0", "nested too deeply");
    assertCompiles("long_entry = " + "abs(".repeat(ok / 2) + "close" + ")".repeat(ok / 2) + " > 0");
    assertError(
        "long_entry = " + "abs(".repeat(tooDeep) + "close" + ")".repeat(tooDeep) + " > 0",
        "nested too deeply");
    assertError(
        "long_entry = " + "true ? ".repeat(tooDeep) + "true" + " : false".repeat(tooDeep),
        "nested too deeply");
    assertError(
        "long_entry = " + "(close + ".repeat(tooDeep) + "1" + ")".repeat(tooDeep) + " > 0",
        "nested too deeply");
  }

  @Test
  void nestingFarBeyondTheLimitNeverOverflowsTheStack() {
    BugLog log = new BugLog();
    for (int depth : List.of(100, 1000, 10_000, 30_000)) {
      check("long_entry = " + "(".repeat(depth) + "close > open" + ")".repeat(depth), depth, log);
      check("long_entry = " + "(".repeat(depth), depth, log);
      check("long_entry = " + ")".repeat(depth), depth, log);
      check("long_entry = " + "not ".repeat(Math.min(depth, 15_000)) + "true", depth, log);
      check("long_entry = " + "- ".repeat(Math.min(depth, 30_000)) + "1 > 0", depth, log);
      check("long_entry = " + "[".repeat(depth), depth, log);
      check("long_entry = close" + "[1".repeat(Math.min(depth, 30_000)), depth, log);
      check("long_entry = " + "sma(".repeat(Math.min(depth, 15_000)) + "close", depth, log);
      check("long_entry = " + "true ? ".repeat(Math.min(depth, 9_000)) + "true", depth, log);
      check("long_entry = " + "(\n".repeat(Math.min(depth, 30_000)) + "true", depth, log);
    }
    log.assertNoBugs("deep nesting");
  }

  /**
   * Long left-to-right chains (a + a + ... , a and a and ..., x[1][1]...) are loops in the parser,
   * not nesting, so MAX_NESTING does not bound them: the compiler and the evaluator must not
   * recurse over them.
   */
  @Test
  void longChainsOfOperatorsNeverOverflowTheStack() {
    BugLog log = new BugLog();
    for (int n : List.of(100, 1000, 2500, 5000, 10_000, 20_000)) {
      check(clip("long_entry = 1" + " + 1".repeat(n) + " > 0"), n, log);
      check(clip("long_entry = close" + "*close".repeat(n) + " > 0"), n, log);
      check(clip("long_entry = true" + " and true".repeat(n)), n, log);
      check(clip("long_entry = false" + " or close > open".repeat(n)), n, log);
      check(clip("long_entry = close" + "[1]".repeat(n) + " > 0"), n, log);
      check(clip("long_entry = macd(close).macd" + " - 1".repeat(n) + " > 0"), n, log);
    }
    log.assertNoBugs("long chains");
  }

  /**
   * The same depth spread over many statements, each well within MAX_NESTING: the plan is a deep
   * DAG.
   */
  @Test
  void deepChainsOfVariablesAcrossStatementsNeverOverflowTheStack() {
    BugLog log = new BugLog();
    for (int perStatement : List.of(5, 20, 55)) {
      for (String output : List.of("long_entry = a%d > 0\n", "long_entry_stop = a%d\n")) {
        StringBuilder b = new StringBuilder("a0 = close\n");
        int i = 1;
        while (i < Limits.MAX_STATEMENTS - 1) {
          String line = "a" + i + " = a" + (i - 1) + "+1".repeat(perStatement) + "\n";
          if (b.length() + line.length() + 40 > Limits.MAX_SOURCE_CHARS) {
            break;
          }
          b.append(line);
          i++;
        }
        b.append(String.format(output, i - 1));
        check(b.toString(), perStatement, log);
      }
    }
    log.assertNoBugs("deep chains of variables");
  }

  private static String clip(String s) {
    return s.length() <= Limits.MAX_SOURCE_CHARS ? s : s.substring(0, Limits.MAX_SOURCE_CHARS);
  }

  // ---- MAX_LOOKBACK

  @Test
  void historyAndLengthsUpToTheLookbackLimitCompileAndBeyondItAreCompileErrors() {
    int max = Limits.MAX_LOOKBACK;
    assertCompiles("long_entry = close > close[" + max + "]");
    assertError("long_entry = close > close[" + (max + 1) + "]", "exceeds the limit of " + max);
    assertCompiles("long_entry = close > sma(close, " + max + ")");
    assertError("long_entry = close > sma(close, " + (max + 1) + ")", "at most " + max);
    assertCompiles("long_entry = close > highest(high, " + max + ")[" + max + "]");
    for (String huge :
        List.of("1e400", "1e308", "9223372036854775808", "2147483648", "99999999999999999999999")) {
      assertError("long_entry = close > close[" + huge + "]", "");
      assertError("long_entry = close > sma(close, " + huge + ")", "");
      assertError("long_entry = close > ema(close, -" + huge + ")", "");
    }
    for (String odd : List.of("-1", "-0.5", "0.5", "na", "-1e400", "1e-400")) {
      BugLog log = new BugLog();
      check("long_entry = close > close[" + odd + "]", 1, log);
      check("long_entry = close > sma(close, " + odd + ")", 2, log);
      log.assertNoBugs("odd offsets");
    }
  }

  @Test
  void parameterLookbacksAreCheckedWhenTheyRun() {
    CompiledStrategy s =
        compileBounded("param n = 10\nlong_entry = close > close[n] and close > sma(close, n)")
            .strategy();
    BarSeries bars = FuzzSupport.randomBars(new Random(3), 50);
    assertThat(s.signals(bars, Map.of("n", (double) Limits.MAX_LOOKBACK)).longEntry()).hasSize(50);
    for (double bad : new double[] {Limits.MAX_LOOKBACK + 1, -1, 0.5, 1e300, Double.MAX_VALUE}) {
      assertThatThrownBy(() -> s.signals(bars, Map.of("n", bad)))
          .isInstanceOf(StrategyEvaluationException.class)
          .hasMessageContaining("n");
    }
  }

  // ---- MAX_PARAMS

  @Test
  void theParameterLimitHoldsExactly() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Limits.MAX_PARAMS; i++) {
      b.append("param p").append(i).append(" = ").append(i).append(" in 0..100 step 1\n");
    }
    String atLimit = b + "long_entry = close > p49\n";
    assertCompiles(atLimit);
    assertError("param extra = 1\n" + atLimit, "at most " + Limits.MAX_PARAMS + " parameters");
  }

  // ---- memory

  @Test
  void aPlanTooBigForTheBarsIsAStrategyEvaluationException() {
    StringBuilder b = new StringBuilder("a0 = close\n");
    for (int i = 1; i < 400; i++) {
      b.append("a").append(i).append(" = a").append(i - 1).append(" + ").append(i).append('\n');
    }
    b.append("long_entry = a399 > 0\n");
    CompiledStrategy s = compileBounded(b.toString()).strategy();
    int n = 10_000;
    long[] t = new long[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 1_704_067_200_000L + i * 60_000L;
      p[i] = 100;
    }
    BarSeries bars =
        BarSeries.of("BIG", Interval.M1, MarketCalendar.CRYPTO, ZoneOffset.UTC, t, p, p, p, p, p);
    // 399 number series of 10,000 bars are about 32 MB.
    EvaluationLimits limits = new EvaluationLimits(16L << 20, RunControl.NONE);
    assertThatThrownBy(() -> s.signals(bars, Map.of(), limits))
        .isInstanceOf(StrategyEvaluationException.class)
        .hasMessageContaining("the limit per run is 16 MB");
  }

  // ---- numbers

  @Test
  void extremeNumbersCompileOrGiveErrorsAndRunOrAreRejected() {
    BugLog log = new BugLog();
    int k = 0;
    for (String number : FuzzPrograms.NUMBERS) {
      for (String template :
          List.of(
              "long_entry = close > %s",
              "long_entry = close[1] * %s < close",
              "param p = %s\nlong_entry = close > p",
              "param p = 1 in %s..2\nlong_entry = close > p",
              "param p = 1 in 0..%s step %s\nlong_entry = close > p",
              "stop_loss = %s\nlong_entry = true",
              "size = %s\nlong_entry = true",
              "long_entry_stop = open * %s",
              "long_entry = -%s < -close",
              "long_entry = valuewhen(close > open, close, %s) > 0",
              "long_entry = nz(close[2], %s) > 0",
              "long_entry = close > bbands(close, 5, %s).upper",
              "long_entry = close > sar(%s)",
              "long_entry = close > sar(0.02, %s)",
              "long_entry = close > sma(close, %s)",
              "long_entry = close > close[%s]",
              "long_entry = pow(close, %s) > exp(%s)")) {
        check(template.replace("%s", number), k++, log);
      }
    }
    log.assertNoBugs("extreme numbers");
  }

  @Test
  void veryLongNamesAndLinesYieldAResultOrCompileErrors() {
    BugLog log = new BugLog();
    String longName = "x".repeat(60_000);
    check(longName + " = close > open\nlong_entry = " + longName.substring(0, 1000), 1, log);
    check("long_entry = " + longName, 2, log);
    check("long_entry = " + longName + "(close)", 3, log);
    check("param " + longName + " = 1\nlong_entry = true", 4, log);
    check("long_entry = close > open # " + "comment ".repeat(7_000), 5, log);
    check("long_entry = \"" + "text".repeat(15_000) + "\"", 6, log);
    check("long_entry = close > open" + " ".repeat(60_000) + "\nlong_exit = true", 7, log);
    check("\n".repeat(Limits.MAX_SOURCE_CHARS - 20) + "long_entry = true", 8, log);
    check("long_entry = close > 1" + "0".repeat(60_000), 9, log);
    check("long_entry = close > 0." + "0".repeat(60_000) + "1", 10, log);
    check("long_entry = close > 1e" + "9".repeat(60_000), 11, log);
    log.assertNoBugs("long names and lines");
  }
}
