package com.tradingbacktest.engine.lang;

import static com.tradingbacktest.engine.lang.Strategies.closes;
import static com.tradingbacktest.engine.lang.Strategies.signals;
import static com.tradingbacktest.engine.lang.Strategies.trueAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.Signals;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each template compiles and, on a small hand-made series, signals where the comments work out. */
class TemplateTests {

  @Test
  void everyTemplateCompilesWithDocumentedParameters() {
    assertThat(StrategyTemplates.all()).hasSize(18);
    for (StrategyTemplates.Template t : StrategyTemplates.all()) {
      CompiledStrategy s = Strategies.compile(t.source());
      for (ParamSpec p : s.params()) {
        assertThat(t.source())
            .as("%s documents %s", t.id(), p.name())
            .containsPattern("param " + p.name() + " .*#");
        assertThat(p.min()).as("%s.%s has a range", t.id(), p.name()).isNotNull();
      }
    }
  }

  @Test
  void buyAndHoldEntersOnTheFirstBar() {
    Signals s = signals(source("buy_and_hold"), closes(5, 6, 7), Map.of());

    assertThat(trueAt(s.longEntry())).startsWith(0);
    assertThat(s.longExit()).isNull();
  }

  // closes 10 10 10 13 16 13 7 4
  // sma_crossover: SMA2 -, 10, 10, 11.5, 14.5, 14.5, 10, 5.5; SMA3 -, -, 10, 11, 13, 14, 12, 8
  //   bar 3: 11.5 > 11 after 10 <= 10 -> cross up; bar 6: 10 < 12 after 14.5 >= 14 -> cross down.
  // ema_crossover: EMA2 (alpha 2/3) and EMA3 (alpha 1/2), both seeded by the SMA of their first
  //   values: EMA2 -, 10, 10, 12, 14.667, 13.556, 9.185, 5.728; EMA3 -, -, 10, 11.5, 13.75, 13.375,
  //   10.188, 7.094: the same bars.
  @ParameterizedTest
  @ValueSource(strings = {"sma_crossover", "ema_crossover"})
  void crossoverTemplatesSignalWhereTheAveragesCross(String template) {
    Signals s =
        signals(
            source(template),
            closes(10, 10, 10, 13, 16, 13, 7, 4),
            Map.of("fast", 2.0, "slow", 3.0));

    assertThat(trueAt(s.longEntry())).containsExactly(3);
    assertThat(trueAt(s.longExit())).containsExactly(6);
  }

  @Test
  void goldenCrossIsTheSmaCrossWithLongerDefaults() {
    CompiledStrategy s = Strategies.compile(source("golden_cross"));

    assertThat(s.params()).extracting(ParamSpec::defaultValue).containsExactly(50.0, 200.0);
    // With fast 10 / slow 100 (inside the ranges) on the same shape stretched out, it crosses once
    // each way.
    double[] c = new double[260];
    for (int i = 0; i < c.length; i++) {
      c[i] = i < 120 ? 100 : i < 190 ? 100 + (i - 120) : 170 - 3 * (i - 190);
      c[i] = Math.max(c[i], 5);
    }
    Signals signals = s.signals(closes(c), Map.of("fast", 10.0, "slow", 100.0));
    assertThat(trueAt(signals.longEntry())).hasSize(1);
    assertThat(trueAt(signals.longExit())).hasSize(1);
    assertThat(trueAt(signals.longExit()).get(0)).isGreaterThan(trueAt(signals.longEntry()).get(0));
  }

  @Test
  void rsiMeanReversionBuysOversoldAndSellsOverbought() {
    // RSI(2): after two rises RSI is 100; a fall brings it under 30; rises bring it back above 70.
    // closes 10 11 12 | 9 (loss 3: avg gain (1+1)/2 -> 0.5, avg loss 1.5 -> RSI 25) | 12 (RSI 62.5)
    // | 14 (81.25)
    Signals s =
        signals(
            source("rsi_mean_reversion"),
            closes(10, 11, 12, 9, 12, 14),
            Map.of("length", 2.0, "lower", 30.0, "upper", 70.0));

    assertThat(trueAt(s.longEntry())).containsExactly(3);
    assertThat(trueAt(s.longExit())).containsExactly(5);
  }

