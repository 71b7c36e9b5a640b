package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.engine.series.BarCsv;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Builds 1-minute OHLCV bars from a trade log ({@code timestamp,price,amount}, epoch seconds,
 * ascending).
 */
final class TradeBars {

  private TradeBars() {}

  static void minuteBars(BufferedReader trades, BarCsv.Handler out) throws IOException {
    String line = trades.readLine(); // header
    long minute = Long.MIN_VALUE;
    BigDecimal open = null;
    BigDecimal high = null;
    BigDecimal low = null;
    BigDecimal close = null;
    BigDecimal volume = BigDecimal.ZERO;
    int bar = 0;
    while ((line = trades.readLine()) != null) {
      String[] f = line.split(",", -1);
      if (f.length < 3) {
        continue;
      }
      long m = Long.parseLong(f[0].trim()) / 60 * 60_000;
      BigDecimal price = new BigDecimal(f[1].trim()).stripTrailingZeros();
      BigDecimal amount = new BigDecimal(f[2].trim());
      if (m != minute) {
        if (open != null) {
          out.row(row(++bar, minute, open, high, low, close, volume));
        }
        minute = m;
        open = high = low = price;
        volume = BigDecimal.ZERO;
      }
      high = high.max(price);
      low = low.min(price);
      close = price;
      volume = volume.add(amount);
    }
    if (open != null) {
      out.row(row(++bar, minute, open, high, low, close, volume));
    }
  }

  /** The finished bar of one minute (a new minute's first trade, or the log's end, finishes it). */
  private static BarCsv.Row row(
      int line,
      long minute,
      BigDecimal open,
      BigDecimal high,
      BigDecimal low,
      BigDecimal close,
      BigDecimal volume) {
    return new BarCsv.Row(
        line,
        minute,
        open.doubleValue(),
        high.doubleValue(),
        low.doubleValue(),
        close.doubleValue(),
        volume.doubleValue());
  }
}
