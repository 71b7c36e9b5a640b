package com.tradingbacktest.engine.lang;

import static com.tradingbacktest.engine.lang.Strategies.DAY;
import static com.tradingbacktest.engine.lang.Strategies.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.portfolio.Rebalance;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.RunControl;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A strategy over a universe: cross-sectional functions worked out by hand on mixed calendars and
 * na warm-ups, the weight output and its schedule, and a universe evaluation without
 * cross-sectional functions is each symbol's own evaluation.
 */
class UniverseEvaluationTests {

  private static final double NA = Double.NaN;
  private static final EvaluationLimits LIMITS = EvaluationLimits.defaults();

  /** Closes on the given days (0 = START), open = close, high/low one beyond. */
  static BarSeries symbol(String name, int[] days, double... closes) {
    int n = closes.length;
    long[] t = new long[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = START + days[i] * DAY;
      h[i] = closes[i] + 1;
      l[i] = closes[i] - 1;
      v[i] = 1000;
    }
    return BarSeries.of(
        name, Interval.D1, MarketCalendar.CRYPTO, ZoneOffset.UTC, t, closes, h, l, closes, v);
  }

  static BarSeries renamed(String name, BarSeries s) {
    return BarSeries.of(
        name,
        s.interval(),
        s.calendar(),
        s.zone(),
        s.times(),
        s.open(),
        s.high(),
        s.low(),
        s.close(),
        s.volume());
  }

  // Mixed calendars: A trades on days 0-3, B on 0, 2, 3 and C on 1-3. x = sma(close, 2) is na on
  // each symbol's first bar (its own warm-up):
  //   A closes 10 12 14 16 -> x na 11 13 15
  //   B closes 20 . 10 8   -> x na .  15 9
  //   C closes .  12 14 10 -> x .  na 13 12
  // day 0: A na, B na; day 1: A 11, C na; day 2: A 13, B 15, C 13; day 3: A 15, B 9, C 12.
  private static final List<BarSeries> MIXED =
      List.of(
          symbol("A", new int[] {0, 1, 2, 3}, 10, 12, 14, 16),
          symbol("B", new int[] {0, 2, 3}, 20, 10, 8),
          symbol("C", new int[] {1, 2, 3}, 12, 14, 10));

  private static final String MIXED_SOURCE =
      """
      x = sma(close, 2)
      r = rank(x)
      weight = 0.25
      plot("rank", r)
      plot("top1", top(1, x))
      plot("top2", top(2, x))
      plot("bottom1", bottom(1, x))
      plot("z", zscore_cs(x))
      plot("count", count_cs(x > 12))
      plot("size", universe_size())
      plot("sum", sum_cs(x))
      plot("previous rank", r[1])
      plot("rank of z", rank(zscore_cs(x)))
      """;

  private static UniverseEvaluation mixed() {
    return Strategies.compile(MIXED_SOURCE).evaluateUniverse(MIXED, Map.of(), LIMITS);
  }

  private static double[] plot(UniverseEvaluation e, String symbol, String title) {
    return e.of(symbol).plots().stream()
        .filter(p -> p.title().equals(title))
        .findFirst()
        .orElseThrow()
        .values();
  }

  @Test
  void rankComparesOnlyTheSymbolsWithABarAndAValueAtEachTimeAndTiesShareTheBestRank() {
    UniverseEvaluation e = mixed();

    // day 1: A alone has a value -> 1; day 2: B 15 first, A and C 13 share 2; day 3: A, C, B.
    assertThat(plot(e, "A", "rank")).containsExactly(NA, 1, 2, 1);
    assertThat(plot(e, "B", "rank")).containsExactly(NA, 1, 3);
    assertThat(plot(e, "C", "rank")).containsExactly(NA, 2, 2);
    // a history offset reads the symbol's own previous bar
    assertThat(plot(e, "B", "previous rank")).containsExactly(NA, NA, 1);
    // nested: the rank of the z-score is the rank
    assertThat(plot(e, "A", "rank of z")).containsExactly(NA, 1, 2, 1);
  }

  @Test
  void topAndBottomTakeTiesAtTheCutInSymbolNameOrderAndNeverAnNa() {
    UniverseEvaluation e = mixed();

    // top 1: day 1 A (the only value), day 2 B, day 3 A.
    assertThat(plot(e, "A", "top1")).containsExactly(0, 1, 0, 1);
    assertThat(plot(e, "B", "top1")).containsExactly(0, 1, 0);
    assertThat(plot(e, "C", "top1")).containsExactly(0, 0, 0);
    // top 2 on day 2: B 15, then A and C tie at 13: A comes first by name.
    assertThat(plot(e, "A", "top2")).containsExactly(0, 1, 1, 1);
    assertThat(plot(e, "C", "top2")).containsExactly(0, 0, 1);
    // bottom 1: day 1 A, day 2 A (13, tied with C), day 3 B (9).
    assertThat(plot(e, "A", "bottom1")).containsExactly(0, 1, 1, 0);
    assertThat(plot(e, "B", "bottom1")).containsExactly(0, 0, 1);
    assertThat(plot(e, "C", "bottom1")).containsExactly(0, 0, 0);
  }

