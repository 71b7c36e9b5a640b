package com.tradingbacktest.engine.cli;

import com.tradingbacktest.engine.lang.Plot;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.Signals;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every series a strategy produced, aligned to the bars, for {@code --series} and {@code
 * --series-csv}: its outputs (the columns it set, in the order of docs/STRATEGY_LANGUAGE.md's
 * outputs table) and then its plots (in declaration order, under their titles). A plot whose title
 * is already a column's name ({@code time} or an output) is written as "TITLE (plot)". In JSON a
 * bool output is true/false and a missing value (warm-up, na) is null; in CSV a bool is 1/0 and a
 * missing value is an empty field.
 */
final class SeriesExport {

  private final long[] times;

  /** Name to {@code boolean[]} or {@code double[]}, in column order. */
  private final Map<String, Object> columns = new LinkedHashMap<>();

  SeriesExport(BarSeries bars, Signals signals, List<Plot> plots) {
    this.times = bars.times();
    add("long_entry", signals.longEntry());
    add("long_exit", signals.longExit());
    add("short_entry", signals.shortEntry());
    add("short_exit", signals.shortExit());
    add("long_entry_stop", signals.longEntryStop());
    add("long_entry_limit", signals.longEntryLimit());
    add("short_entry_stop", signals.shortEntryStop());
    add("short_entry_limit", signals.shortEntryLimit());
    add("stop_loss", signals.stopLoss());
    add("take_profit", signals.takeProfit());
    add("trailing_stop", signals.trailingStop());
    add("size", signals.size());
    add("exit_fraction", signals.exitFraction());
    for (Plot p : plots) {
      String name =
          p.title().equals("time") || columns.containsKey(p.title())
              ? p.title() + " (plot)"
              : p.title();
      columns.put(name, p.values());
    }
  }

  private void add(String name, Object column) {
    if (column != null) {
      columns.put(name, column);
    }
  }

  /** For the JSON report: {@code time} (ISO instants) and then every column as a list. */
  Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Instant> time = new ArrayList<>(times.length);
    for (long t : times) {
      time.add(Instant.ofEpochMilli(t));
    }
    out.put("time", time);
    columns.forEach(
        (name, column) -> {
          List<Object> values = new ArrayList<>(times.length);
          for (int i = 0; i < times.length; i++) {
            values.add(
                column instanceof boolean[] b
                    ? (Object) b[i]
                    : (Object) ((double[]) column)[i]); // NaN: null in Json
          }
          out.put(name, values);
        });
    return out;
  }

  /** Writes a header and one line per bar: the bar's time as an ISO instant, then each column. */
  void writeCsv(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder("time");
      for (String name : columns.keySet()) {
        line.append(',').append(csvField(name));
      }
      out.write(line.append('\n').toString());
      for (int i = 0; i < times.length; i++) {
        line.setLength(0);
        line.append(Instant.ofEpochMilli(times[i]));
        for (Object column : columns.values()) {
          line.append(',');
          if (column instanceof boolean[] b) {
            line.append(b[i] ? '1' : '0');
          } else {
            double v = ((double[]) column)[i];
            if (Double.isFinite(v)) {
              line.append(Json.number(v));
            }
          }
        }
        out.write(line.append('\n').toString());
      }
    }
  }

  /** A header field, quoted when it holds a quote or a comma (a plot's title may hold quotes). */
  private static String csvField(String text) {
    if (text.indexOf('"') < 0 && text.indexOf(',') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
