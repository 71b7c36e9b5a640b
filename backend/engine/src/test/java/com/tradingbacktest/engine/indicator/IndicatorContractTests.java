package com.tradingbacktest.engine.indicator;

import static com.tradingbacktest.engine.indicator.SeriesAssert.assertSeries;
import static com.tradingbacktest.engine.indicator.SeriesAssert.firstDefined;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The conventions every indicator shares: length, warm-up, leading NaN, short data, threads. */
class IndicatorContractTests {

  /**
   * An indicator call and its warm-up (first defined index on finite data), worked out from the
   * definitions: an n-bar window needs n - 1 earlier bars, a change over n bars needs n, and
   * chained smoothings add their warm-ups.
   */
  record Case(String name, int warmUp, Function<Bars, double[][]> call) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("sma(10)", 9, b -> one(Indicators.sma(b.close, 10))),
        new Case("sma(1)", 0, b -> one(Indicators.sma(b.close, 1))),
        new Case("ema(10)", 9, b -> one(Indicators.ema(b.close, 10))),
        new Case("wma(10)", 9, b -> one(Indicators.wma(b.close, 10))),
        new Case("rma(10)", 9, b -> one(Indicators.rma(b.close, 10))),
        new Case("dema(10)", 18, b -> one(Indicators.dema(b.close, 10))),
        new Case("tema(10)", 27, b -> one(Indicators.tema(b.close, 10))),
        new Case("kama(10)", 10, b -> one(Indicators.kama(b.close, 10))),
        new Case("rsi(14)", 14, b -> one(Indicators.rsi(b.close, 14))),
        new Case(
            "macd(12,26,9)",
            33,
            b -> {
              Macd m = Indicators.macd(b.close, 12, 26, 9);
              return new double[][] {m.macd(), m.signal(), m.histogram()};
            }),
        new Case(
            "bollinger(20,2)",
            19,
            b -> {
              BollingerBands bb = Indicators.bollinger(b.close, 20, 2);
              return new double[][] {bb.upper(), bb.middle(), bb.lower()};
            }),
        new Case("stddev(20)", 19, b -> one(Indicators.stddev(b.close, 20))),
        new Case("trueRange", 1, b -> one(Indicators.trueRange(b.high, b.low, b.close))),
        new Case("atr(14)", 14, b -> one(Indicators.atr(b.high, b.low, b.close, 14))),
        new Case("atr(1)", 1, b -> one(Indicators.atr(b.high, b.low, b.close, 1))),
        new Case("natr(14)", 14, b -> one(Indicators.natr(b.high, b.low, b.close, 14))),
        new Case("adx(14)", 27, b -> one(Indicators.adx(b.high, b.low, b.close, 14))),
        new Case("plusDi(14)", 14, b -> one(Indicators.plusDi(b.high, b.low, b.close, 14))),
        new Case("minusDi(14)", 14, b -> one(Indicators.minusDi(b.high, b.low, b.close, 14))),
        new Case("minusDi(2)", 2, b -> one(Indicators.minusDi(b.high, b.low, b.close, 2))),
        new Case("adx(2)", 3, b -> one(Indicators.adx(b.high, b.low, b.close, 2))),
        new Case("natr(1)", 1, b -> one(Indicators.natr(b.high, b.low, b.close, 1))),
        new Case("rsi(2)", 2, b -> one(Indicators.rsi(b.close, 2))),
        new Case("kama(2)", 2, b -> one(Indicators.kama(b.close, 2))),
        new Case(
            "macd(2,3,2)",
            3,
            b -> {
              Macd m = Indicators.macd(b.close, 2, 3, 2);
              return new double[][] {m.macd(), m.signal(), m.histogram()};
            }),
        new Case("cci(2)", 2 - 1, b -> one(Indicators.cci(b.high, b.low, b.close, 2))),
        new Case("mfi(2)", 2, b -> one(Indicators.mfi(b.high, b.low, b.close, b.volume, 2))),
        new Case(
            "aroon(2)",
            2,
            b -> {
              Aroon a = Indicators.aroon(b.high, b.low, 2);
              return new double[][] {a.up(), a.down()};
            }),
        new Case(
            "stochRsi(2,1,1)",
            2,
            b -> {
              Stochastic s = Indicators.stochRsi(b.close, 2, 1, 1);
              return new double[][] {s.k(), s.d()};
            }),
        new Case("williamsR(2)", 1, b -> one(Indicators.williamsR(b.high, b.low, b.close, 2))),
        new Case("stddev(2)", 1, b -> one(Indicators.stddev(b.close, 2))),
        new Case("mom(1)", 1, b -> one(Indicators.mom(b.close, 1))),
        new Case("roc(1)", 1, b -> one(Indicators.roc(b.close, 1))),
        new Case("cci(20)", 19, b -> one(Indicators.cci(b.high, b.low, b.close, 20))),
        new Case(
            "stochastic(14,3,3)",
            17,
            b -> {
              Stochastic s = Indicators.stochastic(b.high, b.low, b.close, 14, 3, 3);
              return new double[][] {s.k(), s.d()};
            }),
        new Case(
            "stochastic(1,1,1)",
            0,
            b -> {
              Stochastic s = Indicators.stochastic(b.high, b.low, b.close, 1, 1, 1);
              return new double[][] {s.k(), s.d()};
            }),
        new Case(
            "stochRsi(14,14,3)",
            29,
            b -> {
              Stochastic s = Indicators.stochRsi(b.close, 14, 14, 3);
              return new double[][] {s.k(), s.d()};
            }),
        new Case("williamsR(14)", 13, b -> one(Indicators.williamsR(b.high, b.low, b.close, 14))),
        new Case("mom(10)", 10, b -> one(Indicators.mom(b.close, 10))),
        new Case("roc(10)", 10, b -> one(Indicators.roc(b.close, 10))),
        new Case("obv", 0, b -> one(Indicators.obv(b.close, b.volume))),
        new Case("mfi(14)", 14, b -> one(Indicators.mfi(b.high, b.low, b.close, b.volume, 14))),
        new Case(
            "parabolicSar(.02,.2)", 1, b -> one(Indicators.parabolicSar(b.high, b.low, 0.02, 0.2))),
        new Case(
            "aroon(25)",
            25,
            b -> {
              Aroon a = Indicators.aroon(b.high, b.low, 25);
              return new double[][] {a.up(), a.down()};
            }),
        new Case(
            "aroonOscillator(25)", 25, b -> one(Indicators.aroonOscillator(b.high, b.low, 25))),
        new Case("highest(20)", 19, b -> one(Indicators.highest(b.high, 20))),
        new Case("lowest(20)", 19, b -> one(Indicators.lowest(b.low, 20))));
  }

  private static double[][] one(double[] x) {
    return new double[][] {x};
  }

  private final Bars bars = Bars.standard();

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void outputsHaveTheInputLengthAndAreNaNExactlyDuringTheWarmUp(Case c) {
    for (double[] out : c.call().apply(bars)) {
      assertThat(out).hasSize(bars.size());
      assertThat(firstDefined(out)).isEqualTo(c.warmUp());
      for (int i = c.warmUp(); i < out.length; i++) {
        assertThat(Double.isFinite(out[i])).as("%s finite at bar %d: %s", c, i, out[i]).isTrue();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void leadingNaNsShiftTheStartAsIfTheDataBeganAtTheFirstFiniteBar(Case c) {
    for (int skipped : new int[] {1, 7, 60}) {
      double[][] shifted = c.call().apply(bars.withLeadingNaN(skipped));
      double[][] trimmed = c.call().apply(bars.from(skipped));
      for (int k = 0; k < shifted.length; k++) {
        assertThat(shifted[k]).hasSize(bars.size());
        assertThat(firstDefined(shifted[k])).isEqualTo(skipped + c.warmUp());
        double[] expected = new double[bars.size()];
        java.util.Arrays.fill(expected, 0, skipped, Double.NaN);
        System.arraycopy(trimmed[k], 0, expected, skipped, trimmed[k].length);
        assertSeries(
            c + " output " + k + " after " + skipped + " NaN", shifted[k], expected, 1e-12);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void dataNoLongerThanTheWarmUpGivesOnlyNaNAndOneMoreBarGivesOneValue(Case c) {
    for (double[] out : c.call().apply(bars.head(c.warmUp()))) {
      assertThat(out).hasSize(c.warmUp());
      assertThat(firstDefined(out)).isEqualTo(out.length);
    }
    for (double[] out : c.call().apply(bars.head(c.warmUp() + 1))) {
      assertThat(firstDefined(out)).isEqualTo(c.warmUp());
    }
    for (double[] out : c.call().apply(bars.head(0))) {
      assertThat(out).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void inputsAreNotModified(Case c) {
    Bars copy = bars.from(0);
    var unused = c.call().apply(copy);
    assertThat(copy.open).containsExactly(bars.open);
    assertThat(copy.high).containsExactly(bars.high);
    assertThat(copy.low).containsExactly(bars.low);
    assertThat(copy.close).containsExactly(bars.close);
    assertThat(copy.volume).containsExactly(bars.volume);
  }

  @Test
  void aMissingValueInOneColumnDelaysTheStartToTheFirstBarWhereAllAreFinite() {
    // high is missing for 5 bars, close for 3: ATR needs all three, so it starts as if the data
    // began at 5.
    Bars partial =
        new Bars(
            bars.open,
            Bars.nanHead(bars.high, 5),
            bars.low,
            Bars.nanHead(bars.close, 3),
            bars.volume);
    double[] atr = Indicators.atr(partial.high, partial.low, partial.close, 14);
    double[] trimmed = Indicators.atr(bars.from(5).high, bars.from(5).low, bars.from(5).close, 14);
    assertThat(firstDefined(atr)).isEqualTo(5 + 14);
    assertThat(java.util.Arrays.copyOfRange(atr, 5, atr.length)).containsExactly(trimmed);
    // A close-only indicator only waits for the close.
    assertThat(firstDefined(Indicators.sma(partial.close, 10))).isEqualTo(3 + 9);
  }

  @Test
  void aLengthLongerThanTheDataGivesAllNaN() {
    double[] x = {1, 2, 3};
    assertThat(Indicators.sma(x, 10)).containsOnly(Double.NaN).hasSize(3);
    assertThat(Indicators.rsi(x, 100_000)).containsOnly(Double.NaN).hasSize(3);
    assertThat(Indicators.macd(x, 12, 26, 9).signal()).containsOnly(Double.NaN).hasSize(3);
    assertThat(Indicators.highest(x, 50)).containsOnly(Double.NaN).hasSize(3);
  }

  @Test
  void allNaNInputGivesAllNaNOutput() {
    double[] x = SeriesAssert.nan(40);
    assertThat(Indicators.ema(x, 5)).containsOnly(Double.NaN).hasSize(40);
    assertThat(Indicators.atr(x, x, x, 5)).containsOnly(Double.NaN).hasSize(40);
    assertThat(Indicators.highest(x, 5)).containsOnly(Double.NaN).hasSize(40);
  }

  @Test
  void concurrentCallsGiveTheSameResultsAsSequentialOnes() throws Exception {
    List<Case> all = cases().toList();
    List<double[][]> sequential = new ArrayList<>();
    for (Case c : all) {
      sequential.add(c.call().apply(bars));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<double[][]>> futures = new ArrayList<>();
      for (int round = 0; round < 20; round++) {
        for (Case c : all) {
          futures.add(pool.submit(() -> c.call().apply(bars)));
        }
      }
      for (int f = 0; f < futures.size(); f++) {
        double[][] expected = sequential.get(f % all.size());
        double[][] actual = futures.get(f).get();
        for (int k = 0; k < expected.length; k++) {
          assertThat(actual[k]).as(all.get(f % all.size()).name()).containsExactly(expected[k]);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