  @Test
  void bollingerMeanReversionBuysBelowTheLowerBand() {
    // length 5, mult 1: closes 10 10 10 10 10 | 6: mean 9.2, population sd 1.6 -> lower 7.6; 6 <
    // 7.6 (was 10 >= 10) then 10: mean 9.2, sd 1.6, middle 9.2: 10 crosses above the middle.
    Signals s =
        signals(
            source("bollinger_mean_reversion"),
            closes(10, 10, 10, 10, 10, 6, 10),
            Map.of("length", 5.0, "mult", 1.0));

    assertThat(trueAt(s.longEntry())).containsExactly(5);
    assertThat(trueAt(s.longExit())).containsExactly(6);
  }

  @Test
  void macdSignalCrossFollowsTheLines() {
    // A fall, then a rise, then a fall: MACD crosses its signal up in the rise and down after the
    // top.
    double[] c = new double[40];
    for (int i = 0; i < c.length; i++) {
      c[i] = i < 15 ? 100 - i : i < 28 ? 86 + 2 * (i - 15) : 110 - 3 * (i - 28);
    }
    Signals s =
        signals(
            source("macd_signal_cross"),
            closes(c),
            Map.of("fast", 3.0, "slow", 6.0, "signal", 3.0));

    assertThat(trueAt(s.longEntry()))
        .singleElement()
        .satisfies(i -> assertThat(i).isBetween(15, 20));
    assertThat(trueAt(s.longExit()))
        .singleElement()
        .satisfies(i -> assertThat(i).isBetween(28, 32));
  }

  @Test
  void donchianBreakoutPlacesAStopAtThePreviousHighestHigh() {
    // entry 3: the stop for bar i is max(high[i-3..i-1]); highs are max(open, close) + 1.
    BarSeries bars = closes(10, 11, 12, 11, 10, 9, 8);
    Signals s = signals(source("donchian_breakout"), bars, Map.of("entry", 3.0, "exit", 2.0));

    // highs: 11, 12, 13, 13, 12, 11, 10 -> stop at bar 3 = max(11, 12, 13) = 13, bar 6 = max(13,
    // 12, 11) = 13
    assertThat(s.longEntryStop()[2]).isNaN();
    assertThat(s.longEntryStop()[3]).isEqualTo(13);
    assertThat(s.longEntryStop()[6]).isEqualTo(13);
    // lows: 9, 9, 10, 10, 9, 8, 7 -> exit when close < min(low[i-2..i-1]): bar 5: 9 < min(10, 9)?
    // no. bar 6: 8 < 8? no
    assertThat(trueAt(s.longExit())).isEmpty();
  }

  @Test
  void atrTrailingTrendExitsBelowTheChandelier() {
    double[] c = {10, 10, 10, 12, 14, 16, 18, 17, 11, 10};
    Signals s =
        signals(
            source("atr_trailing_trend"),
            closes(c),
            Map.of("trend", 10.0, "length", 5.0, "mult", 1.0));

    assertThat(s.longEntry()).isNotNull();
    // The close of 11 on bar 8 falls far below the highest high (19) minus one ATR: the exit comes
    // then.
    assertThat(trueAt(s.longExit())).contains(8);
  }

  @Test
  void scaleInTrendAddsOnNewHighsAndTakesPartOffAtTheTarget() {
    // SMA(10) of ten closes of 10 is 10; then 12 (SMA 10.2, a cross up), 13 (10.5; above the
    // highest of the last 5 closes, 12), 16 (11.1; the target 11.1 x 1.3 = 14.43 is crossed, 13
    // was under 13.65), 17 (11.8; a new high, above the target already), 8 (11.6; a cross down).
    double[] c = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 12, 13, 16, 17, 8};
    CompiledStrategy strategy = Strategies.compile(source("scale_in_trend"));
    Signals s =
        strategy.signals(
            closes(c), Map.of("trend", 10.0, "breakout", 5.0, "stretch", 0.3, "part", 0.5));

