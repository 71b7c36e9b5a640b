package com.tradingbacktest.engine.lang;

import static com.tradingbacktest.engine.lang.Strategies.closes;
import static com.tradingbacktest.engine.lang.Strategies.signals;
import static com.tradingbacktest.engine.lang.Strategies.trueAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.Signals;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each construct computes, on small series worked out by hand. Outputs carry the results. */
class EvaluationTests {

  private static final BarSeries BARS = closes(10, 12, 11, 15, 14);

  /** The signals of {@code source} on {@link #BARS} with its parameters' defaults. */
  private static Signals onBars(String source) {
    return signals(source, BARS, Map.of());
  }

  @Test
  void arithmeticFollowsPrecedenceAndPercentLiterals() {
    // 2 + 3 * 4 = 14 and 5% = 0.05; (close - 10) / 2 on closes 10, 12, 11, 15, 14 = 0, 1, 0.5, 2.5,
    // 2
    Signals s =
        onBars(
            """
            size = 2 + 3 * 4
            stop_loss = 5%
            take_profit = (close - 10) / 2
            long_entry = true
            """);

    assertThat(s.size()).containsOnly(14.0);
    assertThat(s.stopLoss()).containsOnly(0.05);
    assertThat(s.takeProfit()).containsExactly(0, 1, 0.5, 2.5, 2);
  }

  @Test
  void comparisonsWithNaNAreFalseSoWarmUpNeverSignals() {
    // sma(close, 3): NaN, NaN, 11, 12.667, 13.333; close > sma: -, -, false, true, true
    Signals s =
        onBars("long_entry = close > sma(close, 3)\nlong_exit = not (close > sma(close, 3))");

    assertThat(trueAt(s.longEntry())).containsExactly(3, 4);
    assertThat(trueAt(s.longExit())).containsExactly(0, 1, 2); // 'not' of a warm-up false is true
  }

  @Test
  void historyShiftsBackAndFillsWithNa() {
    // close[1]: NaN, 10, 12, 11, 15 ; close > close[1]: false, true, false, true, false
    Signals s = onBars("long_entry = close > close[1]\ntake_profit = close[2]");

    assertThat(trueAt(s.longEntry())).containsExactly(1, 3);
    assertThat(s.takeProfit()[0]).isNaN();
    assertThat(s.takeProfit()[1]).isNaN();
    assertThat(s.takeProfit()[2]).isEqualTo(10);
  }

  @Test
  void historyOffsetsMayBeParams() {
    Signals s =
        signals("param lag = 2 in 1..5\nlong_entry = close > close[lag]", BARS, Map.of("lag", 3.0));

    // close[3]: -, -, -, 10, 12 -> 15 > 10, 14 > 12
    assertThat(trueAt(s.longEntry())).containsExactly(3, 4);
  }

  @Test
  void ternaryAndBooleanOperators() {
    Signals s =
        onBars(
            """
            up = close > close[1]
            size = up ? 1 : 0.5
            long_entry = up and close > 11 or close == 10
            """);

    assertThat(s.size()).containsExactly(0.5, 1, 0.5, 1, 0.5);
    assertThat(trueAt(s.longEntry())).containsExactly(0, 1, 3);
  }

  @Test
  void divisionByZeroIsNa() {
    Signals s = onBars("take_profit = close / (close - close)\nlong_entry = true");

    assertThat(java.util.Arrays.stream(s.takeProfit()).allMatch(Double::isNaN)).isTrue();
  }

  @Test
  void seriesFunctionsWorkAsDocumented() {
    BarSeries bars = closes(10, 11, 12, 11, 13, 14, 15, 9);
    Signals s =
        signals(
            """
        up = close > close[1]
        stop_loss = barssince(up)
        take_profit = valuewhen(up, close, 1)
        trailing_stop = change(close, 2)
        long_entry = rising(close, 2)
        long_exit = falling(close, 1)
        size = nz(close[1], -1)
        """,
            bars,
            Map.of());

    // up: F T T F T T T F
    assertThat(s.stopLoss()[0]).isNaN();
    assertThat(s.stopLoss()).containsSubsequence(0, 0, 1, 0, 0, 0, 1);
    // valuewhen(up, close, 1): the close at the second most recent 'up': -, -, 11, 11, 12, 13, 14,
    // 14
    assertThat(s.takeProfit()[2]).isEqualTo(11);
    assertThat(s.takeProfit()[7]).isEqualTo(14);
    // change(close, 2) at bar 4: 13 - 12 = 1
    assertThat(s.trailingStop()[4]).isEqualTo(1);
    // rising(close, 2): close above both of the previous two: bars 2, 5, 6 (bar 4: 13 > 11 and 13 >
    // 12)
    assertThat(trueAt(s.longEntry())).containsExactly(2, 4, 5, 6);
    assertThat(trueAt(s.longExit())).containsExactly(3, 7);
    assertThat(s.size()[0]).isEqualTo(-1);
  }

