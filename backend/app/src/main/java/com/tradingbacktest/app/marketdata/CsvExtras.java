package com.tradingbacktest.app.marketdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.InputStreamSource;

/**
 * The columns of a bar CSV besides the prices that issue 19 reads: {@code Adj Close} (Yahoo's
 * export: the close adjusted for splits and dividends, from which the actions are derived) and
 * {@code halted} (a trading halt on that day), by line, for files of at most {@link #MAX_LINES}
 * lines (a daily file of a century is 36,500). The bar parser ignores these columns; this reads
 * them in a pass of its own, so the two stay independent.
 */
final class CsvExtras {

  static final int MAX_LINES = 200_000;

  static final CsvExtras NONE = new CsvExtras(null, null);

  private static final Set<String> ADJ_CLOSE =
      Set.of("adj close", "adj_close", "adjclose", "adjusted close", "adjusted_close", "수정종가");
  private static final Set<String> HALTED = Set.of("halted", "halt", "거래정지");
  private static final Set<String> YES = Set.of("1", "true", "yes", "y", "t", "halted", "거래정지");

  /** By line number (the header is line 1): the adjusted close (NaN: none) and the halt flag. */
  private final double[] adjClose;

  private final boolean[] halted;

  private CsvExtras(double[] adjClose, boolean[] halted) {
    this.adjClose = adjClose;
    this.halted = halted;
  }

  boolean hasAdjClose() {
    return adjClose != null;
  }

  boolean hasHalted() {
    return halted != null;
  }

  /** The adjusted close on {@code line}, NaN when it has none. */
  double adjClose(int line) {
    return adjClose == null || line >= adjClose.length ? Double.NaN : adjClose[line];
  }

  boolean halted(int line) {
    return halted != null && line < halted.length && halted[line];
  }

  /** The extra columns of {@code file}; {@link #NONE} when it has neither or too many lines. */
  static CsvExtras read(InputStreamSource file) throws IOException {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
      String header = in.readLine();
      int line = 1;
      while (header != null && header.isBlank()) {
        header = in.readLine();
        line++;
      }
      if (header == null) {
        return NONE;
      }
      header = header.startsWith("\uFEFF") ? header.substring(1) : header;
      char separator = separator(header);
      List<String> names = split(header, separator);
      int adj = -1;
      int halt = -1;
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i).strip().toLowerCase(Locale.ROOT);
        if (ADJ_CLOSE.contains(name)) {
          adj = i;
        } else if (HALTED.contains(name)) {
          halt = i;
        }
      }
      if (adj < 0 && halt < 0) {
        return NONE;
      }
      double[] adjusted = adj < 0 ? null : new double[1024];
      if (adjusted != null) {
        Arrays.fill(adjusted, Double.NaN);
      }
      boolean[] halts = halt < 0 ? null : new boolean[1024];
      String text;
      while ((text = in.readLine()) != null) {
        line++;
        if (line > MAX_LINES) {
          return NONE;
        }
        if (text.isBlank()) {
          continue;
        }
        List<String> f = split(text, separator);
        if (adjusted != null) {
          if (line >= adjusted.length) {
            int from = adjusted.length;
            adjusted = Arrays.copyOf(adjusted, adjusted.length * 2);
            Arrays.fill(adjusted, from, adjusted.length, Double.NaN);
          }
          adjusted[line] = adj < f.size() ? number(f.get(adj)) : Double.NaN;
        }
        if (halts != null) {
          if (line >= halts.length) {
            halts = Arrays.copyOf(halts, halts.length * 2);
          }
          halts[line] =
              halt < f.size() && YES.contains(f.get(halt).strip().toLowerCase(Locale.ROOT));
        }
      }
      return new CsvExtras(adjusted, halts);
    }
  }

  private static double number(String text) {
    String t = text.strip().replace(",", "").replace("\"", "");
    try {
      double v = Double.parseDouble(t);
      return v > 0 && Double.isFinite(v) ? v : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** The separator the header uses most outside quotes: comma, tab or semicolon. */
  private static char separator(String header) {
    int commas = split(header, ',').size();
    int tabs = split(header, '\t').size();
    int semicolons = split(header, ';').size();
    return tabs > commas && tabs >= semicolons ? '\t' : semicolons > commas ? ';' : ',';
  }

  /** Fields split at {@code separator} outside double quotes, quotes removed. */
  private static List<String> split(String line, char separator) {
    List<String> fields = new java.util.ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == separator && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
