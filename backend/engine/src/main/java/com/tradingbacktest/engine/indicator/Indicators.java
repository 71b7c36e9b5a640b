package com.tradingbacktest.engine.indicator;

/**
 * Technical indicators on bar-aligned {@code double[]} columns, computed by TA-Lib's Java port.
 *
 * <p>Every method follows the conventions of the {@linkplain com.tradingbacktest.engine.indicator
 * package}: the result has the input's length, is NaN during the warm-up and is computed from the
 * first bar at which all inputs are finite, so {@code ema(sma(close, 10), 5)} works. "Warm-up
 * {@code w}" below means the first value is at index {@code w} when the inputs are finite from
 * index 0 (at {@code s + w} when they start at {@code s}); data shorter than that gives all NaN.
 * Lengths count bars; those passed to TA-Lib must be at most 100000 (its limit). Invalid parameters
 * and columns of different lengths throw {@link IllegalArgumentException}; null columns throw
 * {@link NullPointerException}. The inputs are never modified. All methods are thread-safe.
 */
public final class Indicators {

  private Indicators() {}

  private static void noCheck() {}

  // ---- Moving averages (units of x) ----

  /**
   * Simple moving average: the mean of the last {@code length} values. Warm-up {@code length - 1};
   * {@code length} 1 returns a copy of {@code x}. Exact ties: where every value of the window is a
   * decimal of at most 8 places (the double nearest to one), the result is the double nearest to
   * the true decimal mean, so means that are equal in decimal compare equal; other windows are
   * summed with compensation, to a couple of ulps (docs/ENGINE.md, "Exact ties in rolling means").
   *
   * @throws IllegalArgumentException if {@code length < 1}
   */
  public static double[] sma(double[] x, int length) {
    return MovingAverages.sma(x, length);
  }

  /**
   * Exponential moving average with {@code alpha = 2 / (length + 1)}, seeded by the SMA of the
   * first {@code length} values (TA-Lib's default). Warm-up {@code length - 1}; {@code length} 1
   * returns a copy.
   *
   * @throws IllegalArgumentException if {@code length < 1}
   */
  public static double[] ema(double[] x, int length) {
    return MovingAverages.ema(x, length);
  }

  /**
   * Wilder's smoothing (RMA, also SMMA): seeded with the SMA of the first {@code length} values,
   * then {@code prev + (x - prev) / length}, i.e. alpha = 1 / length. The smoothing inside RSI and
   * ATR. Warm-up {@code length - 1} after the first finite value; {@code length} 1 returns a copy.
   *
   * @throws IllegalArgumentException if {@code length < 1}
   */
  public static double[] rma(double[] x, int length) {
    return MovingAverages.rma(x, length);
  }

  /**
   * Linearly weighted moving average: weights 1 (oldest) to {@code length} (current), divided by
   * their sum. Warm-up {@code length - 1}; {@code length} 1 returns a copy.
   *
   * @throws IllegalArgumentException if {@code length < 1}
   */
  public static double[] wma(double[] x, int length) {
    return MovingAverages.wma(x, length);
  }

  /**
   * Double EMA: {@code 2 * ema(x) - ema(ema(x))}. Warm-up {@code 2 * (length - 1)}; {@code length}
   * 1 returns a copy.
   *
   * @throws IllegalArgumentException if {@code length < 1}
   */
  public static double[] dema(double[] x, int length) {
    return MovingAverages.dema(x, length);
  }

  /**
   * Triple EMA: {@code 3 * e1 - 3 * e2 + e3} with {@code e2 = ema(e1)}, {@code e3 = ema(e2)}.
   * Warm-up {@code 3 * (length - 1)}; {@code length} 1 returns a copy.
   *
   * @throws IllegalArgumentException if {@code length < 1}
   */
  public static double[] tema(double[] x, int length) {
    return MovingAverages.tema(x, length);
  }

  /**
   * Kaufman adaptive moving average: efficiency ratio over {@code length} bars, smoothing constants
   * of the 2- and 30-bar EMAs (TA-Lib's defaults), started from {@code x[length - 1]}. A window
   * without any change (absolute changes summing below 1e-8) counts as fully efficient. Warm-up
   * {@code length}.
   *
   * @throws IllegalArgumentException if {@code length < 2}
   */
  public static double[] kama(double[] x, int length) {
    return MovingAverages.kama(x, length);
  }

