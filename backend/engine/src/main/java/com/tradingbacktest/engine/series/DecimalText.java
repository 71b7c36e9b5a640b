package com.tradingbacktest.engine.series;

/**
 * Numbers as CSV cells write them: the cell's text cleaned of grouping, a fast exact path for the
 * plain decimals prices almost always are, and the strict syntax a cell must have before the
 * general parser may read it (no hex, NaN or Infinity, which Java would accept).
 */
final class DecimalText {

  private DecimalText() {}

  /** The number's text without quotes, spaces or thousands separators ("1,234.5" -> "1234.5"). */
  static String clean(String cell) {
    String s = cell.trim();
    if (s.indexOf(',') >= 0 || s.indexOf(' ') >= 0) {
      s = s.replace(",", "").replace(" ", "");
    }
    return s.isEmpty() ? "(empty)" : s;
  }

  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /**
   * The common case of a price, fast: [sign] digits [. digits] whose digits make an integer below
   * 2^53 with at most 22 decimals. Both that integer and the power of ten are exact doubles, so one
   * division gives the correctly rounded value, the same double as {@link Double#parseDouble}
   * (Clinger's fast path) at a fraction of its cost. NaN for anything else, which then takes the
   * general path.
   */
  static double plainDecimal(String s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      i++;
    }
    long mantissa = 0;
    int decimals = -1;
    boolean digits = false;
    for (; i < n; i++) {
      char ch = s.charAt(i);
      if (ch >= '0' && ch <= '9') {
        if (mantissa > (1L << 53) / 10) {
          return Double.NaN;
        }
        mantissa = mantissa * 10 + (ch - '0');
        digits = true;
        if (decimals >= 0) {
          decimals++;
        }
      } else if (ch == '.' && decimals < 0) {
        decimals = 0;
      } else {
        return Double.NaN;
      }
    }
    if (!digits || mantissa > (1L << 53) || decimals >= POW10.length) {
      return Double.NaN;
    }
    double value = decimals <= 0 ? mantissa : mantissa / POW10[decimals];
    return negative ? -value : value;
  }

  /**
   * Plain decimal text: digits, one point, an optional exponent (no hex, NaN or Infinity as Java
   * allows).
   */
  static boolean isDecimal(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    boolean digits = false;
    boolean point = false;
    for (; i < n; i++) {
      char ch = s.charAt(i);
      if (ch >= '0' && ch <= '9') {
        digits = true;
      } else if (ch == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (!digits) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int start = i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    return i == n;
  }
}