  @Test
  void countsAndSumsSeeTheSymbolsWithABarAtEachTime() {
    UniverseEvaluation e = mixed();

    assertThat(plot(e, "A", "size")).containsExactly(2, 2, 3, 3);
    assertThat(plot(e, "C", "size")).containsExactly(2, 3, 3);
    // x > 12: day 2 all three (13, 15, 13), day 3 only A (15).
    assertThat(plot(e, "A", "count")).containsExactly(0, 0, 3, 1);
    assertThat(plot(e, "B", "count")).containsExactly(0, 3, 1);
    // sum of the values that are not na: day 0 none -> na, day 1 11, day 2 41, day 3 36.
    assertThat(plot(e, "A", "sum")).containsExactly(NA, 11, 41, 36);
    assertThat(plot(e, "C", "sum")).containsExactly(11, 41, 36);
  }

  @Test
  void zscoreUsesThePopulationDeviationOfTheValuesAtEachTime() {
    UniverseEvaluation e = mixed();

    // day 2: 13, 15, 13: mean 41/3, deviation sqrt(8/9); day 1: one value -> 0.
    double sd = Math.sqrt(8.0 / 9);
    double[] a = plot(e, "A", "z");
    assertThat(a[0]).isNaN();
    assertThat(a[1]).isZero();
    assertThat(a[2]).isCloseTo((13 - 41.0 / 3) / sd, within(1e-12));
    assertThat(plot(e, "B", "z")[1]).isCloseTo((15 - 41.0 / 3) / sd, within(1e-12));
    // day 3: 15, 9, 12: mean 12, deviation sqrt(6)
    assertThat(plot(e, "B", "z")[2]).isCloseTo(-3 / Math.sqrt(6), within(1e-12));
  }

  @Test
  void theOrderAUniverseIsListedInChangesNothing() {
    // Four symbols on one bar, listed out of name order: A 5, B 7, C 7, D 7.
    List<BarSeries> universe =
        List.of(
            symbol("D", new int[] {0}, 7),
            symbol("B", new int[] {0}, 7),
            symbol("A", new int[] {0}, 5),
            symbol("C", new int[] {0}, 7));
    String source =
        """
        weight = top(2, close) ? 0.5 : 0
        plot("bottom", bottom(2, close))
        plot("rank", rank(close))
        """;
    UniverseEvaluation e = Strategies.compile(source).evaluateUniverse(universe, Map.of(), LIMITS);
    UniverseEvaluation reversed =
        Strategies.compile(source)
            .evaluateUniverse(
                List.of(universe.get(3), universe.get(2), universe.get(1), universe.get(0)),
                Map.of(),
                LIMITS);

    for (UniverseEvaluation u : List.of(e, reversed)) {
      assertThat(u.of("B").weight()).containsExactly(0.5);
      assertThat(u.of("C").weight()).containsExactly(0.5);
      assertThat(u.of("D").weight()).containsExactly(0);
      assertThat(u.of("A").weight()).containsExactly(0);
      assertThat(plot(u, "A", "bottom")).containsExactly(1);
      assertThat(plot(u, "B", "bottom")).containsExactly(1);
      assertThat(plot(u, "C", "bottom")).containsExactly(0);
      assertThat(plot(u, "A", "rank")).containsExactly(4);
      assertThat(plot(u, "D", "rank")).containsExactly(1);
    }
    assertThat(e.symbols())
        .extracting(UniverseEvaluation.SymbolEvaluation::symbol)
        .containsExactly("D", "B", "A", "C");
  }

  @Test
  void aCrossSectionalStrategyOnOneSeriesSeesAUniverseOfOne() {
    BarSeries one = symbol("A", new int[] {0, 1, 2, 3}, 10, 12, 14, 16);
    CompiledStrategy s =
        Strategies.compile(
            """
            x = sma(close, 2)
            long_entry = rank(x) == 1 and top(3, x) and zscore_cs(x) == 0
            long_exit = count_cs(x > 12) == universe_size()
            plot("rank", rank(x))
            """);

    Evaluation single = s.evaluate(one, Map.of(), LIMITS);
    UniverseEvaluation universe = s.evaluateUniverse(List.of(one), Map.of(), LIMITS);

    assertThat(Strategies.trueAt(single.signals().longEntry())).containsExactly(1, 2, 3);
    assertThat(Strategies.trueAt(single.signals().longExit())).containsExactly(2, 3);
    assertThat(single.plots().get(0).values()).containsExactly(NA, 1, 1, 1);
    assertThat(FuzzSupport.exactDifference(single.signals(), universe.symbols().get(0).signals()))
        .isNull();
    assertThat(s.isCrossSectional()).isTrue();
  }

