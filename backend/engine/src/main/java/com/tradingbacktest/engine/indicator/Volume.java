package com.tradingbacktest.engine.indicator;

import static com.tradingbacktest.engine.indicator.TaLib.CORE;
import static com.tradingbacktest.engine.indicator.TaLib.period;
import static com.tradingbacktest.engine.indicator.TaLib.run1;
import static com.tradingbacktest.engine.indicator.TaLib.sameLength;

/** Volume indicators behind {@link Indicators}; documented there. */
final class Volume {

  private Volume() {}

  static double[] obv(double[] close, double[] volume) {
    sameLength("obv: close and volume", close, volume);
    return run1(
        "obv",
        CORE.obvLookback(),
        (s, e, b, c, o) -> CORE.obv(s, e, close, volume, b, c, o[0]),
        close,
        volume);
  }

  static double[] mfi(double[] high, double[] low, double[] close, double[] volume, int length) {
    sameLength("mfi: high, low, close and volume", high, low, close, volume);
    period("mfi length", length, 2);
    return run1(
        "mfi",
        CORE.mfiLookback(length),
        (s, e, b, c, o) -> CORE.mfi(s, e, high, low, close, volume, length, b, c, o[0]),
        high,
        low,
        close,
        volume);
  }
}
