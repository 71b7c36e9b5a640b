package com.tradingbacktest.engine.lang;

import static com.tradingbacktest.engine.lang.FuzzSupport.check;

import com.tradingbacktest.engine.lang.FuzzSupport.BugLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Minimal sources for what the fuzz tests found: each must compile to errors, or compile and
 * evaluate to signals or a StrategyEvaluationException, within the time bound. (Look-ahead findings
 * are in LookAheadTests, parameter-range findings in PropertyLanguageTests.)
 */
class FuzzFoundBugsTests {

  private static void assertClean(String what, String... sources) {
    BugLog log = new BugLog();
    int k = 0;
    for (String s : sources) {
      check(s, k++, log);
    }
    log.assertNoBugs(what);
  }

  /**
   * Compiler.expr/binary recurse once per operand of a left-to-right chain, which MAX_NESTING does
   * not bound.
   */
  @Test
  void aLongSumDoesNotOverflowTheCompilersStack() {
    assertClean("long sum", "long_entry = 1" + "+1".repeat(10_000) + " > 0");
  }

  @Test
  void aLongConjunctionDoesNotOverflowTheCompilersStack() {
    assertClean("long conjunction", "long_entry = true" + " and true".repeat(7000));
  }

  /** Compiler.history recurses once per [..] of a postfix chain. */
  @Test
  void aLongChainOfHistoryReferencesDoesNotOverflowTheCompilersStack() {
    assertClean("long history chain", "long_entry = close" + "[1]".repeat(15_000) + " > 0");
  }

  /**
   * StrategyEvaluator.markNeeded recurses over the whole plan, whose depth grows with every
   * statement.
   */
  @Test
  void aDeepPlanBuiltOverManyStatementsDoesNotOverflowTheEvaluatorsStack() {
    assertClean("deep plan", chain("long_entry = a%d > 0\n"));
  }

  /**
   * Compiler.lookAheadCulprit recurses over the plan when an intrabar order uses the current bar.
   */
  @Test
  void aDeepPlanFeedingAnIntrabarOrderDoesNotOverflowTheCompilersStack() {
    assertClean("deep plan for an intrabar order", chain("long_entry_stop = a%d\n"));
  }

  /**
   * 498 statements, each adding 55 levels to the plan (about 27,000 in all), within the character
   * limit.
   */
  private static String chain(String output) {
    StringBuilder b = new StringBuilder("a0 = close\n");
    int i = 1;
    for (; i < Limits.MAX_STATEMENTS - 2; i++) {
      b.append("a").append(i).append(" = a").append(i - 1).append("+1".repeat(55)).append('\n');
    }
    return b + String.format(output, i - 1);
  }

  /**
   * Suggest.closest lower-cases the unknown name once per candidate; String.toLowerCase is
   * quadratic for a Greek capital sigma (final-sigma context) and a dotted capital I, so a long
   * unknown name hangs the compiler: 16,000 sigmas take about 90 s, 64 KB about half an hour.
   */
  @Test
  void aLongUnknownNameOfSigmasDoesNotHangTheCompiler() {
    assertClean("long unknown name", "long_entry = " + "\u03a3".repeat(3000));
  }

  @Test
  void aLongUnknownFunctionNameDoesNotHangTheCompiler() {
    assertClean("long unknown function", "long_entry = " + "\u03a3".repeat(1500) + "(close) > 0");
  }

  /**
   * The compiler accepts every length from 1 (Lengths.problem), but TA-Lib needs at least 2 for
   * many indicators, and their IllegalArgumentException escapes the evaluator.
   */
  @Test
  void aLengthOfOneIsAcceptedOrRejectedCleanlyByEveryIndicator() {
    List<String> sources = new ArrayList<>();
    for (FunctionSpec f : LanguageCatalogue.functions()) {
      for (int i = 0; i < f.params().size(); i++) {
        if (f.params().get(i).kind().equals("length")) {
          sources.add(callWith(f, i, "1"));
          sources.add(
              "param n = 5 in 1..20\n"
                  + callWith(f, i, "n").replace("long_entry", "long_exit")
                  + "\nlong_entry = true");
        }
      }
    }
    BugLog log = new BugLog();
    for (String s : sources) {
      check(s, 1, log);
    }
    log.assertNoBugs("length 1");
  }

