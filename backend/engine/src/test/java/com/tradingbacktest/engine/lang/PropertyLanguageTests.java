package com.tradingbacktest.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.Simulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Properties of compiling and evaluating: merging equal sub-expressions and folding constants never
 * change a result; an evaluator reused across parameter sets (the sweep cache) gives exactly what a
 * fresh one gives; values outside a parameter's range are rejected with a
 * StrategyEvaluationException naming it, and values inside it never end in any other exception.
 */
class PropertyLanguageTests {

  // ---- merging

  @Test
  void aValueNamedOnceAndUsedTwiceIsTheColumnOfTwoCopies() {
    String named =
        "x = sma(close, 10)\nlong_entry = crossover(x, sma(close, 30))\nlong_exit = crossunder(x, sma(close, 30))";
    String inline =
        "long_entry = crossover(sma(close, 10), sma(close, 30))\n"
            + "long_exit = crossunder(sma(close, 10), sma(close, 30))";
    String twice =
        "x = sma(close, 10)\ny = sma(close, 10)\nlong_entry = crossover(x, sma(close, 30))\n"
            + "long_exit = crossunder(y, sma(close, 30))";
    BarSeries bars = FuzzSupport.randomBars(new Random(1), 300);
    CompiledStrategy a = Strategies.compile(named);
    CompiledStrategy b = Strategies.compile(inline);
    CompiledStrategy c = Strategies.compile(twice);
    assertThat(b.planSize()).isEqualTo(a.planSize());
    assertThat(c.planSize()).isEqualTo(a.planSize());
    assertThat(FuzzSupport.exactDifference(a.signals(bars, Map.of()), b.signals(bars, Map.of())))
        .isNull();
    assertThat(FuzzSupport.exactDifference(a.signals(bars, Map.of()), c.signals(bars, Map.of())))
        .isNull();
    assertThat(Strategies.trueAt(a.signals(bars, Map.of()).longEntry())).isNotEmpty();
  }

  private static final List<String> NUMBER_COMBINATIONS =
      List.of(
          "crossover(%1, %2)",
          "%1 > %2[1]",
          "%1 == %2",
          "rising(%1 - %2, 1) or %1 < %2 * 0.5",
          "barssince(%1 > %2[2]) < 3");

  @Test
  void equalSubExpressionsWrittenOnceTwiceOrInlineGiveTheSamePlanAndSignals() {
    Random r = new Random(0xE0_0001L);
    int compared = 0;
    for (int i = 0; i < 300; i++) {
      FuzzPrograms.Expression e = FuzzPrograms.numberExpression(r, 3);
      String combination = FuzzPrograms.pick(r, NUMBER_COMBINATIONS);
      String x = e.text();
      String twice =
          e.prelude()
              + "x = "
              + x
              + "\ny = "
              + x
              + "\nlong_entry = "
              + combine(combination, "x", "y")
              + "\nsize = x\n";
      String once =
          e.prelude()
              + "x = "
              + x
              + "\nlong_entry = "
              + combine(combination, "x", "x")
              + "\nsize = x\n";
      String inline =
          e.prelude()
              + "long_entry = "
              + combine(combination, "(" + x + ")", "(" + x + ")")
              + "\nsize = ("
              + x
              + ")\n";
      compared += assertSameResults(r, twice, once, inline) ? 1 : 0;

      FuzzPrograms.Expression b = FuzzPrograms.boolExpression(r, 3);
      String y = "(" + b.text() + ")";
      compared +=
          assertSameResults(
                  r,
                  b.prelude()
                      + "x = "
                      + y
                      + "\ny = "
                      + y
                      + "\nlong_entry = x and y or x == y\nlong_exit = not y\n",
                  b.prelude()
                      + "x = "
                      + y
                      + "\nlong_entry = x and x or x == x\nlong_exit = not x\n",
                  b.prelude()
                      + "long_entry = "
                      + y
                      + " and "
                      + y
                      + " or "
                      + y
                      + " == "
                      + y
                      + "\nlong_exit = not "
                      + y
                      + "\n")
              ? 1
              : 0;
    }
    assertThat(compared).isGreaterThan(400);
  }

  private static String combine(String combination, String a, String b) {
    return combination.replace("%1", a).replace("%2", b);
  }

