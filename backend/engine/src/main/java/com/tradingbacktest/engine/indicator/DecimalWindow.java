package com.tradingbacktest.engine.indicator;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;

/**
 * Rolling window sums of decimal numbers kept exactly, behind the SMA (and so the Bollinger middle
 * band and the stochastics' smoothing) and the mean and variance inside {@code stddev}/{@code
 * bollinger}: issue 18's exact ties.
 *
 * <p>Prices are decimals, and a running {@code double} sum of decimals rounds at every step: the
 * SMA(10) and SMA(30) of ORCL on 2004-06-29 are both 11.375 in decimal, but came out as
 * 11.375000000000002 and 11.374999999999993, so a crossover fired a bar early. Here each value that
 * is the double nearest to a decimal {@code K / 10^d} with {@code d <= 8} places counts as the
 * integer {@code K}, the window's sum of those integers is kept exactly, and the mean is one
 * division {@code sum / (length * 10^d)}. When both are exact doubles (below 2^53) IEEE division
 * rounds the true quotient correctly, so the mean is the double nearest to the true decimal mean,
 * whatever the order of the values: equal means compare equal.
 *
 * <p>{@code d} is the column's scale: it starts at 0 and grows (to at most 8) at the first value
 * that needs more places, so prices in whole won keep small integers, and the scale at a bar
 * depends only on the values up to it (no look-ahead). A window's exact mean does not depend on the
 * scale. The integers are summed in {@code double} (exact below 2^53, and the fastest) while {@code
 * length * |K|} stays within 2^52 ({@link #narrowLimit}), else in {@code long}. The fallbacks, each
 * documented in docs/ENGINE.md:
 *
 * <ul>
 *   <li>a window's integer sum beyond 2^53 (large prices x many decimals x a long window): the same
 *       exact sum divided with {@link BigInteger} arithmetic, still correctly rounded;
 *   <li>a value that is not such a decimal, or too large for the window's sum to stay below 2^63
 *       ({@code |K| > min(2^53, (2^63 - 1) / length)}): the windows that hold it are summed in
 *       {@code double} with Neumaier's compensation, accurate to a couple of ulps of the mean but
 *       not guaranteed to be the correctly rounded mean (the variance of those windows is TA-Lib's
 *       VAR).
 * </ul>
 */
final class DecimalWindow {

  /** The most decimal places a value may have to be summed exactly. */
  static final int MAX_DECIMALS = 8;

  /** The largest integer up to which every integer is a double. */
  private static final long EXACT_DOUBLE = 1L << 53;

  private static final long[] POW10 = new long[MAX_DECIMALS + 1];

  private static final double[] POW10_DOUBLE = new double[MAX_DECIMALS + 1];

  static {
    long p = 1;
    for (int d = 0; d <= MAX_DECIMALS; d++) {
      POW10[d] = p;
      POW10_DOUBLE[d] = p;
      p *= 10;
    }
  }

  private static final long EXPONENT_BITS = 0x7ff0000000000000L;

  /**
   * Whether the JIT turns {@link Math#fma} into the processor's instruction (x86-64 since 2013,
   * every ARMv8). Without it Math.fma computes through BigDecimal, a thousand times slower, and
   * {@link #isNearest} uses an exact product of its own instead.
   */
  private static final boolean HARDWARE_FMA = hardwareFma();

  /** {@link #classify}: the value is not a decimal the window can sum exactly. */
  static final int NOT_DECIMAL = -1;

  /** {@link #classify}: NaN or infinite. */
  static final int NOT_FINITE = -2;

  final double[] x;
  final int length;

  /**
   * The largest |K| the window counts, so that its sum stays below 2^63 and (for the variance)
   * {@code length * sum(K^2)} below 2^126.
   */
  final long limit;

  /** The largest |K| for the {@code double} sum: {@code length * |K| <= 2^52}. */
  final double narrowLimit;

  int decimals;
  double scale = 1;
  long divisor;
  double divisorDouble;

  /** The window's integers at the current scale, 0 for values not counted. */
  long[] ring;

  /** The window's integer sum, the loop's state while a rare path works on it. */
  long sum;

  private double compensatedSum;
  private double compensation;

  DecimalWindow(double[] x, int length) {
    this.x = x;
    this.length = length;
    this.limit = Math.min(EXACT_DOUBLE, Long.MAX_VALUE / length);
    this.narrowLimit = Math.floor(0x1p52 / length);
    this.divisor = length;
    this.divisorDouble = length;
  }

  /**
   * Whether {@code v} is the double nearest to the integer {@code k} divided by {@code scale}, i.e.
   * {@code |v * scale - k| < scale * ulp(v) / 2}, without a division (the divider is the SMA's
   * bottleneck: the mean needs it already). {@code v * scale - k} is exact: with the fused
   * multiply-add it is rounded once and is representable (a multiple of ulp(v) below {@code scale *
   * ulp(v)}); without it {@code v * scale} is {@code high * scale + low * scale} exactly
   * (Veltkamp's split into halves of 26 bits, {@code scale < 2^27}), {@code high * scale - k} is
   * exact (Sterbenz), and the last addition rounds monotonically, so a result below the bound
   * proves the exact one below it. A result on the bound (a tie), 0, and subnormal, infinite or NaN
   * values answer false, left to {@link #classify}.
   */
  static boolean isNearest(double v, double k, double scale) {
    return HARDWARE_FMA ? isNearestByFma(v, k, scale) : isNearestBySplit(v, k, scale);
  }

