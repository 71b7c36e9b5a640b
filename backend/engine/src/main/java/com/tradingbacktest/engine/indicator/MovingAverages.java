package com.tradingbacktest.engine.indicator;

import static com.tradingbacktest.engine.indicator.TaLib.CORE;
import static com.tradingbacktest.engine.indicator.TaLib.ofColumn;
import static com.tradingbacktest.engine.indicator.TaLib.sameLength;

import java.util.function.IntUnaryOperator;

/** Moving averages behind {@link Indicators}; documented there. */
final class MovingAverages {

  private MovingAverages() {}

  static double[] sma(double[] x, int length) {
    return average("sma", x, length, CORE::smaLookback, CORE::sma);
  }

  static double[] ema(double[] x, int length) {
    return average("ema", x, length, CORE::emaLookback, CORE::ema);
  }

  static double[] wma(double[] x, int length) {
    return average("wma", x, length, CORE::wmaLookback, CORE::wma);
  }

  static double[] dema(double[] x, int length) {
    return average("dema", x, length, CORE::demaLookback, CORE::dema);
  }

  static double[] tema(double[] x, int length) {
    return average("tema", x, length, CORE::temaLookback, CORE::tema);
  }

  static double[] kama(double[] x, int length) {
    return ofColumn("kama", x, length, 2, CORE::kamaLookback, CORE::kama);
  }

  /** An average defined from length 1, where it is the input itself (documented as a copy). */
  private static double[] average(
      String name, double[] x, int length, IntUnaryOperator lookback, TaLib.OfColumn function) {
    if (length == 1) {
      sameLength(name + ": x", x);
      return x.clone();
    }
    return ofColumn(name, x, length, 1, lookback, function);
  }
}