  /**
   * A call of {@code f} with argument {@code index} set to {@code value} and the others at sane
   * values.
   */
  static String callWith(FunctionSpec f, int index, String value) {
    List<String> args = new ArrayList<>();
    for (int j = 0; j < f.params().size(); j++) {
      FunctionSpec.Arg p = f.params().get(j);
      args.add(
          j == index
              ? value
              : switch (p.kind()) {
                case "series" -> "close";
                case "bool series" -> "close > open";
                default -> p.defaultValue() != null ? Compiler.fmt(p.defaultValue()) : "5";
              });
    }
    String call =
        f.name()
            + "("
            + String.join(", ", args)
            + ")"
            + (f.result().equals("fields") ? "." + f.fields().get(0) : "");
    return "long_entry = " + (f.result().equals("bool") ? call : call + " > 0");
  }

  /**
   * Oscillators.macd rejects fast >= slow with IllegalArgumentException; the compiler checks
   * nothing.
   */
  @Test
  void macdWithFastNotBelowSlowIsRejectedCleanly() {
    assertClean(
        "macd fast >= slow",
        "long_entry = macd(close, 26, 12).macd > 0",
        "long_entry = macd(close, 30).macd > 0",
        "param fast = 12 in 2..50\nparam slow = 26 in 3..100\nlong_entry = macd(close, fast, slow).macd > 0"
            .replace("fast = 12", "fast = 40"));
  }

  /**
   * bbands' mult and sar's accel/max are "number" arguments that the compiler never checks: the
   * indicators throw IllegalArgumentException, and TA-Lib's own bound on sar's maximum an
   * IllegalStateException.
   */
  @Test
  void outOfDomainNumberArgumentsAreRejectedCleanly() {
    assertClean(
        "number arguments",
        "long_entry = close > bbands(close, 20, -1).lower",
        "long_entry = close > bbands(close, 20, na).lower",
        "long_entry = close > sar(0)",
        "long_entry = close > sar(0.3, 0.2)",
        "long_entry = close > sar(na)",
        "param m = 2\nlong_entry = close > bbands(close, 20, m).lower",
        "long_entry = close > sar(0.02, 1e308)");
  }

  /**
   * SeriesFunctions.valuewhen sizes a ring buffer from the occurrence: -1 divides by zero, -2 and
   * anything from 2^31 on is a negative array size (and 1e8 or 1e9 would allocate gigabytes).
   */
  @Test
  void valuewhenWithANegativeOrHugeOccurrenceIsRejectedCleanly() {
    assertClean(
        "valuewhen occurrence",
        "long_entry = valuewhen(close > open, close, -1) > 0",
        "long_entry = valuewhen(close > open, close, -2) > 0",
        "long_entry = valuewhen(close > open, close, 1e10) > 0",
        "param o = 0\nlong_entry = valuewhen(close > open, close, o) > 0"
            .replace("o = 0", "o = -1"));
  }

  /**
   * A ternary accepts multi-output calls as branches (Compiler.ternary does not call rejectMulti),
   * and the evaluator then casts the map of fields to a number: ClassCastException.
   */
  @Test
  void aTernaryOfMultiOutputFunctionsIsACompileErrorOrRuns() {
    assertClean(
        "ternary of multi-output calls",
        "long_entry = (close > open ? macd(close) : macd(close, 5)) > 0",
        "size = true ? bbands(close) : bbands(close)\nlong_entry = true",
        "m = close > open ? stoch() : stoch(5)\nlong_entry = m > 50");
  }
}