  // ---- Oscillators ----

  /**
   * Relative strength index, 0 to 100, with Wilder's smoothing seeded by the mean gain and loss of
   * the first {@code length} changes. A window without changes (average gain plus loss below 1e-8)
   * gives 0. Warm-up {@code length}.
   *
   * @throws IllegalArgumentException if {@code length < 2}
   */
  public static double[] rsi(double[] x, int length) {
    return Oscillators.rsi(x, length);
  }

  /**
   * MACD in price units: fast EMA minus slow EMA, its signal EMA and their difference. As in
   * TA-Lib, both EMAs start at bar {@code slow - 1}, each seeded by the SMA of its own last {@code
   * fast} or {@code slow} values, so early values differ from libraries that seed at bar 0 (they
   * agree after ~10 slow periods). Warm-up {@code slow + signal - 2} for all three lines.
   *
   * @throws IllegalArgumentException if any period {@code < 2} or {@code fast >= slow}
   */
  public static Macd macd(double[] x, int fast, int slow, int signal) {
    return Oscillators.macd(x, fast, slow, signal);
  }

  /**
   * Slow stochastic, 0 to 100: fast %K {@code = 100 * (close - lowest low) / (highest high - lowest
   * low)} over {@code kLength} bars (0 when the range is flat), %K its SMA over {@code kSmoothing},
   * %D the SMA of %K over {@code dLength} (both SMAs with the exact ties of {@link #sma}). Warm-up
   * {@code kLength + kSmoothing + dLength - 3} for both lines.
   *
   * @throws IllegalArgumentException if any length {@code < 1}
   */
  public static Stochastic stochastic(
      double[] high, double[] low, double[] close, int kLength, int kSmoothing, int dLength) {
    return stochastic(high, low, close, kLength, kSmoothing, dLength, Indicators::noCheck);
  }

  /**
   * {@link #stochastic(double[], double[], double[], int, int, int)} with {@code between} run every
   * few thousand bars, where it may throw to stop the computation.
   */
  public static Stochastic stochastic(
      double[] high,
      double[] low,
      double[] close,
      int kLength,
      int kSmoothing,
      int dLength,
      Runnable between) {
    return Oscillators.stochastic(high, low, close, kLength, kSmoothing, dLength, between);
  }

  /**
   * Stochastic RSI, 0 to 100: %K is the fast stochastic of {@code rsi(x, rsiLength)} over {@code
   * kLength} bars (0 when flat), %D its SMA over {@code dLength}. Warm-up {@code rsiLength +
   * kLength + dLength - 2} for both lines.
   *
   * @throws IllegalArgumentException if {@code rsiLength < 2} or another length {@code < 1}
   */
  public static Stochastic stochRsi(double[] x, int rsiLength, int kLength, int dLength) {
    return stochRsi(x, rsiLength, kLength, dLength, Indicators::noCheck);
  }

  /**
   * {@link #stochRsi(double[], int, int, int)} with {@code between} run every few thousand bars,
   * where it may throw to stop the computation.
   */
  public static Stochastic stochRsi(
      double[] x, int rsiLength, int kLength, int dLength, Runnable between) {
    return Oscillators.stochRsi(x, rsiLength, kLength, dLength, between);
  }

  /**
   * Williams %R, -100 to 0: {@code -100 * (highest high - close) / (highest high - lowest low)}
   * over {@code length} bars; 0 when the range is flat. Warm-up {@code length - 1}.
   *
   * @throws IllegalArgumentException if {@code length < 2}
   */
  public static double[] williamsR(double[] high, double[] low, double[] close, int length) {
    return williamsR(high, low, close, length, Indicators::noCheck);
  }

  /**
   * {@link #williamsR(double[], double[], double[], int)} with {@code between} run every few
   * thousand bars, where it may throw to stop the computation.
   */
  public static double[] williamsR(
      double[] high, double[] low, double[] close, int length, Runnable between) {
    return Oscillators.williamsR(high, low, close, length, between);
  }

  /**
   * Commodity channel index (unitless, usually within ±300) on the typical price {@code tp = (high
   * + low + close) / 3}: {@code (tp - sma(tp)) / (0.015 * mean |tp - sma(tp)|)}, the mean deviation
   * taken over the window from its own SMA; 0 when either part is 0. Warm-up {@code length - 1}.
   *
   * @throws IllegalArgumentException if {@code length < 2}
   */
  public static double[] cci(double[] high, double[] low, double[] close, int length) {
    return cci(high, low, close, length, Indicators::noCheck);
  }