  static boolean isNearestByFma(double v, double k, double scale) {
    return Math.abs(Math.fma(v, scale, -k)) < halfUlp(v) * scale;
  }

  static boolean isNearestBySplit(double v, double k, double scale) {
    double split = v * 134217729.0; // 2^27 + 1
    double high = split - (split - v);
    double low = v - high;
    return Math.abs((high * scale - k) + low * scale) < halfUlp(v) * scale;
  }

  /** ulp(v) / 2 from v's exponent bits; not positive for 0 and subnormal v. */
  private static double halfUlp(double v) {
    return Double.longBitsToDouble((Double.doubleToRawLongBits(v) & EXPONENT_BITS) - (53L << 52));
  }

  /**
   * True for nearly every value that is no decimal of at most 8 places, without a division: when v
   * is the double nearest to {@code K / 10^8}, {@code t = v * 10^8} is K to two roundings, so
   * {@code |t - K| < |t| * 2^-51}, and the integer nearest to t is no further. A value further from
   * every integer is none. False for NaN and infinities (left to {@link #classify}).
   */
  static boolean isSurelyNotDecimal(double v) {
    double t = v * POW10_DOUBLE[MAX_DECIMALS];
    return Math.abs(t - Math.rint(t)) > Math.abs(t) * 0x1p-51;
  }

  /**
   * What {@code v} is, once it failed {@link #isNearest} at the current scale: {@link #NOT_FINITE},
   * {@link #NOT_DECIMAL}, or the fewest decimal places, at least the current ones, at which it is a
   * decimal within {@link #limit}, found by division.
   */
  int classify(double v) {
    if (!Double.isFinite(v)) {
      return NOT_FINITE;
    }
    if (isSurelyNotDecimal(v)) {
      return NOT_DECIMAL;
    }
    for (int d = decimals; d <= MAX_DECIMALS; d++) {
      double s = POW10_DOUBLE[d];
      double k = Math.rint(v * s);
      if (Math.abs(k) > limit) {
        return NOT_DECIMAL; // and more places only make it larger
      }
      if (k / s == v) {
        return d;
      }
    }
    return NOT_DECIMAL;
  }

  /** {@code 10^d}. */
  static double scale(int d) {
    return POW10_DOUBLE[d];
  }

  /** Moves to {@code d} decimal places, once the caller rescaled its integers. */
  void setDecimals(int d) {
    decimals = d;
    scale = POW10_DOUBLE[d];
    divisor = length * POW10[d];
    divisorDouble = divisor;
  }

  /**
   * Moves the {@code long} window ({@link #ring}, {@link #sum}) to {@code d} decimal places, every
   * integer times {@code 10^(d - decimals)}. Refused (false, nothing changed) when one of them
   * would leave the {@link #limit}; the value asking for it then counts as not decimal.
   */
  boolean rescale(int d) {
    long factor = POW10[d - decimals];
    long max = limit / factor;
    for (long k : ring) {
      if (k > max || k < -max) {
        return false;
      }
    }
    for (int j = 0; j < ring.length; j++) {
      ring[j] *= factor;
    }
    sum *= factor;
    setDecimals(d);
    return true;
  }

  /** {@code sum / divisor} correctly rounded, for any sum the {@code long} window can hold. */
  double mean(long sum) {
    return sum <= EXACT_DOUBLE && sum >= -EXACT_DOUBLE ? sum / divisorDouble : divide(sum, divisor);
  }

  /**
   * The double nearest to {@code numerator / denominator} ({@code denominator > 0}): the quotient
   * to at least 55 significant bits with a sticky last bit for any remainder, which the conversion
   * to double then rounds once, to nearest even, as IEEE division would.
   */
  static double divide(long numerator, long denominator) {
    BigInteger n = BigInteger.valueOf(numerator).abs();
    BigInteger d = BigInteger.valueOf(denominator);
    int shift = Math.max(0, 55 + d.bitLength() - n.bitLength());
    BigInteger[] qr = n.shiftLeft(shift).divideAndRemainder(d);
    BigInteger q = qr[1].signum() == 0 ? qr[0] : qr[0].setBit(0);
    double magnitude = Math.scalb(q.doubleValue(), -shift);
    return numerator < 0 ? -magnitude : magnitude;
  }

  /**
   * The mean of the window ending at {@code i}, which holds a value not counted exactly: a {@code
   * double} sum with Neumaier's compensation, updated by the newest and the oldest value when
   * {@code continuing} (the previous window was summed this way too), else summed afresh.
   */
  double compensatedMean(int i, boolean continuing) {
    if (continuing) {
      add(x[i]);
      add(-x[i - length]);
    } else {
      compensatedSum = 0;
      compensation = 0;
      for (int j = i - length + 1; j <= i; j++) {
        add(x[j]);
      }
    }
    return (compensatedSum + compensation) / length;
  }

  private void add(double v) {
    double s = compensatedSum;
    double t = s + v;
    compensation += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
    compensatedSum = t;
  }

  private static boolean hardwareFma() {
    try {
      HotSpotDiagnosticMXBean vm =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return vm != null && Boolean.parseBoolean(vm.getVMOption("UseFMA").getValue());
    } catch (RuntimeException | LinkageError e) {
      return false; // not HotSpot, or no such flag: the portable product is correct everywhere
    }
  }
}
