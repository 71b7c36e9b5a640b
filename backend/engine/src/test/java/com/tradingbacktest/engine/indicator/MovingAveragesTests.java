package com.tradingbacktest.engine.indicator;

import static com.tradingbacktest.engine.indicator.SeriesAssert.assertMatchesReference;
import static com.tradingbacktest.engine.indicator.SeriesAssert.assertSeries;
import static com.tradingbacktest.engine.indicator.SeriesAssert.firstDefined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MovingAveragesTests {

  private static final double NaN = Double.NaN;
  private final Bars bars = Bars.standard();

  @Test
  void smaIsNaNDuringWarmUpThenTheMeanOfTheWindow() {
    // (1+2+3)/3 = 2, (2+3+4)/3 = 3, (3+4+5)/3 = 4
    assertSeries(
        "sma", Indicators.sma(new double[] {1, 2, 3, 4, 5}, 3), new double[] {NaN, NaN, 2, 3, 4});
  }

  @Test
  void smaIsTaLibsSmaToTheLastBit() {
    // MovingAverages.sma repeats TA_INT_SMA's running sum instead of calling it: compare the two
    // with exact equality, on a long walk (rounding accumulates in the running sum), behind a NaN
    // head, and at the edges where the window just fits or does not.
    // Prices off any tick grid: sums of them round, unlike sums of whole ticks.
    java.util.Random random = new java.util.Random(7);
    double[] walk = new double[20_000];
    walk[0] = 100;
    for (int i = 1; i < walk.length; i++) {
      walk[i] = walk[i - 1] * (1 + 0.01 * random.nextGaussian());
    }
    double[][] inputs = {walk, Bars.nanHead(walk, 37), new double[] {1, 2}, new double[] {3}};
    for (double[] x : inputs) {
      for (int length : new int[] {2, 3, 10, 30, 200}) {
        double[] viaTaLib =
            TaLib.run1(
                "sma",
                TaLib.CORE.smaLookback(length),
                (s, e, b, c, o) -> TaLib.CORE.sma(s, e, x, length, b, c, o[0]),
                x);
        double[] ours = Indicators.sma(x, length);
        assertThat(ours).hasSameSizeAs(viaTaLib);
        for (int i = 0; i < ours.length; i++) {
          assertThat(Double.doubleToRawLongBits(ours[i]))
              .as("sma(%d) at %d of %d", length, i, x.length)
              .isEqualTo(Double.doubleToRawLongBits(viaTaLib[i]));
        }
      }
    }
  }

  @Test
  void emaIsSeededByTheSmaOfTheFirstValuesThenSmoothsWithAlphaTwoOverLengthPlusOne() {
    // length 3: alpha = 2/4 = 0.5; seed at bar 2 = (2+4+6)/3 = 4;
    // bar 3: 4 + 0.5 * (8 - 4) = 6; bar 4: 6 + 0.5 * (3 - 6) = 4.5
    assertSeries(
        "ema", Indicators.ema(new double[] {2, 4, 6, 8, 3}, 3), new double[] {NaN, NaN, 4, 6, 4.5});
  }

  @Test
  void rmaIsSeededByTheSmaFromTheFirstFiniteValueThenSmoothsWithOneOverLength() {
    // length 3 after a leading NaN: seed at bar 3 = (2+4+6)/3 = 4; bar 4: 4 + (10 - 4) / 3 = 6;
    // bar 5: 6 + (3 - 6) / 3 = 5
    assertSeries(
        "rma",
        Indicators.rma(new double[] {NaN, 2, 4, 6, 10, 3}, 3),
        new double[] {NaN, NaN, NaN, 4, 6, 5});
    // length 1 is the input itself
    assertSeries("rma 1", Indicators.rma(new double[] {1.1, 2.2}, 1), new double[] {1.1, 2.2});
  }

  @Test
  void wmaWeightsTheNewestValueMost() {
    // weights 1, 2, 3 over their sum 6: bar 2 = (1*1 + 2*2 + 3*3)/6 = 14/6,
    // bar 3 = (1*2 + 2*3 + 3*4)/6 = 20/6, bar 4 = (1*3 + 2*4 + 3*5)/6 = 26/6
    assertSeries(
        "wma",
        Indicators.wma(new double[] {1, 2, 3, 4, 5}, 3),
        new double[] {NaN, NaN, 14 / 6.0, 20 / 6.0, 26 / 6.0});
  }

  @Test
  void smaEmaAndWmaMatchTextbookLoops() {
    for (int length : new int[] {2, 5, 20, 50}) {
      assertSeries(
          "sma " + length, Indicators.sma(bars.close, length), Reference.sma(bars.close, length));
      assertSeries(
          "ema " + length, Indicators.ema(bars.close, length), Reference.ema(bars.close, length));
      assertSeries(
          "wma " + length, Indicators.wma(bars.close, length), Reference.wma(bars.close, length));
    }
  }

  @Test
  void demaAndTemaAreCombinationsOfNestedEmas() {
    int length = 10;
    double[] e1 = Reference.ema(bars.close, length);
    double[] e2 = Reference.ema(e1, length);
    double[] e3 = Reference.ema(e2, length);
    assertSeries("dema", Indicators.dema(bars.close, length), Reference.combine(2, e1, -1, e2));
    double[] tema = Reference.combine(1, Reference.combine(3, e1, -3, e2), 1, e3);
    assertSeries("tema", Indicators.tema(bars.close, length), tema);
    assertThat(firstDefined(Indicators.dema(bars.close, length))).isEqualTo(2 * (length - 1));
    assertThat(firstDefined(Indicators.tema(bars.close, length))).isEqualTo(3 * (length - 1));
  }

  @Test
  void kamaFollowsTheEfficiencyRatioWithTwoAndThirtyBarSmoothingConstants() {
    assertMatchesReference(
        "kama",
        length -> Indicators.kama(bars.close, length),
        length -> Reference.kama(bars.close, length),
        2,
        10,
        30);
  }

  @Test
  void kamaOfAStraightLineMovesAtTheFastConstant() {
    // A line is fully efficient (ER 1), so sc = (2/3)^2 = 4/9. KAMA(2) starts at x[1] = 1:
    // bar 2: 1 + 4/9 * (2 - 1) = 13/9; bar 3: 13/9 + 4/9 * (3 - 13/9) = 13/9 + 56/81 = 173/81
    assertSeries(
        "kama",
        Indicators.kama(new double[] {0, 1, 2, 3}, 2),
        new double[] {NaN, NaN, 13 / 9.0, 173 / 81.0});
  }

  @Test
  void lengthOneMovingAveragesAreTheInputItself() {
    double[] x = {3, NaN, 5, 7};
    for (double[] out :
        new double[][] {
          Indicators.sma(x, 1),
          Indicators.ema(x, 1),
          Indicators.wma(x, 1),
          Indicators.dema(x, 1),
          Indicators.tema(x, 1)
        }) {
      assertThat(out).containsExactly(x).isNotSameAs(x);
    }
  }

  @Test
  void emaOfSmaStartsWhereTheSmaHasEnoughValues() {
    double[] nested = Indicators.ema(Indicators.sma(bars.close, 10), 5);
    // SMA(10) starts at 9; the EMA(5) of it needs 5 of those values: 9 + 4 = 13.
    assertThat(firstDefined(nested)).isEqualTo(13);
    assertSeries("ema(sma)", nested, Reference.ema(Reference.sma(bars.close, 10), 5));
  }

  @Test
  void smaOfSmaOfSmaAddsTheWarmUps() {
    double[] nested = Indicators.sma(Indicators.sma(Indicators.sma(bars.close, 5), 7), 3);
    assertThat(firstDefined(nested)).isEqualTo(4 + 6 + 2);
    assertSeries(
        "sma(sma(sma))",
        nested,
        Reference.smaFromFirstDefined(
            Reference.smaFromFirstDefined(Reference.sma(bars.close, 5), 7), 3));
  }

  @Test
  void aNaNAfterTheStartPoisonsTheRunningSumOfTheSma() {
    double[] x = {1, 2, 3, NaN, 5, 6, 7, 8};
    double[] sma = Indicators.sma(x, 2);
    assertThat(sma[2]).isCloseTo(2.5, within(1e-12));
    for (int i = 3; i < x.length; i++) {
      assertThat(sma[i]).as("bar %d", i).isNaN();
    }
  }
}
