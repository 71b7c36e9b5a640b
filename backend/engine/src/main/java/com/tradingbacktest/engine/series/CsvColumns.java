package com.tradingbacktest.engine.series;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of a bar CSV holds what: found by the header's names (in any case, with the aliases
 * of Yahoo, pandas, Upbit, Binance and Korean exports), or Binance's fixed kline order when there
 * is no header. A column index is -1 when absent; {@code fixedZone} is set when the time column
 * names its own zone (Upbit's {@code _utc} and {@code _kst}). {@code adjClose} (Yahoo's {@code Adj
 * Close}) and {@code halted} are optional and read only when a row has them.
 */
record CsvColumns(
    int time,
    int clock,
    int open,
    int high,
    int low,
    int close,
    int volume,
    ZoneId fixedZone,
    int adjClose,
    int halted) {

  /**
   * Binance's headerless kline files: open_time, open, high, low, close, volume, close_time, ...
   */
  static final CsvColumns BINANCE_KLINE = new CsvColumns(0, -1, 1, 2, 3, 4, 5, null, -1, -1);

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("date", "time"),
          Map.entry("time", "clock"),
          Map.entry("datetime", "time"),
          Map.entry("timestamp", "time"),
          Map.entry("open_time", "time"),
          Map.entry("open time", "time"),
          Map.entry("candle_date_time_utc", "time_utc"),
          Map.entry("candle_date_time_kst", "time_kst"),
          Map.entry("날짜", "time"),
          Map.entry("일자", "time"),
          Map.entry("일시", "time"),
          Map.entry("open", "open"),
          Map.entry("opening_price", "open"),
          Map.entry("시가", "open"),
          Map.entry("high", "high"),
          Map.entry("high_price", "high"),
          Map.entry("고가", "high"),
          Map.entry("low", "low"),
          Map.entry("low_price", "low"),
          Map.entry("저가", "low"),
          Map.entry("close", "close"),
          Map.entry("trade_price", "close"),
          Map.entry("종가", "close"),
          Map.entry("volume", "volume"),
          Map.entry("candle_acc_trade_volume", "volume"),
          Map.entry("거래량", "volume"),
          Map.entry("vol", "volume"),
          Map.entry("adj close", "adj_close"),
          Map.entry("adj_close", "adj_close"),
          Map.entry("adjclose", "adj_close"),
          Map.entry("adjusted close", "adj_close"),
          Map.entry("adjusted_close", "adj_close"),
          Map.entry("halted", "halted"),
          Map.entry("halt", "halted"),
          Map.entry("거래정지", "halted"));

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  int maxIndex() {
    return Math.max(
        Math.max(Math.max(time, clock), Math.max(open, high)),
        Math.max(Math.max(low, close), volume));
  }

  static CsvColumns fromHeader(List<String> header) {
    int time = -1;
    int clock = -1;
    int open = -1;
    int high = -1;
    int low = -1;
    int close = -1;
    int volume = -1;
    int adjClose = -1;
    int halted = -1;
    ZoneId fixed = null;
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).trim().toLowerCase(Locale.ROOT);
      String role = name.isEmpty() && i == 0 ? "time" : ALIASES.get(name);
      if (role == null) {
        continue; // openinterest, quote volume...: not needed
      }
      switch (role) {
        case "time" -> time = time < 0 ? i : time;
        case "time_utc" -> {
          time = i;
          fixed = ZoneId.of("UTC");
        }
        case "time_kst" -> {
          if (fixed == null) {
            time = i;
            fixed = SEOUL;
          }
        }
        case "clock" -> clock = i;
        case "open" -> open = open < 0 ? i : open;
        case "high" -> high = high < 0 ? i : high;
        case "low" -> low = low < 0 ? i : low;
        case "close" -> close = close < 0 ? i : close;
        case "volume" -> volume = volume < 0 ? i : volume;
        case "adj_close" -> adjClose = adjClose < 0 ? i : adjClose;
        case "halted" -> halted = halted < 0 ? i : halted;
        default -> {}
      }
    }
    if (time < 0 && clock >= 0) {
      time = clock;
      clock = -1;
    }
    List<String> missing = new ArrayList<>();
    if (time < 0) {
      missing.add("date/time");
    }
    if (open < 0) {
      missing.add("open");
    }
    if (high < 0) {
      missing.add("high");
    }
    if (low < 0) {
      missing.add("low");
    }
    if (close < 0) {
      missing.add("close");
    }
    if (!missing.isEmpty()) {
      throw new BarCsv.FormatException(
          "The header has no "
              + String.join(", ", missing)
              + " column. Found: "
              + String.join(", ", header)
              + ". Expected names such as Date,Open,High,Low,Close,Volume.");
    }
    return new CsvColumns(time, clock, open, high, low, close, volume, fixed, adjClose, halted);
  }
}
