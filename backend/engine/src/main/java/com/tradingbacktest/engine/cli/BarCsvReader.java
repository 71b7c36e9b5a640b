package com.tradingbacktest.engine.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads OHLCV bars from a CSV with a header. Columns are matched by name in any case: a time column
 * ({@code date}, {@code time}, {@code datetime}, {@code timestamp}, or {@code date} plus {@code time}, or an
 * unnamed first column as pandas writes the index), {@code open}, {@code high}, {@code low},
 * {@code close}, and optionally {@code volume}; other columns ({@code adj close}, {@code openinterest})
 * are ignored. Times may be ISO dates, ISO date-times with or without an offset (without one they are in
 * {@code zone}), {@code yyyy-MM-dd HH:mm:ss}, or epoch seconds or milliseconds.
 */
public final class BarCsvReader {

  /** Parsed columns, in file order. */
  public record Columns(long[] times, double[] open, double[] high, double[] low, double[] close, double[] volume) {}

  /** A row that could not be read; {@code line} counts from 1 with the header as line 1. */
  public static final class CsvException extends IllegalArgumentException {
    CsvException(String message) {
      super(message);
    }
  }

  private BarCsvReader() {}

  public static Columns read(Path file, ZoneId zone) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null) {
        throw new CsvException(file + " is empty");
      }
      String[] names = split(stripBom(header));
      int time = -1;
      int date = -1;
      int clock = -1;
      int open = -1;
      int high = -1;
      int low = -1;
      int close = -1;
      int volume = -1;
      for (int i = 0; i < names.length; i++) {
        String name = names[i].trim().toLowerCase(Locale.ROOT).replace("\"", "");
        switch (name) {
          case "datetime", "timestamp", "open_time", "open time", "candle_date_time_utc" -> time = i;
          case "date" -> date = i;
          case "time" -> clock = i;
          case "open", "opening_price" -> open = i;
          case "high", "high_price" -> high = i;
          case "low", "low_price" -> low = i;
          case "close", "trade_price" -> close = i;
          case "volume", "candle_acc_trade_volume" -> volume = i;
          case "" -> {
            if (i == 0) {
              time = 0; // pandas writes the index as an unnamed first column
            }
          }
          default -> { }
        }
      }
      if (time < 0 && date >= 0 && clock < 0) {
        time = date;
        date = -1;
      } else if (time < 0 && date < 0 && clock >= 0) {
        time = clock;
        clock = -1;
      }
      List<String> missing = new ArrayList<>();
      if (time < 0 && date < 0) {
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
        throw new CsvException("The header has no " + String.join(", ", missing) + " column: " + header);
      }
      LongColumn times = new LongColumn();
      DoubleColumn o = new DoubleColumn();
      DoubleColumn h = new DoubleColumn();
      DoubleColumn l = new DoubleColumn();
      DoubleColumn c = new DoubleColumn();
      DoubleColumn v = new DoubleColumn();
      String line;
      int lineNo = 1;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = split(line);
        try {
          long t = time >= 0 && date < 0
              ? parseTime(field(f, time), zone)
              : parseTime(field(f, date) + "T" + field(f, clock), zone);
          times.add(t);
          o.add(number(f, open, "open"));
          h.add(number(f, high, "high"));
          l.add(number(f, low, "low"));
          c.add(number(f, close, "close"));
          v.add(volume < 0 ? 0 : number(f, volume, "volume"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
          throw new CsvException("line " + lineNo + ": " + e.getMessage());
        }
      }
      return new Columns(times.toArray(), o.toArray(), h.toArray(), l.toArray(), c.toArray(), v.toArray());
    }
  }

  /** See {@link com.tradingbacktest.engine.series.TimeText}; a bad time names itself in the error. */
  static long parseTime(String text, ZoneId zone) {
    String s = text.trim().replace("\"", "");
    try {
      return com.tradingbacktest.engine.series.TimeText.parse(s, zone);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException("unreadable time '" + text.trim() + "'");
    }
  }

  private static String field(String[] fields, int index) {
    if (index >= fields.length) {
      throw new IllegalArgumentException("expected at least " + (index + 1) + " fields, found " + fields.length);
    }
    return fields[index];
  }

  private static double number(String[] fields, int index, String name) {
    String text = field(fields, index).trim().replace("\"", "");
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " '" + text + "' is not a number");
    }
  }

  private static String[] split(String line) {
    return line.split(",", -1);
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static final class DoubleColumn {
    private double[] values = new double[1024];
    private int size;

    void add(double v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    double[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }

  private static final class LongColumn {
    private long[] values = new long[1024];
    private int size;

    void add(long v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    long[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