  /**
   * {@link #cci(double[], double[], double[], int)} with {@code between} run every few thousand
   * bars (every {@code length} bars from a length of 4096), where it may throw to stop the
   * computation: the column costs bars x length.
   */
  public static double[] cci(
      double[] high, double[] low, double[] close, int length, Runnable between) {
    return Oscillators.cci(high, low, close, length, between);
  }

  /**
   * Momentum in units of x: {@code x[i] - x[i - length]}. Warm-up {@code length}.
   *
   * @throws IllegalArgumentException if {@code length < 1}
   */
  public static double[] mom(double[] x, int length) {
    return Oscillators.mom(x, length);
  }

  /**
   * Rate of change in percent: {@code (x[i] / x[i - length] - 1) * 100}; 0 where {@code x[i -
   * length]} is 0. Warm-up {@code length}.
   *
   * @throws IllegalArgumentException if {@code length < 1}
   */
  public static double[] roc(double[] x, int length) {
    return Oscillators.roc(x, length);
  }

  // ---- Volatility ----

  /**
   * True range in price units: {@code max(high, previous close) - min(low, previous close)}.
   * Warm-up 1.
   */
  public static double[] trueRange(double[] high, double[] low, double[] close) {
    return Volatility.trueRange(high, low, close);
  }

  /**
   * Average true range in price units, Wilder's smoothing ({@code (prev * (length - 1) + tr) /
   * length}) seeded by the mean of the first {@code length} true ranges. Warm-up {@code length}.
   *
   * @throws IllegalArgumentException if {@code length < 1}
   */
  public static double[] atr(double[] high, double[] low, double[] close, int length) {
    return Volatility.atr(high, low, close, length);
  }

  /**
   * Normalized ATR in percent of the close: {@code 100 * atr / close} (computed here: TA-Lib
   * 0.4.0's NATR is wrong for length 1 and after leading NaNs). Warm-up {@code length}.
   *
   * @throws IllegalArgumentException if {@code length < 1}
   */
  public static double[] natr(double[] high, double[] low, double[] close, int length) {
    return Volatility.natr(high, low, close, length);
  }

  /**
   * Rolling population standard deviation (divide by {@code length}) in units of x, as TA-Lib's
   * STDDEV with one deviation, but without its rounding of deviations below 1e-4 to 0. Warm-up
   * {@code length - 1}. For windows of decimals (as in {@link #sma}) the variance comes from exact
   * integer sums: an exact mean, exactly 0 for a flat window, the same value for the same values in
   * any order at the same scale, within a few ulps of the true deviation.
   *
   * @throws IllegalArgumentException if {@code length < 2}
   */
  public static double[] stddev(double[] x, int length) {
    return Volatility.stddev(x, length);
  }

  /**
   * Bollinger bands in units of x: SMA middle (exact ties, see {@link #sma}), {@code ± k}
   * population standard deviations (see {@link #stddev}). Warm-up {@code length - 1}.
   *
   * @throws IllegalArgumentException if {@code length < 2} or {@code k} is negative or not finite
   */
  public static BollingerBands bollinger(double[] x, int length, double k) {
    return Volatility.bollinger(x, length, k);
  }

  // ---- Trend ----

  /**
   * Average directional index, 0 to 100, as TA-Lib computes it: Wilder sums of +DM, -DM and TR
   * seeded with {@code length - 1} raw values then smoothed, DX from them, ADX the mean of the
   * first {@code length} DX then Wilder-smoothed. Values differ from libraries with other seeding
   * until ~10 periods in. Warm-up {@code 2 * length - 1}.
   *
   * @throws IllegalArgumentException if {@code length < 2}
   */
  public static double[] adx(double[] high, double[] low, double[] close, int length) {
    return Trend.adx(high, low, close, length);
  }

  /**
   * Plus directional indicator, 0 to 100: {@code 100 * smoothed +DM / smoothed TR}, seeded as in
   * {@link #adx}; 0 while the smoothed TR is below 1e-8. Warm-up {@code length}.
   *
   * @throws IllegalArgumentException if {@code length < 2} (TA-Lib 0.4.0 omits the factor 100 for
   *     1)
   */
  public static double[] plusDi(double[] high, double[] low, double[] close, int length) {
    return Trend.plusDi(high, low, close, length);
  }