  @Test
  void weightIsTheOutputAndTheScheduleDefaultsToMonthly() {
    UniverseEvaluation e =
        Strategies.compile("weight = close > 11 ? 1 / universe_size() : na")
            .evaluateUniverse(MIXED, Map.of(), LIMITS);

    assertThat(e.rebalance()).contains(Rebalance.MONTHLY);
    assertThat(e.of("A").weight()).containsExactly(NA, 0.5, 1.0 / 3, 1.0 / 3);
    assertThat(e.of("B").weight()).containsExactly(0.5, NA, NA);
    assertThat(e.of("A").signals().hasEntries()).isFalse();
    assertThat(
            Strategies.compile("rebalance = drift(5%)\nweight = 0.5")
                .evaluateUniverse(MIXED, Map.of(), LIMITS)
                .rebalance())
        .contains(new Rebalance(Rebalance.Frequency.DRIFT, 0.05));
  }

  @Test
  void aStrategyWithoutWeightHasNoWeightColumnAndNoSchedule() {
    UniverseEvaluation e =
        Strategies.compile("long_entry = rank(close) == 1")
            .evaluateUniverse(MIXED, Map.of(), LIMITS);

    assertThat(e.rebalance()).isEmpty();
    assertThat(e.of("A").weight()).isNull();
    // day 0: B 20 > A 10; day 1: C 12 = A 12; day 2: A 14 = C 14 > B 10; day 3: A 16.
    assertThat(Strategies.trueAt(e.of("A").signals().longEntry())).containsExactly(1, 2, 3);
    assertThat(Strategies.trueAt(e.of("B").signals().longEntry())).containsExactly(0);
  }

  @Test
  void aNegativeWeightAtRunTimeIsAnErrorNamingTheSymbolAndTheBar() {
    CompiledStrategy s = Strategies.compile("weight = zscore_cs(close)");

    assertThatThrownBy(() -> s.evaluateUniverse(MIXED, Map.of(), LIMITS))
        .isInstanceOf(StrategyEvaluationException.class)
        .hasMessageContaining("weight must be from 0 to 1")
        .hasMessageContaining("A has -1.0 on the bar of 2024-01-01T00:00:00Z");
  }

  @Test
  void withoutCrossSectionalFunctionsEachSymbolIsItsOwnEvaluation() {
    Random r = new Random(0x0A11_5EEDL);
    int checked = 0;
    for (int i = 0; i < 300 && checked < 60; i++) {
      String source = FuzzPrograms.program(r);
      StrategyCompiler.Compilation c = StrategyCompiler.compile(source);
      if (!c.ok() || c.strategy().isCrossSectional()) {
        continue;
      }
      CompiledStrategy s = c.strategy();
      List<BarSeries> universe = new ArrayList<>();
      for (int k = 0; k < 1 + r.nextInt(4); k++) {
        universe.add(renamed("S" + k, FuzzSupport.randomBars(r, 2 + r.nextInt(120))));
      }
      Map<String, Double> params = FuzzSupport.randomParams(s, r);
      UniverseEvaluation e;
      try {
        e = s.evaluateUniverse(universe, params, LIMITS);
      } catch (StrategyEvaluationException refused) {
        // then every symbol's own evaluation refuses the same parameters
        assertThatThrownBy(() -> s.signals(universe.get(0), params, LIMITS))
            .isInstanceOf(StrategyEvaluationException.class);
        continue;
      }
      for (int k = 0; k < universe.size(); k++) {
        Evaluation own = s.evaluate(universe.get(k), params, LIMITS);
        UniverseEvaluation.SymbolEvaluation part = e.symbols().get(k);
        assertThat(FuzzSupport.exactDifference(own.signals(), part.signals()))
            .as("symbol %d of%n%s", k, source)
            .isNull();
        assertThat(part.plots()).hasSameSizeAs(own.plots());
        for (int p = 0; p < own.plots().size(); p++) {
          assertThat(part.plots().get(p).values()).isEqualTo(own.plots().get(p).values());
        }
      }
      checked++;
    }
    assertThat(checked).isEqualTo(60);
  }

