package com.tradingbacktest.engine.series;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads OHLCV rows from a CSV as they stream in, one line at a time, checking each: the one CSV
 * reader of the product, used by the command-line runner and the app's importer.
 *
 * <p>Formats: a header naming the columns in any case, with common aliases (Yahoo Finance's {@code
 * Date,Open,High,Low,Close,Adj Close,Volume}, pandas' unnamed index column, Upbit's {@code
 * candle_date_time_kst, opening_price, high_price, low_price, trade_price,
 * candle_acc_trade_volume}, Korean {@code 날짜,시가,고가,저가,종가,거래량}); or Binance's headerless kline files
 * ({@code open_time, open, high, low, close, volume, close_time, ...} with epoch milli- or
 * microseconds). Times: ISO dates, ISO date-times with or without an offset (without one they are
 * in the given zone; Upbit's {@code _kst} column is Seoul time), {@code yyyy-MM-dd HH:mm:ss},
 * {@code yyyy.MM.dd}, {@code yyyy/MM/dd}, {@code yyyyMMdd}, or epoch seconds, milli- or
 * microseconds.
 */
public final class BarCsv {

  /** A row that passed every per-row check: its line, open time (epoch ms UTC) and values. */
  public record Row(
      int line, long time, double open, double high, double low, double close, double volume) {}

  /** A row that failed a check: its line (the header is line 1) and why. */
  public record Problem(int line, String reason) {}

  public interface Handler {
    void row(Row row) throws IOException;

    void problem(Problem problem);
  }

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
          Map.entry("vol", "volume"));

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final String[] NAMES = {"open", "high", "low", "close", "volume"};

  private BarCsv() {}

  /**
   * Parses the stream, handing each good row and each problem to {@code handler}.
   *
   * @throws FormatException when the file cannot be read at all (no rows, or a header without the
   *     columns)
   */
  public static void parse(BufferedReader in, ZoneId zone, Handler handler) throws IOException {
    String first = in.readLine();
    int line = 1;
    while (first != null && first.isBlank()) {
      first = in.readLine();
      line++;
    }
    if (first == null) {
      throw new FormatException("The file is empty.");
    }
    first = first.startsWith("\uFEFF") ? first.substring(1) : first;
    List<String> cells = split(first);
    Layout layout;
    boolean headerless = looksNumeric(cells);
    if (headerless) {
      if (cells.size() < 6) {
        throw new FormatException(
            "Line 1 has no header and is not a Binance kline row (open_time, open, high, low, "
                + "close, volume, ...). Add a header such as Date,Open,High,Low,Close,Volume.");
      }
      layout = new Layout(0, -1, 1, 2, 3, 4, 5, null);
    } else {
      layout = Layout.fromHeader(cells);
    }
    if (headerless) {
      check(line, cells, layout, zone, handler);
    }
    String text;
    while ((text = in.readLine()) != null) {
      line++;
      if (!text.isBlank()) {
        check(line, split(text), layout, zone, handler);
      }
    }
  }

  private static void check(int line, List<String> f, Layout layout, ZoneId zone, Handler handler)
      throws IOException {
    int needed = layout.maxIndex() + 1;
    if (f.size() < needed) {
      handler.problem(
          new Problem(line, "expected at least " + needed + " fields, found " + f.size()));
      return;
    }
    long time;
    try {
      String t = f.get(layout.time).trim();
      if (layout.clock >= 0) {
        t = t + "T" + f.get(layout.clock).trim();
      }
      time = TimeText.parse(t, layout.fixedZone != null ? layout.fixedZone : zone);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      handler.problem(new Problem(line, "unreadable time '" + f.get(layout.time).trim() + "'"));
      return;
    }
    String o = number(f.get(layout.open));
    String h = number(f.get(layout.high));
    String l = number(f.get(layout.low));
    String c = number(f.get(layout.close));
    String v = layout.volume < 0 ? "0" : number(f.get(layout.volume));
    double[] x = new double[5];
    String[] texts = {o, h, l, c, v};
    for (int k = 0; k < 5; k++) {
      x[k] = plainDecimal(texts[k]);
      if (!Double.isNaN(x[k])) {
        continue;
      }
      if (!isDecimal(texts[k])) {
        handler.problem(new Problem(line, NAMES[k] + " '" + texts[k] + "' is not a number"));
        return;
      }
      try {
        x[k] = Double.parseDouble(texts[k]);
      } catch (NumberFormatException e) {
        handler.problem(new Problem(line, NAMES[k] + " '" + texts[k] + "' is not a number"));
        return;
      }
      if (!Double.isFinite(x[k])) {
        handler.problem(new Problem(line, NAMES[k] + " '" + texts[k] + "' is not a finite number"));
        return;
      }
    }
    if (x[0] <= 0 || x[1] <= 0 || x[2] <= 0 || x[3] <= 0) {
      handler.problem(new Problem(line, "prices must be positive"));
    } else if (x[1] < x[2]) {
      handler.problem(new Problem(line, "high " + h + " is below low " + l));
    } else if (x[1] < Math.max(x[0], x[3])) {
      handler.problem(new Problem(line, "high " + h + " is below the open or close"));
    } else if (x[2] > Math.min(x[0], x[3])) {
      handler.problem(new Problem(line, "low " + l + " is above the open or close"));
    } else if (x[4] < 0) {
      handler.problem(new Problem(line, "volume " + v + " is negative"));
    } else {
      handler.row(new Row(line, time, x[0], x[1], x[2], x[3], x[4]));
    }
  }

  /** The number's text without quotes, spaces or thousands separators ("1,234.5" -> "1234.5"). */
  private static String number(String cell) {
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
  private static boolean isDecimal(String s) {
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

  private static boolean looksNumeric(List<String> cells) {
    return !cells.isEmpty()
        && cells.get(0).trim().chars().allMatch(Character::isDigit)
        && !cells.get(0).trim().isEmpty()
        && cells.get(0).trim().length() >= 9;
  }

  /** Splits one CSV line, honouring double quotes ("1,234" is one field). */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>(8);
    if (line.indexOf('"') < 0) { // the common case: cut at the separators
      int start = 0;
      for (int i = 0; i < line.length(); i++) {
        char ch = line.charAt(i);
        if (ch == ',' || ch == '\t' || ch == ';') {
          out.add(line.substring(start, i));
          start = i + 1;
        }
      }
      out.add(line.substring(start));
      return out;
    }
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if ((ch == ',' || ch == '\t' || ch == ';') && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString());
    return out;
  }

  /** Which column holds what. */
  private record Layout(
      int time, int clock, int open, int high, int low, int close, int volume, ZoneId fixedZone) {

    int maxIndex() {
      return Math.max(
          Math.max(Math.max(time, clock), Math.max(open, high)),
          Math.max(Math.max(low, close), volume));
    }

    static Layout fromHeader(List<String> header) {
      int time = -1;
      int clock = -1;
      int open = -1;
      int high = -1;
      int low = -1;
      int close = -1;
      int volume = -1;
      ZoneId fixed = null;
      for (int i = 0; i < header.size(); i++) {
        String name = header.get(i).trim().toLowerCase(Locale.ROOT);
        String role = name.isEmpty() && i == 0 ? "time" : ALIASES.get(name);
        if (role == null) {
          continue; // adj close, openinterest, quote volume...: not needed
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
        throw new FormatException(
            "The header has no "
                + String.join(", ", missing)
                + " column. Found: "
                + String.join(", ", header)
                + ". Expected names such as Date,Open,High,Low,Close,Volume.");
      }
      return new Layout(time, clock, open, high, low, close, volume, fixed);
    }
  }

  /** The file as a whole cannot be read (empty, or a header without the needed columns). */
  public static final class FormatException extends IllegalArgumentException {
    FormatException(String message) {
      super(message);
    }
  }
}
