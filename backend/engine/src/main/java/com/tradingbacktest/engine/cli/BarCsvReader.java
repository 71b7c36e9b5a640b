package com.tradingbacktest.engine.cli;

import com.tradingbacktest.engine.series.BarCsv;
import com.tradingbacktest.engine.series.MonthlyRows;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * Reads a whole CSV of bars into columns for the command-line runner, with {@link BarCsv}'s formats
 * and checks; the first bad row stops it with its line.
 */
public final class BarCsvReader {

  /**
   * Parsed columns, in file order.
   *
   * @param adjClose the {@code Adj Close} column (NaN where a row left it empty), or null when no
   *     row has one
   * @param halted the {@code halted} column, or null when no row is halted
   */
  public record Columns(
      long[] times,
      double[] open,
      double[] high,
      double[] low,
      double[] close,
      double[] volume,
      double[] adjClose,
      boolean[] halted) {}

  /**
   * A file or row that could not be read; a row's message starts with its line (the header is line
   * 1).
   */
  public static final class CsvException extends IllegalArgumentException {
    CsvException(String message) {
      super(message);
    }
  }

  private BarCsvReader() {}

  public static Columns read(Path file, ZoneId zone) throws IOException {
    return read(file, zone, false);
  }

  /**
   * Reads the file; with {@code monthly}, each row is relabelled at its month's open and a second
   * row in one month stops it with its line ({@link MonthlyRows}).
   */
  public static Columns read(Path file, ZoneId zone, boolean monthly) throws IOException {
    Growing columns = new Growing();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      BarCsv.Handler handler =
          new BarCsv.Handler() {
            @Override
            public void row(BarCsv.Row row) {
              columns.add(row);
            }

            @Override
            public void problem(BarCsv.Problem problem) {
              throw new CsvException("line " + problem.line() + ": " + problem.reason());
            }
          };
      BarCsv.parse(reader, zone, monthly ? new MonthlyRows(zone, handler) : handler);
    } catch (BarCsv.FormatException e) {
      throw new CsvException(file.getFileName() + ": " + e.getMessage());
    }
    return columns.toColumns();
  }

  /** Primitive columns that grow as rows arrive. */
  private static final class Growing {
    private long[] t = new long[1024];
    private double[][] values = new double[6][1024];
    private boolean[] halted = new boolean[1024];
    private boolean anyAdjClose;
    private boolean anyHalted;
    private int size;

    void add(BarCsv.Row row) {
      if (size == t.length) {
        t = Arrays.copyOf(t, size * 2);
        for (int k = 0; k < values.length; k++) {
          values[k] = Arrays.copyOf(values[k], size * 2);
        }
        halted = Arrays.copyOf(halted, size * 2);
      }
      t[size] = row.time();
      values[0][size] = row.open();
      values[1][size] = row.high();
      values[2][size] = row.low();
      values[3][size] = row.close();
      values[4][size] = row.volume();
      values[5][size] = row.adjClose();
      halted[size] = row.halted();
      anyAdjClose |= !Double.isNaN(row.adjClose());
      anyHalted |= row.halted();
      size++;
    }

    Columns toColumns() {
      return new Columns(
          Arrays.copyOf(t, size),
          Arrays.copyOf(values[0], size),
          Arrays.copyOf(values[1], size),
          Arrays.copyOf(values[2], size),
          Arrays.copyOf(values[3], size),
          Arrays.copyOf(values[4], size),
          anyAdjClose ? Arrays.copyOf(values[5], size) : null,
          anyHalted ? Arrays.copyOf(halted, size) : null);
    }
  }
}