  /**
   * All sources compile alike; when they compile they have one plan size and, on random bars and
   * parameters, exactly the same signals (or the same exception). Returns whether they compiled.
   */
  private static boolean assertSameResults(Random r, String... sources) {
    List<StrategyCompiler.Compilation> cs = new ArrayList<>();
    for (String s : sources) {
      cs.add(StrategyCompiler.compile(s));
    }
    for (int i = 1; i < sources.length; i++) {
      assertThat(cs.get(i).ok())
          .as(
              "compiles alike:%n%s%nand%n%s%nerrors %s / %s",
              sources[0], sources[i], cs.get(0).errors(), cs.get(i).errors())
          .isEqualTo(cs.get(0).ok());
    }
    if (!cs.get(0).ok()) {
      return false;
    }
    for (int i = 1; i < sources.length; i++) {
      assertThat(cs.get(i).strategy().planSize())
          .as("plan size of%n%s%nand%n%s", sources[0], sources[i])
          .isEqualTo(cs.get(0).strategy().planSize());
    }
    assertSameSignals(r, false, sources, cs);
    return true;
  }

  private static void assertSameSignals(
      Random r, boolean byValue, String[] sources, List<StrategyCompiler.Compilation> cs) {
    for (int trial = 0; trial < 2; trial++) {
      BarSeries bars = FuzzSupport.randomBars(r, 2 + r.nextInt(120));
      Map<String, Double> params =
          trial == 0 ? Map.of() : FuzzSupport.randomParams(cs.get(0).strategy(), r);
      Object first = outcome(() -> cs.get(0).strategy().signals(bars, params));
      for (int i = 1; i < sources.length; i++) {
        int k = i;
        Object other = outcome(() -> cs.get(k).strategy().signals(bars, params));
        String difference = difference(first, other, byValue);
        if (difference != null) {
          fail(
              "different results ("
                  + difference
                  + ") with params "
                  + params
                  + " for\n"
                  + sources[0].indent(4)
                  + "and\n"
                  + sources[i].indent(4));
        }
      }
    }
  }

