package com.tradingbacktest.engine.indicator;

import static com.tradingbacktest.engine.indicator.TaLib.CORE;
import static com.tradingbacktest.engine.indicator.TaLib.period;
import static com.tradingbacktest.engine.indicator.TaLib.run1;
import static com.tradingbacktest.engine.indicator.TaLib.sameLength;

/** Moving averages behind {@link Indicators}; documented there. */
final class MovingAverages {

  private MovingAverages() {}

  static double[] sma(double[] x, int length) {
    sameLength("sma: x", x);
    period("sma length", length, 1);
    if (length == 1) {
      return x.clone();
    }
    return run1(
        "sma",
        CORE.smaLookback(length),
        (s, e, b, c, o) -> CORE.sma(s, e, x, length, b, c, o[0]),
        x);
  }

  static double[] ema(double[] x, int length) {
    sameLength("ema: x", x);
    period("ema length", length, 1);
    if (length == 1) {
      return x.clone();
    }
    return run1(
        "ema",
        CORE.emaLookback(length),
        (s, e, b, c, o) -> CORE.ema(s, e, x, length, b, c, o[0]),
        x);
  }

  static double[] wma(double[] x, int length) {
    sameLength("wma: x", x);
    period("wma length", length, 1);
    if (length == 1) {
      return x.clone();
    }
    return run1(
        "wma",
        CORE.wmaLookback(length),
        (s, e, b, c, o) -> CORE.wma(s, e, x, length, b, c, o[0]),
        x);
  }

  static double[] dema(double[] x, int length) {
    sameLength("dema: x", x);
    period("dema length", length, 1);
    if (length == 1) {
      return x.clone();
    }
    return run1(
        "dema",
        CORE.demaLookback(length),
        (s, e, b, c, o) -> CORE.dema(s, e, x, length, b, c, o[0]),
        x);
  }

  static double[] tema(double[] x, int length) {
    sameLength("tema: x", x);
    period("tema length", length, 1);
    if (length == 1) {
      return x.clone();
    }
    return run1(
        "tema",
        CORE.temaLookback(length),
        (s, e, b, c, o) -> CORE.tema(s, e, x, length, b, c, o[0]),
        x);
  }

  static double[] kama(double[] x, int length) {
    sameLength("kama: x", x);
    period("kama length", length, 2);
    return run1(
        "kama",
        CORE.kamaLookback(length),
        (s, e, b, c, o) -> CORE.kama(s, e, x, length, b, c, o[0]),
        x);
  }
}
