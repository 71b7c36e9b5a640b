package com.tradingbacktest.engine.series;

/**
 * What happens at a bar besides its prices, aligned to a {@link BarSeries}: a cash dividend going
 * ex at it, or a trading halt over it. Like the series' columns, the arrays belong to the events
 * once passed in and must not be modified.
 *
 * @param dividend per bar, the cash paid per share (in the series' price units and price basis) of
 *     a dividend whose ex-date is that bar, 0 for none; whoever holds the position into the bar
 *     (held at the previous bar's close) receives it, a short pays it. Null: no dividends.
 * @param halted per bar, whether trading is halted (거래정지): nothing fills at such a bar, orders wait
 *     for the first bar that trades. Null: no halts.
 */
public record BarEvents(double[] dividend, boolean[] halted) {

  /** No dividends and no halts. */
  public static final BarEvents NONE = new BarEvents(null, null);

  public BarEvents {
    if (dividend != null) {
      for (int i = 0; i < dividend.length; i++) {
        double d = dividend[i];
        if (!(d >= 0) || !Double.isFinite(d)) {
          throw new IllegalArgumentException(
              "dividend at bar " + i + " is " + d + "; a dividend is a finite amount >= 0");
        }
      }
    }
    if (dividend != null && halted != null && dividend.length != halted.length) {
      throw new IllegalArgumentException(
          dividend.length + " dividends for " + halted.length + " halt flags");
    }
  }

  public boolean hasDividends() {
    return dividend != null;
  }

  public boolean hasHalts() {
    return halted != null;
  }

  public boolean isNone() {
    return dividend == null && halted == null;
  }

  /** The cash per share going ex at bar {@code i}, 0 for none. */
  public double dividendAt(int i) {
    return dividend == null ? 0 : dividend[i];
  }

  /** Whether trading is halted at bar {@code i}. */
  public boolean haltedAt(int i) {
    return halted != null && halted[i];
  }

  /** The events of bars {@code [from, to)}. */
  BarEvents slice(int from, int to) {
    return new BarEvents(
        dividend == null ? null : java.util.Arrays.copyOfRange(dividend, from, to),
        halted == null ? null : java.util.Arrays.copyOfRange(halted, from, to));
  }

  /** Throws unless every column has {@code n} values. */
  void requireLength(int n) {
    if ((dividend != null && dividend.length != n) || (halted != null && halted.length != n)) {
      throw new IllegalArgumentException("events must have one value per bar (" + n + " bars)");
    }
  }
}