    assertThat(strategy.pyramiding()).hasValue(3);
    assertThat(trueAt(s.longEntry())).containsExactly(10, 11, 12, 13);
    assertThat(s.exitFraction()[12]).isEqualTo(0.5);
    assertThat(java.util.Arrays.stream(s.exitFraction()).filter(v -> !Double.isNaN(v)).count())
        .isEqualTo(1);
    assertThat(trueAt(s.longExit())).containsExactly(14);
    assertThat(s.size()).containsOnly(0.33);
  }

  @Test
  void volatilityBreakoutLevelIsTheOpenPlusKTimesYesterdaysRange() {
    double[] o = {100, 102, 101};
    double[] h = {105, 110, 104};
    double[] l = {95, 100, 99};
    double[] c = {102, 101, 103};
    Signals s =
        signals(source("volatility_breakout"), Strategies.bars(o, h, l, c), Map.of("k", 0.5));

    // bar 1: 102 + 0.5 x (105 - 95) = 107; bar 2: 101 + 0.5 x (110 - 100) = 106.
    assertThat(s.longEntryStop()[0]).isNaN();
    assertThat(s.longEntryStop()[1]).isCloseTo(107, within(1e-12));
    assertThat(s.longEntryStop()[2]).isCloseTo(106, within(1e-12));
    assertThat(trueAt(s.longExit())).containsExactly(0, 1, 2);
  }

  @Test
  void dualMomentumHoldsWhileTheLookbackReturnIsPositive() {
    // lookback 20 is the smallest allowed; closes rise for 25 bars then fall.
    double[] c = new double[45];
    for (int i = 0; i < c.length; i++) {
      c[i] = i < 25 ? 100 + i : 124 - 3 * (i - 24);
    }
    Signals s =
        signals(source("dual_momentum"), closes(c), Map.of("lookback", 20.0, "threshold", 0.0));

    // From bar 20 the 20-bar return is positive (120 / 100 - 1); it turns negative when c[i] <=
    // c[i-20].
    assertThat(trueAt(s.longEntry()).get(0)).isEqualTo(20);
    int firstExit = trueAt(s.longExit()).get(0);
    assertThat(c[firstExit]).isLessThanOrEqualTo(c[firstExit - 20]);
    assertThat(c[firstExit - 1]).isGreaterThan(c[firstExit - 21]);
  }

  @Test
  void averageTemplatesPlotTheirAveragesAndTheRsiTemplatePlotsBelowThePrice() {
    BarSeries bars = closes(10, 10, 10, 13, 16, 13, 7, 4);
    EvaluationLimits limits = EvaluationLimits.defaults();

    List<Plot> sma =
        Strategies.compile(source("sma_crossover"))
            .evaluate(bars, Map.of("fast", 2.0, "slow", 3.0), limits)
            .plots();
    List<Plot> rsi =
        Strategies.compile(source("rsi_mean_reversion"))
            .evaluate(bars, Map.of("length", 2.0), limits)
            .plots();

    assertThat(sma).extracting(Plot::title).containsExactly("SMA fast", "SMA slow");
    assertThat(sma).extracting(Plot::pane).containsOnly("price");
    // SMA3 of the closes: -, -, 10, 11, 13, 14, 12, 8
    assertThat(sma.get(1).values()[5]).isCloseTo(14, within(1e-12));
    assertThat(rsi).extracting(Plot::title).containsExactly("RSI", "Oversold", "Overbought");
    assertThat(rsi).extracting(Plot::pane).containsOnly("lower");
    assertThat(rsi.get(1).values()).containsOnly(30);
  }

  private static String source(String id) {
    return StrategyTemplates.byId(id).orElseThrow().source();
  }
}
