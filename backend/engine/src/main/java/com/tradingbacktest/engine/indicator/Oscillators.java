package com.tradingbacktest.engine.indicator;

import static com.tradingbacktest.engine.indicator.TaLib.CORE;
import static com.tradingbacktest.engine.indicator.TaLib.ofColumn;
import static com.tradingbacktest.engine.indicator.TaLib.ofHighLowClose;
import static com.tradingbacktest.engine.indicator.TaLib.period;
import static com.tradingbacktest.engine.indicator.TaLib.run;
import static com.tradingbacktest.engine.indicator.TaLib.sameLength;

import com.tictactec.ta.lib.MAType;

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

  static Stochastic stochastic(
      double[] high, double[] low, double[] close, int kLength, int kSmoothing, int dLength) {
    sameLength("stochastic: high, low and close", high, low, close);
    period("stochastic kLength", kLength, 1);
    period("stochastic kSmoothing", kSmoothing, 1);
    period("stochastic dLength", dLength, 1);
    double[][] out =
        run(
            "stochastic",
            2,
            CORE.stochLookback(kLength, kSmoothing, MAType.Sma, dLength, MAType.Sma),
            (s, e, b, c, o) ->
                CORE.stoch(
                    s,
                    e,
                    high,
                    low,
                    close,
                    kLength,
                    kSmoothing,
                    MAType.Sma,
                    dLength,
                    MAType.Sma,
                    b,
                    c,
                    o[0],
                    o[1]),
            high,
            low,
            close);
    return new Stochastic(out[0], out[1]);
  }

  static Stochastic stochRsi(double[] x, int rsiLength, int kLength, int dLength) {
    sameLength("stochRsi: x", x);
    period("stochRsi rsiLength", rsiLength, 2);
    period("stochRsi kLength", kLength, 1);
    period("stochRsi dLength", dLength, 1);
    double[][] out =
        run(
            "stochRsi",
            2,
            CORE.stochRsiLookback(rsiLength, kLength, dLength, MAType.Sma),
            (s, e, b, c, o) ->
                CORE.stochRsi(s, e, x, rsiLength, kLength, dLength, MAType.Sma, b, c, o[0], o[1]),
            x);
    return new Stochastic(out[0], out[1]);
  }

  static double[] williamsR(double[] high, double[] low, double[] close, int length) {
    return ofHighLowClose(
        "williamsR", high, low, close, length, 2, CORE::willRLookback, CORE::willR);
  }

  static double[] cci(double[] high, double[] low, double[] close, int length) {
    return ofHighLowClose("cci", high, low, close, length, 2, CORE::cciLookback, CORE::cci);
  }

  static double[] mom(double[] x, int length) {
    return ofColumn("mom", x, length, 1, CORE::momLookback, CORE::mom);
  }

  static double[] roc(double[] x, int length) {
    return ofColumn("roc", x, length, 1, CORE::rocLookback, CORE::roc);
  }
}
