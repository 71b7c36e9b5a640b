package com.tradingbacktest.engine.indicator;

import static com.tradingbacktest.engine.indicator.TaLib.CORE;
import static com.tradingbacktest.engine.indicator.TaLib.ofHighLowClose;
import static com.tradingbacktest.engine.indicator.TaLib.period;
import static com.tradingbacktest.engine.indicator.TaLib.run1;
import static com.tradingbacktest.engine.indicator.TaLib.sameLength;

/** Volatility indicators behind {@link Indicators}; documented there. */
final class Volatility {

  private Volatility() {}

  static double[] trueRange(double[] high, double[] low, double[] close) {
    sameLength("trueRange: high, low and close", high, low, close);
    return run1(
        "trueRange",
        CORE.trueRangeLookback(),
        (s, e, b, c, o) -> CORE.trueRange(s, e, high, low, close, b, c, o[0]),
        high,
        low,
        close);
  }

  static double[] atr(double[] high, double[] low, double[] close, int length) {
    return atr("atr", high, low, close, length);
  }

  private static double[] atr(
      String name, double[] high, double[] low, double[] close, int length) {
    return ofHighLowClose(name, high, low, close, length, 1, CORE::atrLookback, CORE::atr);
  }

  /**
   * Our own division rather than TA-Lib's NATR, which in 0.4.0 returns the plain true range for
   * length 1 and divides by the wrong bar's close when asked to start after its lookback (our
   * leading-NaN case).
   */
  static double[] natr(double[] high, double[] low, double[] close, int length) {
    double[] out = atr("natr", high, low, close, length);
    for (int i = 0; i < out.length; i++) {
      out[i] = 100 * out[i] / close[i];
    }
    return out;
  }

  static double[] stddev(double[] x, int length) {
    sameLength("stddev: x", x);
    period("stddev length", length, 2);
    return sqrtInPlace(variance(x, length));
  }

  static BollingerBands bollinger(double[] x, int length, double k) {
    sameLength("bollinger: x", x);
    period("bollinger length", length, 2);
    if (!(Double.isFinite(k) && k >= 0)) {
      throw new IllegalArgumentException("bollinger k must be finite and >= 0, got " + k);
    }
    double[] middle = MovingAverages.sma(x, length);
    // The deviation goes into `upper` first so that only two more arrays are allocated.
    double[] upper = sqrtInPlace(variance(x, length));
    double[] lower = new double[x.length];
    for (int i = 0; i < upper.length; i++) {
      double width = k * upper[i];
      upper[i] = middle[i] + width;
      lower[i] = middle[i] - width;
    }
    return new BollingerBands(upper, middle, lower);
  }

  /**
   * Population variance from TA-Lib's VAR. We take its square root ourselves instead of calling
   * STDDEV (or BBANDS, which uses the same code): those turn any variance below 1e-8 into a
   * deviation of 0, i.e. every deviation below 1e-4 in price units, which erases the bands of
   * assets priced in fractions of a cent (many crypto pairs). VAR has no such threshold.
   */
  private static double[] variance(double[] x, int length) {
    return run1(
        "variance",
        CORE.varianceLookback(length, 1.0),
        (s, e, b, c, o) -> CORE.variance(s, e, x, length, 1.0, b, c, o[0]),
        x);
  }

  private static double[] sqrtInPlace(double[] variance) {
    for (int i = 0; i < variance.length; i++) {
      double v = variance[i];
      // Rounding in TA-Lib's E[x^2] - E[x]^2 can give a tiny negative for a flat window; NaN stays
      // NaN.
      variance[i] = v < 0 ? 0 : Math.sqrt(v);
    }
    return variance;
  }
}
