package com.tradingbacktest.engine.indicator;

import static com.tradingbacktest.engine.indicator.SeriesAssert.assertSeries;
import static com.tradingbacktest.engine.indicator.TaLib.CORE;
import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.MAType;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The window functions computed in chunks (so that a long column can be cancelled midway) give
 * exactly the values of TA-Lib's call over the whole column (the stochastics' smoothing, our
 * exact-tie SMA, to TA-Lib's rounding).
 */
class ChunkedWindowTests {

  private static final int N = 30_000;

  /** A random walk rounded to cents (ties in the extremes), NaN for the first {@code lead} bars. */
  private static double[][] bars(long seed, int lead) {
    Random r = new Random(seed);
    double[] high = new double[N];
    double[] low = new double[N];
    double[] close = new double[N];
    double p = 100;
    for (int i = 0; i < N; i++) {
      p = Math.max(1, p + (r.nextGaussian() * 0.5) - 0.01);
      close[i] = i < lead ? Double.NaN : Math.rint(p * 100) / 100;
      high[i] = i < lead ? Double.NaN : close[i] + (Math.rint(r.nextDouble() * 100) / 100);
      low[i] = i < lead ? Double.NaN : close[i] - (Math.rint(r.nextDouble() * 100) / 100);
    }
    return new double[][] {high, low, close};
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 14, 100, 1000, 4095, 4096, 4097, 7000})
  void chunkedColumnsEqualTheWholeColumnBitForBit(int length) {
    for (int lead : new int[] {0, 37}) {
      double[][] b = bars(length * 31L + lead, lead);
      double[] h = b[0];
      double[] l = b[1];
      double[] c = b[2];
      AtomicInteger checks = new AtomicInteger();
      Runnable count = checks::incrementAndGet;

      double[] cci = Indicators.cci(h, l, c, length, count);
      assertThat(cci)
          .isEqualTo(
              TaLib.run1(
                  "cci",
                  CORE.cciLookback(length),
                  (s, e, bg, n, o) -> CORE.cci(s, e, h, l, c, length, bg, n, o[0]),
                  h,
                  l,
                  c));
      assertThat(Indicators.williamsR(h, l, c, length, count))
          .isEqualTo(
              TaLib.run1(
                  "willR",
                  CORE.willRLookback(length),
                  (s, e, bg, n, o) -> CORE.willR(s, e, h, l, c, length, bg, n, o[0]),
                  h,
                  l,
                  c));
      double[][] aroon =
          TaLib.run(
              "aroon",
              2,
              CORE.aroonLookback(length),
              (s, e, bg, n, o) -> CORE.aroon(s, e, h, l, length, bg, n, o[1], o[0]),
              h,
              l);
      Aroon chunked = Indicators.aroon(h, l, length, count);
      assertThat(chunked.up()).isEqualTo(aroon[0]);
      assertThat(chunked.down()).isEqualTo(aroon[1]);
      assertThat(Indicators.aroonOscillator(h, l, length, count))
          .isEqualTo(
              TaLib.run1(
                  "aroonOsc",
                  CORE.aroonOscLookback(length),
                  (s, e, bg, n, o) -> CORE.aroonOsc(s, e, h, l, length, bg, n, o[0]),
                  h,
                  l));
      // isEqualTo on double[] compares with Arrays.equals: bit for bit, NaN equal to NaN.
      assertThat(cci[lead + length - 2]).isNaN();
      assertThat(cci[N - 1]).isFinite();
      assertThat(checks.get()).isGreaterThan(4); // the columns were computed in chunks
    }
  }

  @ParameterizedTest
  @CsvSource({
    "2, 1, 1",
    "5, 3, 3",
    "14, 3, 3",
    "1, 1, 1",
    "1, 4, 2",
    "100, 1, 7",
    "4095, 2, 3",
    "4097, 3, 1",
    "7000, 5, 5"
  })
  void stochasticsBuiltFromTheirPartsEqualTaLibs(int k, int smoothing, int d) {
    for (int lead : new int[] {0, 37}) {
      double[][] b = bars(k * 131L + smoothing * 7L + d + lead, lead);
      double[] h = b[0];
      double[] l = b[1];
      double[] c = b[2];
      AtomicInteger checks = new AtomicInteger();

      Stochastic stoch = Indicators.stochastic(h, l, c, k, smoothing, d, checks::incrementAndGet);
      double[][] expected =
          TaLib.run(
              "stoch",
              2,
              CORE.stochLookback(k, smoothing, MAType.Sma, d, MAType.Sma),
              (s, e, bg, n, o) ->
                  CORE.stoch(
                      s, e, h, l, c, k, smoothing, MAType.Sma, d, MAType.Sma, bg, n, o[0], o[1]),
              h,
              l,
              c);
      // The smoothing is our exact-tie SMA where TA-Lib's is a running double sum: the same values
      // up to its rounding (the fast %K, computed in chunks, is TA-Lib's bit for bit; a chunk
      // computed wrongly would be off by far more).
      assertSeries("stochastic %K", stoch.k(), expected[0], 1e-12);
      assertSeries("stochastic %D", stoch.d(), expected[1], 1e-12);
      assertThat(stoch.d()[N - 1]).isFinite();

      int rsiLength = smoothing + 1;
      Stochastic stochRsi = Indicators.stochRsi(c, rsiLength, k, d, checks::incrementAndGet);
      double[][] expectedRsi =
          TaLib.run(
              "stochRsi",
              2,
              CORE.stochRsiLookback(rsiLength, k, d, MAType.Sma),
              (s, e, bg, n, o) ->
                  CORE.stochRsi(s, e, c, rsiLength, k, d, MAType.Sma, bg, n, o[0], o[1]),
              c);
      assertThat(stochRsi.k()).isEqualTo(expectedRsi[0]); // no smoothing of the fast %K here
      assertSeries("stochRsi %D", stochRsi.d(), expectedRsi[1], 1e-12);
      assertThat(stochRsi.d()[N - 1]).isFinite();
      assertThat(checks.get()).isGreaterThan(4); // the fast %K was computed in chunks
    }
  }
}