  @Test
  void timePartsAreInTheMarketsZone() {
    // 2024-01-01 is a Monday: dayofweek 1, 2, 3, ...
    Signals s =
        onBars(
            """
            size = dayofweek
            stop_loss = year
            take_profit = month
            long_entry = dayofweek == 3
            """);

    assertThat(s.size()).containsExactly(1, 2, 3, 4, 5);
    assertThat(s.stopLoss()).containsOnly(2024.0);
    assertThat(s.takeProfit()).containsOnly(1.0);
    assertThat(trueAt(s.longEntry())).containsExactly(2);
  }

  @Test
  void multiOutputFieldsAndNamedArguments() {
    Signals s =
        onBars(
            """
            b = bbands(close, length=3, mult=1)
            size = b.middle
            long_entry = close > b.upper
            """);

    assertThat(s.size()[2]).isCloseTo(11, within(1e-12));
    assertThat(s.size()[3]).isCloseTo(38 / 3.0, within(1e-12));
  }

  @Test
  void equalSubexpressionsAreComputedOnce() {
    CompiledStrategy once =
        Strategies.compile("a = sma(close, 10)\nlong_entry = crossover(a, sma(close, 20))");
    CompiledStrategy twice =
        Strategies.compile(
            "a = sma(close, 10)\nb = sma(close, 10)\nlong_entry = crossover(a, sma(close, 20)) and crossover(b, sma(close, 20))");

    // The second has one more node only: the 'and' (the crossover of equal inputs is the same
    // node).
    assertThat(twice.planSize()).isEqualTo(once.planSize() + 1);
  }

  @Test
  void parametersDefaultAndOverrideWithinTheirRange() {
    CompiledStrategy s = Strategies.compile("param n = 2 in 1..3\nlong_entry = close > close[n]");

    assertThat(s.params())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.name()).isEqualTo("n");
              assertThat(p.min()).isEqualTo(1);
              assertThat(p.max()).isEqualTo(3);
            });
    assertThatThrownBy(() -> s.signals(BARS, Map.of("n", 4.0)))
        .isInstanceOf(StrategyEvaluationException.class)
        .hasMessage("n must be between 1 and 3, got 4");
    assertThatThrownBy(() -> s.signals(BARS, Map.of("m", 1.0)))
        .hasMessage("unknown parameter 'm'; this strategy has n");
  }

  @Test
  void aParamUsedAsALengthMustBeWhole() {
    CompiledStrategy s = Strategies.compile("param n = 3\nlong_entry = close > sma(close, n)");

    assertThatThrownBy(() -> s.signals(BARS, Map.of("n", 2.5)))
        .isInstanceOf(StrategyEvaluationException.class)
        .hasMessage("sma length (n) must be a whole number, got 2.5");
  }

  @Test
  void anEvaluatorReusesColumnsAcrossParameterSets() {
    CompiledStrategy s =
        Strategies.compile(
            "param fast = 2 in 1..5\nparam slow = 4 in 2..10\n"
                + "long_entry = crossover(sma(close, fast), sma(close, slow))");
    BarSeries bars = closes(10, 11, 12, 11, 10, 9, 10, 12, 14, 15, 13, 11);
    StrategyEvaluator evaluator = s.evaluator(bars);

    for (double fast = 1; fast <= 3; fast++) {
      for (double slow = 4; slow <= 6; slow++) {
        Map<String, Double> p = Map.of("fast", fast, "slow", slow);
        assertThat(evaluator.signals(p).longEntry()).isEqualTo(s.signals(bars, p).longEntry());
      }
    }
  }
}