  private static Object outcome(Supplier<Signals> run) {
    try {
      return run.get();
    } catch (RuntimeException | StackOverflowError e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static String difference(Object a, Object b, boolean byValue) {
    if (a instanceof Signals x && b instanceof Signals y) {
      return byValue ? FuzzSupport.valueDifference(x, y) : FuzzSupport.exactDifference(x, y);
    }
    return a.getClass() == b.getClass() && a.equals(b) ? null : a + " vs " + b;
  }

  // ---- constant folding

  private static final List<String> LITERALS =
      List.of(
          "0", "-0", "1", "0.5", "2.5%", "100", "-3", "1e400", "-1e400", "1e-400", "na", "1e308");

  @Test
  void foldingConstantsDoesNotChangeResults() {
    Random r = new Random(0xF0_0001L);
    int compared = 0;
    for (int i = 0; i < 250; i++) {
      FuzzPrograms.Expression e = FuzzPrograms.numberExpression(r, 3);
      String literal = FuzzPrograms.pick(r, LITERALS);
      String x = "(" + e.text() + ")";
      String body =
          "long_entry = " + x + " > %L\nlong_exit = %L < " + x + "[1]\nsize = " + x + " * %L\n";
      List<String> forms =
          new ArrayList<>(
              List.of(
                  "(%L)",
                  "(%L * 1)",
                  "-(-%L)",
                  "(%L + 0)",
                  "(true ? %L : 0)",
                  "(false ? 0 : %L)",
                  "(close > open ? %L : %L)"));
      List<String> sources = new ArrayList<>();
      sources.add(e.prelude() + body.replace("%L", literal));
      for (String form : forms) {
        sources.add(e.prelude() + body.replace("%L", form.replace("%L", literal)));
      }
      sources.add(e.prelude() + "c = " + literal + "\n" + body.replace("%L", "c"));
      if (!literal.equals("na") && !literal.endsWith("%")) {
        sources.add("param cc = " + literal + "\n" + e.prelude() + body.replace("%L", "cc"));
      }
      List<StrategyCompiler.Compilation> cs =
          sources.stream().map(StrategyCompiler::compile).toList();
      for (int k = 1; k < cs.size(); k++) {
        assertThat(cs.get(k).ok())
            .as(
                "compiles alike:%n%s%nand%n%s%n%s",
                sources.get(0), sources.get(k), cs.get(k).errors())
            .isEqualTo(cs.get(0).ok());
      }
      if (cs.get(0).ok()) {
        assertSameSignals(r, true, sources.toArray(String[]::new), cs);
        compared++;
      }

      FuzzPrograms.Expression b = FuzzPrograms.boolExpression(r, 3);
      String y = "(" + b.text() + ")";
      String[] bools = {
        y,
        "not not " + y,
        y + " == true",
        "true and " + y,
        y + " or false",
        "(true ? " + y + " : false)",
        "(false ? false : " + y + ")",
        y + " != false",
        "(" + y + " ? true : false)"
      };
      List<String> boolSources = new ArrayList<>();
      for (String form : bools) {
        boolSources.add(
            b.prelude() + "long_entry = " + form + "\nshort_entry = not (" + form + ")\n");
      }
      boolSources.add(
          b.prelude()
              + "t = true\nlong_entry = t and "
              + y
              + "\nshort_entry = not ("
              + y
              + " and t)\n");
      List<StrategyCompiler.Compilation> bcs =
          boolSources.stream().map(StrategyCompiler::compile).toList();
      for (int k = 1; k < bcs.size(); k++) {
        assertThat(bcs.get(k).ok())
            .as("compiles alike:%n%s%nand%n%s", boolSources.get(0), boolSources.get(k))
            .isEqualTo(bcs.get(0).ok());
      }
      if (bcs.get(0).ok()) {
        assertSameSignals(r, true, boolSources.toArray(String[]::new), bcs);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(300);
  }

  // ---- the sweep cache

  @Provide
  Arbitrary<StrategyTemplates.Template> templatesWithParams() {
    return Arbitraries.of(
        StrategyTemplates.all().stream()
            .filter(t -> !Strategies.compile(t.source()).params().isEmpty())
            .toList());
  }

  @Provide
  Arbitrary<StrategyTemplates.Template> templates() {
    return Arbitraries.of(StrategyTemplates.all());
  }

  @Property(tries = 60, seed = "31337")
  void aReusedEvaluatorGivesWhatAFreshOneGivesOnTemplates(
      @ForAll("templates") StrategyTemplates.Template t, @ForAll long seed) {
    assertSweepCacheIsInvisible(t.source(), new Random(seed), 25);
  }

  @Test
  void aReusedEvaluatorGivesWhatAFreshOneGivesOnRandomPrograms() {
    Random r = new Random(0x5EE9_0001L);
    int checked = 0;
    for (int i = 0; i < 400 && checked < 150; i++) {
      String source = FuzzPrograms.program(r);
      StrategyCompiler.Compilation c = StrategyCompiler.compile(source);
      if (c.ok() && !c.strategy().params().isEmpty()) {
        assertSweepCacheIsInvisible(source, r, 12);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(150);
  }

  /**
   * Runs a sequence of parameter sets (new ones, revisited ones, partial and empty ones, now and
   * then an invalid one) through one evaluator, and each through a fresh evaluator: the outcomes
   * are identical. The signals are simulated in between, as a sweep does.
   */
  static void assertSweepCacheIsInvisible(String source, Random r, int steps) {
    CompiledStrategy s = Strategies.compile(source);
    BarSeries bars = FuzzSupport.randomBars(r, 2 + r.nextInt(150));
    StrategyEvaluator reused = s.evaluator(bars);
    List<Map<String, Double>> seen = new ArrayList<>();
    List<String> history = new ArrayList<>();
    for (int step = 0; step < steps; step++) {
      Map<String, Double> params;
      int roll = r.nextInt(10);
      if (roll < 3 && !seen.isEmpty()) {
        params = seen.get(r.nextInt(seen.size()));
      } else if (roll == 3) {
        params = Map.of();
      } else if (roll == 4 && !s.params().isEmpty()) {
        params = new HashMap<>(FuzzSupport.randomParams(s, r));
        ParamSpec p = s.params().get(r.nextInt(s.params().size()));
        params.put(p.name(), p.min() != null ? p.max() + 1 : Double.NaN);
      } else {
        params = FuzzSupport.randomParams(s, r);
      }
      seen.add(params);
      history.add(params.toString());
      Map<String, Double> values = params;
      Object fromCache = outcome(() -> reused.signals(values));
      Object fresh = outcome(() -> s.evaluator(bars).signals(values));
      String difference = difference(fresh, fromCache, false);
      if (difference != null) {
        fail(
            "the reused evaluator differs from a fresh one ("
                + difference
                + ") after the parameter sets "
                + history
                + " on "
                + bars.size()
                + " bars for\n"
                + source.indent(4));
      }
      if (fromCache instanceof Signals signals) {
        try {
          Simulator.run(bars, signals, BacktestConfig.defaults());
        } catch (IllegalArgumentException e) {
          // a run the simulator refuses (e.g. a size it cannot use) is not the language's concern
          // here
        }
      }
    }
  }

  // ---- parameter ranges

  @Test
  void everyTemplateRejectsValuesOutsideEachParametersRangeNamingIt() {
    BarSeries bars = FuzzSupport.randomBars(new Random(5), 60);
    int checked = 0;
    for (StrategyTemplates.Template t : StrategyTemplates.all()) {
      CompiledStrategy s = Strategies.compile(t.source());
      StrategyEvaluator evaluator = s.evaluator(bars);
      for (ParamSpec p : s.params()) {
        double step = p.step() != null ? p.step() : 1;
        List<Double> bad =
            new ArrayList<>(
                List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        if (p.min() != null) {
          bad.addAll(
              List.of(
                  p.min() - step,
                  p.max() + step,
                  Math.nextDown(p.min()),
                  Math.nextUp(p.max()),
                  -1e300,
                  1e300));
        }
        for (double value : bad) {
          assertRejectedNaming(p.name(), () -> s.signals(bars, Map.of(p.name(), value)));
          assertRejectedNaming(p.name(), () -> evaluator.signals(Map.of(p.name(), value)));
          checked++;
        }
        Map<String, Double> nullValue = new HashMap<>();
        nullValue.put(p.name(), null);
        assertRejectedNaming(p.name(), () -> evaluator.signals(nullValue));
      }
      assertRejectedNaming("no_such_param", () -> evaluator.signals(Map.of("no_such_param", 1.0)));
      // the evaluator still works after the rejections
      assertThat(
              FuzzSupport.exactDifference(evaluator.signals(Map.of()), s.signals(bars, Map.of())))
          .isNull();
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Property(tries = 300, seed = "4242")
  void valuesOutsideTheRangeOfAGeneratedParameterAreRejectedNamingIt(@ForAll long seed) {
    Random r = new Random(seed);
    CompiledStrategy s = null;
    while (s == null || s.params().isEmpty()) {
      StrategyCompiler.Compilation c = StrategyCompiler.compile(FuzzPrograms.program(r));
      s = c.ok() ? c.strategy() : null;
    }
    ParamSpec p = s.params().get(r.nextInt(s.params().size()));
    double value;
    if (p.min() == null) {
      value =
          FuzzPrograms.pick(
              r, List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    } else {
      double width = Math.max(p.max() - p.min(), 1e-6);
      value =
          r.nextBoolean()
              ? p.min() - width * r.nextDouble() - 1e-9
              : p.max() + width * r.nextDouble() + 1e-9;
    }
    Map<String, Double> params = new HashMap<>(FuzzSupport.randomParams(s, r));
    params.put(p.name(), value);
    CompiledStrategy strategy = s;
    BarSeries bars = FuzzSupport.randomBars(r, 30);
    assertRejectedNaming(p.name(), () -> strategy.signals(bars, params));
  }

  private static void assertRejectedNaming(String name, Runnable run) {
    assertThatThrownBy(run::run)
        .isInstanceOf(StrategyEvaluationException.class)
        .hasMessageMatching("(?s).*\\b" + name + "\\b.*");
  }

  /**
   * A sweep over a template's declared ranges never meets an exception other than
   * StrategyEvaluationException.
   */
  @Property(tries = 400, seed = "8080")
  void valuesInsideTheRangesOfATemplateGiveSignalsOrAStrategyEvaluationException(
      @ForAll("templatesWithParams") StrategyTemplates.Template t, @ForAll long seed) {
    Random r = new Random(seed);
    CompiledStrategy s = Strategies.compile(t.source());
    Map<String, Double> params = new HashMap<>();
    for (ParamSpec p : s.params()) {
      params.put(p.name(), FuzzSupport.randomValue(p, r));
    }
    BarSeries bars = FuzzSupport.randomBars(r, 1 + r.nextInt(300));
    try {
      Signals signals = s.signals(bars, params);
      assertThat(FuzzSupport.checkSignals(s, signals, bars.size())).isNull();
    } catch (StrategyEvaluationException e) {
      assertThat(e.getMessage()).isNotBlank();
    } catch (RuntimeException e) {
      throw new AssertionError(
          "template " + t.id() + " with params " + params + " in their declared ranges threw " + e,
          e);
    }
  }
}
