package com.tradingbacktest.engine.series;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads OHLCV rows from a CSV as they stream in, one line at a time, checking each: the one CSV
 * reader of the product, used by the command-line runner and the app's importer.
 *
 * <p>Formats: a header naming the columns in any case, with common aliases (Yahoo Finance's {@code
 * Date,Open,High,Low,Close,Adj Close,Volume}, pandas' unnamed index column, Upbit's {@code
 * candle_date_time_kst, opening_price, high_price, low_price, trade_price,
 * candle_acc_trade_volume}, Korean {@code 날짜,시가,고가,저가,종가,거래량}); or Binance's headerless kline files
 * ({@code open_time, open, high, low, close, volume, close_time, ...} with epoch milli- or
 * microseconds). Optional columns: {@code Adj Close} (also {@code adj_close}, {@code adjclose},
 * {@code adjusted close}), the adjusted close a dividend and split history can be derived from
 * (prices.AdjustedCloseActions), and {@code halted} ({@code true/false}, {@code 1/0}, {@code Y/N},
 * empty for false), a trading halt on that bar. Times: ISO dates, ISO date-times with or without an
 * offset (without one they are in the given zone; Upbit's {@code _kst} column is Seoul time),
 * {@code yyyy-MM-dd HH:mm:ss}, {@code yyyy.MM.dd}, {@code yyyy/MM/dd}, {@code yyyyMMdd}, or epoch
 * seconds, milli- or microseconds.
 */
public final class BarCsv {

  /**
   * A row that passed every per-row check: its line, open time (epoch ms UTC) and values.
   *
   * @param adjClose the {@code Adj Close} column's value (positive), NaN when the file has none or
   *     the row leaves it empty (or {@code null}, as Yahoo writes)
   * @param halted the {@code halted} column's flag, false when the file has none
   */
  public record Row(
      int line,
      long time,
      double open,
      double high,
      double low,
      double close,
      double volume,
      double adjClose,
      boolean halted) {

    /** A row of prices alone: no adjusted close, not halted. */
    public Row(
        int line, long time, double open, double high, double low, double close, double volume) {
      this(line, time, open, high, low, close, volume, Double.NaN, false);
    }

    /** This row at another time, everything else kept. */
    public Row at(long otherTime) {
      return new Row(line, otherTime, open, high, low, close, volume, adjClose, halted);
    }
  }

  /** A row that failed a check: its line (the header is line 1) and why. */
  public record Problem(int line, String reason) {}

  public interface Handler {
    void row(Row row) throws IOException;

    void problem(Problem problem);
  }

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
    CsvColumns layout;
    boolean headerless = looksNumeric(cells);
    if (headerless) {
      if (cells.size() < 6) {
        throw new FormatException(
            "Line 1 has no header and is not a Binance kline row (open_time, open, high, low, "
                + "close, volume, ...). Add a header such as Date,Open,High,Low,Close,Volume.");
      }
      layout = CsvColumns.BINANCE_KLINE;
    } else {
      layout = CsvColumns.fromHeader(cells);
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

  private static void check(
      int line, List<String> f, CsvColumns layout, ZoneId zone, Handler handler)
      throws IOException {
    int needed = layout.maxIndex() + 1;
    if (f.size() < needed) {
      handler.problem(
          new Problem(line, "expected at least " + needed + " fields, found " + f.size()));
      return;
    }
    long time;
    try {
      String t = f.get(layout.time()).trim();
      if (layout.clock() >= 0) {
        t = t + "T" + f.get(layout.clock()).trim();
      }
      time = TimeText.parse(t, layout.fixedZone() != null ? layout.fixedZone() : zone);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      handler.problem(new Problem(line, "unreadable time '" + f.get(layout.time()).trim() + "'"));
      return;
    }
    String o = DecimalText.clean(f.get(layout.open()));
    String h = DecimalText.clean(f.get(layout.high()));
    String l = DecimalText.clean(f.get(layout.low()));
    String c = DecimalText.clean(f.get(layout.close()));
    String v = layout.volume() < 0 ? "0" : DecimalText.clean(f.get(layout.volume()));
    double[] x = new double[5];
    String[] texts = {o, h, l, c, v};
    for (int k = 0; k < 5; k++) {
      x[k] = DecimalText.plainDecimal(texts[k]);
      if (!Double.isNaN(x[k])) {
        continue;
      }
      if (!DecimalText.isDecimal(texts[k])) {
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
      optionalColumns(line, f, layout, time, x, handler);
    }
  }

  /** Reads the optional adjusted close and halt flag, then hands the row on. */
  private static void optionalColumns(
      int line, List<String> f, CsvColumns layout, long time, double[] x, Handler handler)
      throws IOException {
    double adjClose = Double.NaN;
    if (layout.adjClose() >= 0 && layout.adjClose() < f.size()) {
      String text = f.get(layout.adjClose()).trim();
      // Yahoo writes null where it has no adjusted close: the same as an empty cell.
      if (!text.isEmpty() && !text.equalsIgnoreCase("null")) {
        String a = DecimalText.clean(text);
        adjClose = DecimalText.isDecimal(a) ? Double.parseDouble(a) : Double.NaN;
        if (!(adjClose > 0) || !Double.isFinite(adjClose)) {
          handler.problem(new Problem(line, "adj close '" + a + "' is not a positive number"));
          return;
        }
      }
    }
    boolean halted = false;
    if (layout.halted() >= 0 && layout.halted() < f.size()) {
      String flag = f.get(layout.halted()).trim().toLowerCase(java.util.Locale.ROOT);
      switch (flag) {
        case "true", "1", "y", "yes" -> halted = true;
        case "false", "0", "n", "no", "" -> halted = false;
        default -> {
          handler.problem(new Problem(line, "halted '" + flag + "' is not true/false, 1/0 or Y/N"));
          return;
        }
      }
    }
    handler.row(new Row(line, time, x[0], x[1], x[2], x[3], x[4], adjClose, halted));
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

  /** The file as a whole cannot be read (empty, or a header without the needed columns). */
  public static final class FormatException extends IllegalArgumentException {
    FormatException(String message) {
      super(message);
    }
  }
}
