package com.tradingbacktest.engine.indicator;

import static com.tradingbacktest.engine.indicator.TaLib.CHUNK;
import static com.tradingbacktest.engine.indicator.TaLib.CORE;
import static com.tradingbacktest.engine.indicator.TaLib.chunked;
import static com.tradingbacktest.engine.indicator.TaLib.ofHighLowClose;
import static com.tradingbacktest.engine.indicator.TaLib.period;
import static com.tradingbacktest.engine.indicator.TaLib.run1;
import static com.tradingbacktest.engine.indicator.TaLib.sameLength;

/** Trend indicators behind {@link Indicators}; documented there. */
final class Trend {

  private Trend() {}

  static double[] adx(double[] high, double[] low, double[] close, int length) {
    return ofHighLowClose("adx", high, low, close, length, 2, CORE::adxLookback, CORE::adx);
  }

  // DI needs length >= 2: for length 1 TA-Lib 0.4.0 returns DM / TR without the factor 100.
  static double[] plusDi(double[] high, double[] low, double[] close, int length) {
    return ofHighLowClose(
        "plusDi", high, low, close, length, 2, CORE::plusDILookback, CORE::plusDI);
  }

  static double[] minusDi(double[] high, double[] low, double[] close, int length) {
    return ofHighLowClose(
        "minusDi", high, low, close, length, 2, CORE::minusDILookback, CORE::minusDI);
  }

  static double[] parabolicSar(double[] high, double[] low, double acceleration, double maximum) {
    sameLength("parabolicSar: high and low", high, low);
    if (!(Double.isFinite(acceleration) && acceleration > 0)) {
      throw new IllegalArgumentException(
          "parabolicSar acceleration must be finite and > 0, got " + acceleration);
    }
    if (!(Double.isFinite(maximum) && maximum >= acceleration)) {
      // TA-Lib would quietly lower the acceleration to the maximum.
      throw new IllegalArgumentException(
          "parabolicSar maximum must be finite and >= acceleration ("
              + acceleration
              + "), got "
              + maximum);
    }
    return run1(
        "parabolicSar",
        CORE.sarLookback(acceleration, maximum),
        (s, e, b, c, o) -> CORE.sar(s, e, high, low, acceleration, maximum, b, c, o[0]),
        high,
        low);
  }

  /**
   * In chunks, as {@link Oscillators#williamsR}: TA-Lib's AROON rescans the window when its extreme
   * leaves it, and finds the same (latest) extreme whatever bar the call starts at.
   */
  static Aroon aroon(double[] high, double[] low, int length, Runnable between) {
    sameLength("aroon: high and low", high, low);
    period("aroon length", length, 2);
    // TA-Lib's AROON writes aroonDown first.
    double[][] out =
        chunked(
            "aroon",
            2,
            CORE.aroonLookback(length),
            CHUNK,
            between,
            (s, e, b, c, o) -> CORE.aroon(s, e, high, low, length, b, c, o[1], o[0]),
            high,
            low);
    return new Aroon(out[0], out[1]);
  }

  static double[] aroonOscillator(double[] high, double[] low, int length, Runnable between) {
    sameLength("aroonOscillator: high and low", high, low);
    period("aroonOscillator length", length, 2);
    return chunked(
        "aroonOscillator",
        CORE.aroonOscLookback(length),
        CHUNK,
        between,
        (s, e, b, c, o) -> CORE.aroonOsc(s, e, high, low, length, b, c, o[0]),
        high,
        low);
  }
}