  /**
   * Minus directional indicator, 0 to 100: {@code 100 * smoothed -DM / smoothed TR}, seeded as in
   * {@link #adx}; 0 while the smoothed TR is below 1e-8. Warm-up {@code length}.
   *
   * @throws IllegalArgumentException if {@code length < 2} (TA-Lib 0.4.0 omits the factor 100 for
   *     1)
   */
  public static double[] minusDi(double[] high, double[] low, double[] close, int length) {
    return Trend.minusDi(high, low, close, length);
  }

  /**
   * Parabolic SAR in price units. TA-Lib starts short if the second bar's low falls below the
   * first's (a positive -DM), long otherwise, with the SAR at the first bar's low (long) or high
   * (short) and the acceleration factor at {@code acceleration}, raised by {@code acceleration} at
   * each new extreme up to {@code maximum}. Warm-up 1.
   *
   * @param acceleration start and step of the acceleration factor, typically 0.02
   * @param maximum cap of the acceleration factor, typically 0.2
   * @throws IllegalArgumentException unless {@code 0 < acceleration <= maximum}, both finite
   */
  public static double[] parabolicSar(
      double[] high, double[] low, double acceleration, double maximum) {
    return Trend.parabolicSar(high, low, acceleration, maximum);
  }

  /**
   * Aroon up and down, 0 to 100, over the last {@code length + 1} bars: {@code 100 * (length - bars
   * since the extreme) / length}, the most recent extreme winning ties. Warm-up {@code length}.
   *
   * @throws IllegalArgumentException if {@code length < 2}
   */
  public static Aroon aroon(double[] high, double[] low, int length) {
    return aroon(high, low, length, Indicators::noCheck);
  }

  /**
   * {@link #aroon(double[], double[], int)} with {@code between} run every few thousand bars, where
   * it may throw to stop the computation.
   */
  public static Aroon aroon(double[] high, double[] low, int length, Runnable between) {
    return Trend.aroon(high, low, length, between);
  }

  /**
   * Aroon oscillator, -100 to 100: aroon up minus aroon down. Warm-up {@code length}.
   *
   * @throws IllegalArgumentException if {@code length < 2}
   */
  public static double[] aroonOscillator(double[] high, double[] low, int length) {
    return aroonOscillator(high, low, length, Indicators::noCheck);
  }

  /**
   * {@link #aroonOscillator(double[], double[], int)} with {@code between} run every few thousand
   * bars, where it may throw to stop the computation.
   */
  public static double[] aroonOscillator(
      double[] high, double[] low, int length, Runnable between) {
    return Trend.aroonOscillator(high, low, length, between);
  }

  // ---- Volume ----

  /**
   * On-balance volume in volume units: starts at the first bar's volume, then adds the volume when
   * the close rises, subtracts it when it falls and keeps it when unchanged. Warm-up 0.
   */
  public static double[] obv(double[] close, double[] volume) {
    return Volume.obv(close, volume);
  }

  /**
   * Money flow index, 0 to 100: {@code 100 * positive flow / total flow} over the last {@code
   * length} changes of the typical price, flow = typical price * volume. TA-Lib gives 0 when the
   * total flow is below 1.0 (beware of tiny prices times tiny volumes). Warm-up {@code length}.
   *
   * @throws IllegalArgumentException if {@code length < 2}
   */
  public static double[] mfi(
      double[] high, double[] low, double[] close, double[] volume, int length) {
    return Volume.mfi(high, low, close, volume, length);
  }

  // ---- Rolling extremes (units of x) ----

  /**
   * Rolling maximum of the last {@code length} values, the current included; NaN while the window
   * holds a NaN (so also during the warm-up {@code length - 1}). O(n) for any length.
   *
   * @throws IllegalArgumentException if {@code length < 1}
   */
  public static double[] highest(double[] x, int length) {
    return Rolling.highest(x, length);
  }

  /**
   * Rolling minimum of the last {@code length} values, the current included; NaN while the window
   * holds a NaN (so also during the warm-up {@code length - 1}). O(n) for any length.
   *
   * @throws IllegalArgumentException if {@code length < 1}
   */
  public static double[] lowest(double[] x, int length) {
    return Rolling.lowest(x, length);
  }
}
