package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.engine.series.BarSeries;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content hash of bars a run read: SHA-256 over each bar in order, its open time (epoch
 * milliseconds) then open, high, low, close and volume as the bits of their doubles, all 8 bytes
 * big-endian. Equal hashes mean the engine saw exactly the same numbers, so a run repeated on them
 * computes the same result bit for bit.
 */
public final class BarsFingerprint {

  private BarsFingerprint() {}

  /** 64 lowercase hex digits. */
  public static String of(BarSeries bars) {
    MessageDigest sha = sha256();
    update(sha, bars);
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * The hash of a run's bars and its benchmark's bars (null: none, the same as {@link
   * #of(BarSeries)}): the run's bars as above, then the benchmark's bar count as 8 bytes, then its
   * bars the same way. So a rerun shows whether either series changed.
   */
  public static String of(BarSeries bars, BarSeries benchmark) {
    if (benchmark == null) {
      return of(bars);
    }
    MessageDigest sha = sha256();
    update(sha, bars);
    sha.update(ByteBuffer.allocate(8).putLong(benchmark.size()).array());
    update(sha, benchmark);
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * The hash of a portfolio run's bars: for each symbol, then each FX series, then the benchmark
   * (when there is one), its ticker's UTF-8 bytes, its bar count as 8 bytes and its bars as above.
   * So a rerun shows whether any series it read changed.
   */
  public static String ofPortfolio(
      java.util.List<BarSeries> universe, java.util.List<BarSeries> fx, BarSeries benchmark) {
    MessageDigest sha = sha256();
    for (BarSeries bars : universe) {
      section(sha, bars);
    }
    for (BarSeries bars : fx) {
      section(sha, bars);
    }
    if (benchmark != null) {
      section(sha, benchmark);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * A fingerprint of bars extended by what else decided the prices the engine saw (a run's price
   * adjustment and its series' corporate actions, as canonical text): SHA-256 of the bars'
   * fingerprint, a newline and that text, as UTF-8. {@code inputs} null: the bars' fingerprint
   * itself, so runs that read their bars as stored keep theirs.
   */
  public static String withPriceInputs(String fingerprint, String inputs) {
    if (inputs == null) {
      return fingerprint;
    }
    MessageDigest sha = sha256();
    sha.update((fingerprint + "\n" + inputs).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest());
  }

  /** SHA-256 of price inputs alone (see {@link #withPriceInputs}); null for none. */
  public static String ofPriceInputs(String inputs) {
    if (inputs == null) {
      return null;
    }
    MessageDigest sha = sha256();
    sha.update(inputs.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void section(MessageDigest sha, BarSeries bars) {
    sha.update(bars.symbol().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    sha.update(ByteBuffer.allocate(8).putLong(bars.size()).array());
    update(sha, bars);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static void update(MessageDigest sha, BarSeries bars) {
    // Up to 1,024 bars per digest call: the same bytes in the same order, fewer calls.
    ByteBuffer bar = ByteBuffer.allocate(48 * 1024);
    long[] time = bars.times();
    double[] open = bars.open();
    double[] high = bars.high();
    double[] low = bars.low();
    double[] close = bars.close();
    double[] volume = bars.volume();
    for (int i = 0; i < bars.size(); i++) {
      if (!bar.hasRemaining()) {
        sha.update(bar.array(), 0, bar.position());
        bar.clear();
      }
      bar.putLong(time[i])
          .putLong(Double.doubleToRawLongBits(open[i]))
          .putLong(Double.doubleToRawLongBits(high[i]))
          .putLong(Double.doubleToRawLongBits(low[i]))
          .putLong(Double.doubleToRawLongBits(close[i]))
          .putLong(Double.doubleToRawLongBits(volume[i]));
    }
    sha.update(bar.array(), 0, bar.position());
  }
}
