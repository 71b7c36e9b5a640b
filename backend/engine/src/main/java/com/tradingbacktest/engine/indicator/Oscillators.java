package com.tradingbacktest.engine.indicator;

import static com.tradingbacktest.engine.indicator.TaLib.CHUNK;
import static com.tradingbacktest.engine.indicator.TaLib.CORE;
import static com.tradingbacktest.engine.indicator.TaLib.chunked;
import static com.tradingbacktest.engine.indicator.TaLib.firstAllFinite;
import static com.tradingbacktest.engine.indicator.TaLib.ofColumn;
import static com.tradingbacktest.engine.indicator.TaLib.period;
import static com.tradingbacktest.engine.indicator.TaLib.run;
import static com.tradingbacktest.engine.indicator.TaLib.sameLength;

import com.tictactec.ta.lib.MAType;
import java.util.Arrays;

/** Momentum oscillators behind {@link Indicators}; documented there. */
final class Oscillators {

  private Oscillators() {}

  static double[] rsi(double[] x, int length) {
    return ofColumn("rsi", x, length, 2, CORE::rsiLookback, CORE::rsi);
  }

  static Macd macd(double[] x, int fast, int slow, int signal) {
    sameLength("macd: x", x);
    period("macd fast", fast, 2);
    period("macd slow", slow, 2);
    // TA-Lib 0.4.0 accepts a signal period of 1 but then fails with ArrayIndexOutOfBoundsException.
    period("macd signal", signal, 2);
    if (fast >= slow) {
      // TA-Lib would silently swap them; a sweep that asks for this has a bug worth seeing.
      throw new IllegalArgumentException(
          "macd fast must be < slow, got fast " + fast + " and slow " + slow);
    }
    double[][] out =
        run(
            "macd",
            3,
            CORE.macdLookback(fast, slow, signal),
            (s, e, b, c, o) -> CORE.macd(s, e, x, fast, slow, signal, b, c, o[0], o[1], o[2]),
            x);
    return new Macd(out[0], out[1], out[2]);
  }

  /**
   * TA-Lib's STOCH with SMAs, built from its parts so that the costly one runs in chunks: the fast
   * %K rescans the window whenever its extreme leaves it, bars x length on a steady trend (5 s for
   * a length of 10,000 over 1,000,000 bars). STOCH computes the fast %K from the first bar it can,
   * then the SMAs of it over the whole column; so does this, with TA-Lib's own STOCHF for the fast
   * %K and our exact-tie SMA for the rest (TA-Lib's running sum, except where its rounding made
   * equal means differ: see {@link DecimalWindow}).
   */
  static Stochastic stochastic(
      double[] high,
      double[] low,
      double[] close,
      int kLength,
      int kSmoothing,
      int dLength,
      Runnable between) {
    sameLength("stochastic: high, low and close", high, low, close);
    period("stochastic kLength", kLength, 1);
    period("stochastic kSmoothing", kSmoothing, 1);
    period("stochastic dLength", dLength, 1);
    double[] k =
        MovingAverages.sma(fastK("stochastic", high, low, close, kLength, between), kSmoothing);
    double[] d = MovingAverages.sma(k, dLength);
    // STOCH starts %K where %D starts.
    int lookback = CORE.stochLookback(kLength, kSmoothing, MAType.Sma, dLength, MAType.Sma);
    hideBefore(k, firstAllFinite(high, low, close), lookback);
    return new Stochastic(k, d);
  }

  /**
   * TA-Lib's STOCHRSI with an SMA, built from its parts as {@link #stochastic} is: the RSI over the
   * whole column, the fast %K of it in chunks, the SMA of that.
   */
  static Stochastic stochRsi(
      double[] x, int rsiLength, int kLength, int dLength, Runnable between) {
    sameLength("stochRsi: x", x);
    period("stochRsi rsiLength", rsiLength, 2);
    period("stochRsi kLength", kLength, 1);
    period("stochRsi dLength", dLength, 1);
    double[] rsi = rsi(x, rsiLength);
    double[] k = fastK("stochRsi", rsi, rsi, rsi, kLength, between);
    double[] d = MovingAverages.sma(k, dLength);
    hideBefore(
        k, firstAllFinite(x), CORE.stochRsiLookback(rsiLength, kLength, dLength, MAType.Sma));
    return new Stochastic(k, d);
  }

  /** TA-Lib's fast %K (STOCHF's first output), a window function, in chunks. */
  private static double[] fastK(
      String name, double[] high, double[] low, double[] close, int kLength, Runnable between) {
    return chunked(
        name,
        2,
        CORE.stochFLookback(kLength, 1, MAType.Sma),
        CHUNK,
        between,
        (s, e, b, c, o) ->
            CORE.stochF(s, e, high, low, close, kLength, 1, MAType.Sma, b, c, o[0], o[1]),
        high,
        low,
        close)[0];
  }

  /** NaN before {@code first + lookback}, the first output of the whole function. */
  private static void hideBefore(double[] out, int first, int lookback) {
    Arrays.fill(out, 0, Math.min(out.length, first + lookback), Double.NaN);
  }

  /**
   * In chunks: TA-Lib's WILLR rescans the window whenever its extreme leaves it, bars x length on a
   * steady trend (5 s for a length of 10,000 over 1,000,000 bars). Its values are the window's
   * extremes, the same whatever bar the call starts at.
   */
  static double[] williamsR(
      double[] high, double[] low, double[] close, int length, Runnable between) {
    sameLength("williamsR: high, low and close", high, low, close);
    period("williamsR length", length, 2);
    return chunked(
        "williamsR",
        CORE.willRLookback(length),
        CHUNK,
        between,
        (s, e, b, c, o) -> CORE.willR(s, e, high, low, close, length, b, c, o[0]),
        high,
        low,
        close);
  }

  /**
   * In chunks: TA-Lib's CCI recomputes the window's mean and mean deviation at every bar, bars x
   * length. It sums its ring buffer of typical prices from slot 0, and which bar is in slot 0
   * depends on where the call starts: chunks of a multiple of {@code length} outputs keep the same
   * order of additions, and so the same values bit for bit.
   */
  static double[] cci(double[] high, double[] low, double[] close, int length, Runnable between) {
    sameLength("cci: high, low and close", high, low, close);
    period("cci length", length, 2);
    return chunked(
        "cci",
        CORE.cciLookback(length),
        length >= CHUNK ? length : CHUNK / length * length,
        between,
        (s, e, b, c, o) -> CORE.cci(s, e, high, low, close, length, b, c, o[0]),
        high,
        low,
        close);
  }

  static double[] mom(double[] x, int length) {
    return ofColumn("mom", x, length, 1, CORE::momLookback, CORE::mom);
  }

  static double[] roc(double[] x, int length) {
    return ofColumn("roc", x, length, 1, CORE::rocLookback, CORE::roc);
  }
}
