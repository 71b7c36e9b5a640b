package com.tradingbacktest.engine.indicator;

import static com.tradingbacktest.engine.indicator.SeriesAssert.nan;

/**
 * Textbook implementations to check TA-Lib against: plain loops, each window recomputed from
 * scratch (no running sums), written from the indicators' definitions. Where TA-Lib seeds a
 * recursion its own way (MACD, ADX/DI, KAMA), the reference follows that documented seeding. Inputs
 * are finite from bar 0 unless a method says otherwise.
 */
final class Reference {

  private Reference() {}

  static double[] sma(double[] x, int n) {
    double[] out = nan(x.length);
    for (int i = n - 1; i < x.length; i++) {
      double sum = 0;
      for (int j = i - n + 1; j <= i; j++) {
        sum += x[j];
      }
      out[i] = sum / n;
    }
    return out;
  }

  /** EMA seeded by the SMA of the first n values from the first finite one (so it nests). */
  static double[] ema(double[] x, int n) {
    double[] out = nan(x.length);
    int start = SeriesAssert.firstDefined(x);
    if (x.length - start < n) {
      return out;
    }
    double alpha = 2.0 / (n + 1);
    double sum = 0;
    for (int j = start; j < start + n; j++) {
      sum += x[j];
    }
    double value = sum / n;
    out[start + n - 1] = value;
    for (int i = start + n; i < x.length; i++) {
      value = alpha * x[i] + (1 - alpha) * value;
      out[i] = value;
    }
    return out;
  }

  /** The other common EMA: seeded with x[0], defined from bar 0. */
  static double[] emaSeededAtFirstValue(double[] x, int n) {
    double alpha = 2.0 / (n + 1);
    double[] out = new double[x.length];
    out[0] = x[0];
    for (int i = 1; i < x.length; i++) {
      out[i] = alpha * x[i] + (1 - alpha) * out[i - 1];
    }
    return out;
  }

  static double[] wma(double[] x, int n) {
    double[] out = nan(x.length);
    double weights = n * (n + 1) / 2.0;
    for (int i = n - 1; i < x.length; i++) {
      double sum = 0;
      for (int w = 1; w <= n; w++) {
        sum += w * x[i - n + w];
      }
      out[i] = sum / weights;
    }
    return out;
  }