  @Test
  void aUniverseOfOneIsTheSingleEvaluationForAnyProgram() {
    Random r = new Random(0x0BE5_1DEL);
    int crossSectional = 0;
    int checked = 0;
    for (int i = 0; i < 600 && checked < 150; i++) {
      String source = FuzzPrograms.program(r);
      StrategyCompiler.Compilation c = StrategyCompiler.compile(source);
      if (!c.ok()) {
        continue;
      }
      CompiledStrategy s = c.strategy();
      BarSeries bars = FuzzSupport.randomBars(r, 2 + r.nextInt(120));
      Map<String, Double> params = FuzzSupport.randomParams(s, r);
      Evaluation own;
      try {
        own = s.evaluate(bars, params, LIMITS);
      } catch (StrategyEvaluationException refused) {
        continue;
      }
      UniverseEvaluation.SymbolEvaluation part =
          s.evaluateUniverse(List.of(bars), params, LIMITS).symbols().get(0);
      assertThat(FuzzSupport.exactDifference(own.signals(), part.signals()))
          .as("%s", source)
          .isNull();
      for (int p = 0; p < own.plots().size(); p++) {
        assertThat(part.plots().get(p).values()).isEqualTo(own.plots().get(p).values());
      }
      crossSectional += s.isCrossSectional() ? 1 : 0;
      checked++;
    }
    assertThat(checked).isEqualTo(150);
    assertThat(crossSectional).as("programs with cross-sectional functions").isGreaterThan(10);
  }

  @Test
  void universeSignalsLeaveThePlotsOutButNotTheWeights() {
    UniverseEvaluation e =
        Strategies.compile(MIXED_SOURCE).universeSignals(MIXED, Map.of(), LIMITS);

    assertThat(e.of("A").plots()).isEmpty();
    assertThat(e.of("A").weight()).containsOnly(0.25);
  }

  @Test
  void refusesAnEmptyOrDuplicatedUniverse() {
    CompiledStrategy s = Strategies.compile("weight = 0.5");

    assertThatThrownBy(() -> s.evaluateUniverse(List.of(), Map.of(), LIMITS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 500 symbols");
    assertThatThrownBy(
            () -> s.evaluateUniverse(List.of(MIXED.get(0), MIXED.get(0)), Map.of(), LIMITS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symbol A is twice");
  }

  // ---- memory

  @Test
  void fiveHundredSymbolsOfTenYearsFitTheRunMemoryBudgetAndTheEstimateGrowsWithSymbols() {
    // A 1 GB container runs the JVM with a 768 MB heap (75%, docs/DEPLOYMENT.md); with two
    // workers each run gets 0.6 x 768 / 2 = 230 MB (docs/ENGINE.md, "Resource limits").
    long budget = (long) (0.6 * (768L << 20) / 2);
    for (StrategyTemplates.Template t : StrategyTemplates.all()) {
      if (t.portfolio()) {
        CompiledStrategy s = Strategies.compile(t.source());
        assertThat(s.memoryNeeded(500, 2520)).as(t.id()).isLessThan(budget);
      }
    }
    CompiledStrategy rotation =
        Strategies.compile(StrategyTemplates.byId("momentum_rotation").orElseThrow().source());
    long ten = rotation.memoryNeeded(10, 2520);
    long fiveHundred = rotation.memoryNeeded(500, 2520);
    assertThat(fiveHundred).isGreaterThan(40 * ten);
    // Every symbol-bar holds at least the run's share, the index and its momentum, top and weight
    // columns.
    assertThat(fiveHundred)
        .isGreaterThan(
            500L
                * 2520
                * (MemoryEstimate.UNIVERSE_RUN_BYTES_PER_SYMBOL_BAR
                    + CrossSection.INDEX_BYTES_PER_BAR
                    + 8
                    + 1
                    + 8));
  }

  @Test
  void aUniverseOverTheMemoryLimitIsRefusedBeforeAnyColumnIsComputed() {
    CompiledStrategy s =
        Strategies.compile(StrategyTemplates.byId("momentum_rotation").orElseThrow().source());
    List<BarSeries> universe = new ArrayList<>();
    Random r = new Random(3);
    for (int k = 0; k < 20; k++) {
      universe.add(renamed("S" + k, FuzzSupport.randomBars(r, 500)));
    }
    long needed = s.memoryNeeded(20, 500);
    // A control that fails the test if evaluation ever starts.
    RunControl mustNotRun =
        new RunControl() {
          @Override
          public void progress(int percent) {}

          @Override
          public boolean isCancelled() {
            throw new AssertionError("evaluation started");
          }
        };

    assertThatThrownBy(
            () ->
                s.evaluateUniverse(
                    universe, Map.of(), new EvaluationLimits(needed - 1, mustNotRun)))
        .isInstanceOf(StrategyEvaluationException.class)
        .hasMessageContaining("over 20 symbols with 10,000 bars in all");
    assertThat(
            s.evaluateUniverse(universe, Map.of(), new EvaluationLimits(needed, RunControl.NONE)))
        .isNotNull();
  }
}