  /** Element-wise a * p + b * q (NaN where either is NaN). */
  static double[] combine(double p, double[] a, double q, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = p * a[i] + q * b[i];
    }
    return out;
  }

  /**
   * KAMA: efficiency ratio ER = |x[i] - x[i-n]| / sum of |changes| over the same n changes (1 if
   * there are none), smoothing (ER * (2/3 - 2/31) + 2/31)^2, started from x[n-1]; first value at n.
   */
  static double[] kama(double[] x, int n) {
    double[] out = nan(x.length);
    double fast = 2.0 / 3;
    double slow = 2.0 / 31;
    double value = x[n - 1];
    for (int i = n; i < x.length; i++) {
      double path = 0;
      for (int j = i - n + 1; j <= i; j++) {
        path += Math.abs(x[j] - x[j - 1]);
      }
      double er = path == 0 ? 1 : Math.abs(x[i] - x[i - n]) / path;
      double sc = Math.pow(er * (fast - slow) + slow, 2);
      value = value + sc * (x[i] - value);
      out[i] = value;
    }
    return out;
  }

  /** Wilder's RSI: the first averages are plain means of the first n gains and losses. */
  static double[] rsi(double[] x, int n) {
    double[] out = nan(x.length);
    double gain = 0;
    double loss = 0;
    for (int i = 1; i <= n && i < x.length; i++) {
      double change = x[i] - x[i - 1];
      gain += Math.max(change, 0);
      loss += Math.max(-change, 0);
    }
    gain /= n;
    loss /= n;
    for (int i = n; i < x.length; i++) {
      if (i > n) {
        double change = x[i] - x[i - 1];
        gain = (gain * (n - 1) + Math.max(change, 0)) / n;
        loss = (loss * (n - 1) + Math.max(-change, 0)) / n;
      }
      out[i] = gain + loss == 0 ? 0 : 100 * gain / (gain + loss);
    }
    return out;
  }

  /**
   * MACD with TA-Lib's seeding: both EMAs start at bar slow-1, the slow one at the mean of
   * x[0..slow-1], the fast one at the mean of its last `fast` values x[slow-fast..slow-1]; the
   * signal EMA runs on the MACD line from there, seeded by the mean of its first `signal` values.
   * Returns {macd, signal, histogram}, all starting at slow+signal-2.
   */
  static double[][] macd(double[] x, int fast, int slow, int signal) {
    int n = x.length;
    double[] line = nan(n);
    double fastEma = mean(x, slow - fast, slow);
    double slowEma = mean(x, 0, slow);
    double af = 2.0 / (fast + 1);
    double as = 2.0 / (slow + 1);
    for (int i = slow - 1; i < n; i++) {
      if (i >= slow) {
        fastEma = af * x[i] + (1 - af) * fastEma;
        slowEma = as * x[i] + (1 - as) * slowEma;
      }
      line[i] = fastEma - slowEma;
    }
    double[] sig = ema(line, signal);
    double[] macd = nan(n);
    double[] hist = nan(n);
    for (int i = slow + signal - 2; i < n; i++) {
      macd[i] = line[i];
      hist[i] = line[i] - sig[i];
    }
    return new double[][] {macd, sig, hist};
  }

  static double[] trueRange(double[] h, double[] l, double[] c) {
    double[] out = nan(c.length);
    for (int i = 1; i < c.length; i++) {
      out[i] =
          Math.max(h[i] - l[i], Math.max(Math.abs(h[i] - c[i - 1]), Math.abs(l[i] - c[i - 1])));
    }
    return out;
  }

  /** Wilder's ATR seeded by the mean of the first n true ranges (bars 1..n). */
  static double[] atr(double[] h, double[] l, double[] c, int n) {
    double[] tr = trueRange(h, l, c);
    double[] out = nan(c.length);
    if (c.length <= n) {
      return out;
    }
    double value = mean(tr, 1, n + 1);
    out[n] = value;
    for (int i = n + 1; i < c.length; i++) {
      value = (value * (n - 1) + tr[i]) / n;
      out[i] = value;
    }
    return out;
  }

  /** Population standard deviation, two passes over each window. */
  static double[] stddev(double[] x, int n) {
    double[] out = nan(x.length);
    for (int i = n - 1; i < x.length; i++) {
      double m = mean(x, i - n + 1, i + 1);
      double ss = 0;
      for (int j = i - n + 1; j <= i; j++) {
        ss += (x[j] - m) * (x[j] - m);
      }
      out[i] = Math.sqrt(ss / n);
    }
    return out;
  }

  /**
   * Fast %K = 100 (close - lowest low) / (highest high - lowest low) over n bars, 0 for a flat
   * range.
   */
  static double[] fastK(double[] h, double[] l, double[] c, int n) {
    double[] out = nan(c.length);
    int start =
        Math.max(
            SeriesAssert.firstDefined(c),
            Math.max(SeriesAssert.firstDefined(h), SeriesAssert.firstDefined(l)));
    for (int i = start + n - 1; i < c.length; i++) {
      double hh = Double.NEGATIVE_INFINITY;
      double ll = Double.POSITIVE_INFINITY;
      for (int j = i - n + 1; j <= i; j++) {
        hh = Math.max(hh, h[j]);
        ll = Math.min(ll, l[j]);
      }
      out[i] = hh == ll ? 0 : 100 * (c[i] - ll) / (hh - ll);
    }
    return out;
  }

  /**
   * Williams %R = -100 (highest high - close) / (highest high - lowest low), 0 for a flat range.
   */
  static double[] williamsR(double[] h, double[] l, double[] c, int n) {
    double[] out = nan(c.length);
    for (int i = n - 1; i < c.length; i++) {
      double hh = max(h, i - n + 1, i + 1);
      double ll = min(l, i - n + 1, i + 1);
      out[i] = hh == ll ? 0 : -100 * (hh - c[i]) / (hh - ll);
    }
    return out;
  }

  /** SMA that starts at the first finite value (for smoothing other indicators). */
  static double[] smaFromFirstDefined(double[] x, int n) {
    double[] out = nan(x.length);
    int start = SeriesAssert.firstDefined(x);
    for (int i = start + n - 1; i < x.length; i++) {
      out[i] = mean(x, i - n + 1, i + 1);
    }
    return out;
  }

  /** CCI with the mean absolute deviation of the typical price from its SMA over the window. */
  static double[] cci(double[] h, double[] l, double[] c, int n) {
    double[] tp = typicalPrice(h, l, c);
    double[] out = nan(c.length);
    for (int i = n - 1; i < c.length; i++) {
      double m = mean(tp, i - n + 1, i + 1);
      double dev = 0;
      for (int j = i - n + 1; j <= i; j++) {
        dev += Math.abs(tp[j] - m);
      }
      dev /= n;
      out[i] = dev == 0 || tp[i] == m ? 0 : (tp[i] - m) / (0.015 * dev);
    }
    return out;
  }

  /**
   * MFI over the last n changes of the typical price; a flow with an unchanged price counts
   * nowhere.
   */
  static double[] mfi(double[] h, double[] l, double[] c, double[] v, int n) {
    double[] tp = typicalPrice(h, l, c);
    double[] out = nan(c.length);
    for (int i = n; i < c.length; i++) {
      double up = 0;
      double down = 0;
      for (int j = i - n + 1; j <= i; j++) {
        if (tp[j] > tp[j - 1]) {
          up += tp[j] * v[j];
        } else if (tp[j] < tp[j - 1]) {
          down += tp[j] * v[j];
        }
      }
      out[i] = 100 * up / (up + down);
    }
    return out;
  }

  static double[] obv(double[] c, double[] v) {
    double[] out = new double[c.length];
    out[0] = v[0];
    for (int i = 1; i < c.length; i++) {
      out[i] = out[i - 1] + Math.signum(c[i] - c[i - 1]) * v[i];
    }
    return out;
  }

  /** Aroon over the last n+1 bars, the most recent extreme winning ties. Returns {up, down}. */
  static double[][] aroon(double[] h, double[] l, int n) {
    double[] up = nan(h.length);
    double[] down = nan(h.length);
    for (int i = n; i < h.length; i++) {
      int hi = i - n;
      int lo = i - n;
      for (int j = i - n; j <= i; j++) {
        if (h[j] >= h[hi]) {
          hi = j;
        }
        if (l[j] <= l[lo]) {
          lo = j;
        }
      }
      up[i] = 100.0 * (n - (i - hi)) / n;
      down[i] = 100.0 * (n - (i - lo)) / n;
    }
    return new double[][] {up, down};
  }

  /**
   * +DI, -DI and ADX with TA-Lib's seeding: the Wilder sums of +DM, -DM and TR start as plain sums
   * over bars 1..n-1, and from bar n on each step is sum - sum/n + today's value; DI = 100 DM / TR
   * from bar n. DX = 100 |+DI - -DI| / (+DI + -DI); ADX at bar 2n-1 is the mean of DX over bars
   * n..2n-1, then (ADX * (n-1) + DX) / n. Returns {plusDi, minusDi, adx}.
   */
  static double[][] dmi(double[] h, double[] l, double[] c, int n) {
    int size = c.length;
    double[] plus = nan(size);
    double[] minus = nan(size);
    double[] adx = nan(size);
    double plusDm = 0;
    double minusDm = 0;
    double tr = 0;
    double[] trueRange = trueRange(h, l, c);
    double dxSum = 0;
    double adxValue = 0;
    for (int i = 1; i < size; i++) {
      double up = h[i] - h[i - 1];
      double dn = l[i - 1] - l[i];
      double pdm = up > 0 && up > dn ? up : 0;
      double mdm = dn > 0 && dn > up ? dn : 0;
      if (i < n) {
        plusDm += pdm;
        minusDm += mdm;
        tr += trueRange[i];
        continue;
      }
      plusDm = plusDm - plusDm / n + pdm;
      minusDm = minusDm - minusDm / n + mdm;
      tr = tr - tr / n + trueRange[i];
      plus[i] = 100 * plusDm / tr;
      minus[i] = 100 * minusDm / tr;
      double dx = 100 * Math.abs(plus[i] - minus[i]) / (plus[i] + minus[i]);
      if (i < 2 * n - 1) {
        dxSum += dx;
      } else if (i == 2 * n - 1) {
        adxValue = (dxSum + dx) / n;
        adx[i] = adxValue;
      } else {
        adxValue = (adxValue * (n - 1) + dx) / n;
        adx[i] = adxValue;
      }
    }
    return new double[][] {plus, minus, adx};
  }

  static double[] highest(double[] x, int n) {
    double[] out = nan(x.length);
    for (int i = n - 1; i < x.length; i++) {
      out[i] = max(x, i - n + 1, i + 1);
    }
    return out;
  }

  static double[] lowest(double[] x, int n) {
    double[] out = nan(x.length);
    for (int i = n - 1; i < x.length; i++) {
      out[i] = min(x, i - n + 1, i + 1);
    }
    return out;
  }

  static double[] typicalPrice(double[] h, double[] l, double[] c) {
    double[] tp = new double[c.length];
    for (int i = 0; i < c.length; i++) {
      tp[i] = (h[i] + l[i] + c[i]) / 3;
    }
    return tp;
  }

  /** Mean of x[from, to). */
  static double mean(double[] x, int from, int to) {
    double sum = 0;
    for (int j = from; j < to; j++) {
      sum += x[j];
    }
    return sum / (to - from);
  }

  private static double max(double[] x, int from, int to) {
    double m = Double.NEGATIVE_INFINITY;
    for (int j = from; j < to; j++) {
      m = Math.max(m, x[j]);
    }
    return m;
  }

  private static double min(double[] x, int from, int to) {
    double m = Double.POSITIVE_INFINITY;
    for (int j = from; j < to; j++) {
      m = Math.min(m, x[j]);
    }
    return m;
  }
}
