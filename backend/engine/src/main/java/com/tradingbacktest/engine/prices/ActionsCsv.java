package com.tradingbacktest.engine.prices;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV of corporate actions, header {@code date,type,value,end_date} (any case, any order;
 * {@code end_date} may be left out; the whole header may be left out when the columns are in that
 * order, the first line then starting with a date):
 *
 * <pre>
 * date,type,value,end_date
 * 2018-05-04,split,50:1,
 * 2024-04-16,dividend,361,
 * 2020-03-02,halt,,2020-03-04
 * </pre>
 *
 * {@code split} takes a ratio of new shares per old share ({@code 2}, {@code 2:1}, {@code 1:10},
 * {@code 2/1}); {@code dividend} a cash amount per share as traded on the ex-date (raw); {@code
 * halt} the first halted day in {@code date} and the last in {@code end_date} (the same day when
 * empty). Dates are ISO ({@code 2024-04-16}), {@code 2024/04/16}, {@code 2024.04.16} or {@code
 * 20240416}; numbers may have thousands separators inside quotes ({@code "1,444"}). Blank lines are
 * skipped; the first bad line stops the read with its line number (the header is line 1).
 */
public final class ActionsCsv {

  /** More rows than this is refused: no share has that many actions. */
  public static final int MAX_ROWS = 100_000;

  private static final List<String> COLUMNS = List.of("date", "type", "value", "end_date");

  private ActionsCsv() {}

  /**
   * The actions of {@code text}.
   *
   * @throws IllegalArgumentException naming the line and what is wrong with it
   */
  public static CorporateActions parse(String text) {
    // Line by line, so a file past the row limit is refused without splitting all of it first.
    Iterator<String> lines =
        (text.startsWith("\uFEFF") ? text.substring(1) : text).lines().iterator();
    int line = 0;
    int[] column = null;
    List<CorporateAction> actions = new ArrayList<>();
    while (lines.hasNext()) {
      String current = lines.next();
      line++;
      if (current.isBlank()) {
        continue;
      }
      if (column == null) {
        List<String> first = split(current);
        // The header may be left out: a first line that starts with a date is already an action,
        // in the header's order.
        if (first.isEmpty()
            || first.get(0).isEmpty()
            || !Character.isDigit(first.get(0).charAt(0))) {
          column = columns(first, line);
          continue;
        }
        column = new int[] {0, 1, 2, 3};
      }
      if (actions.size() == MAX_ROWS) {
        throw new IllegalArgumentException(
            "line " + line + ": more than " + MAX_ROWS + " actions; split the file");
      }
      try {
        actions.add(row(split(current), column));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
      }
    }
    if (column == null) {
      throw new IllegalArgumentException("the actions file is empty; its columns are " + header());
    }
    try {
      return new CorporateActions(actions);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the actions file: " + e.getMessage(), e);
    }
  }

  /** The index of each of date, type, value and end_date in the header (-1 when absent). */
  private static int[] columns(List<String> header, int line) {
    int[] index = {-1, -1, -1, -1};
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).toLowerCase(Locale.ROOT);
      int c = COLUMNS.indexOf(name);
      if (c < 0) {
        throw new IllegalArgumentException(
            "line " + line + ": unknown column '" + header.get(i) + "'; the header is " + header());
      }
      if (index[c] >= 0) {
        throw new IllegalArgumentException("line " + line + ": column '" + name + "' twice");
      }
      index[c] = i;
    }
    for (int c = 0; c < 3; c++) {
      if (index[c] < 0) {
        throw new IllegalArgumentException(
            "line " + line + ": no '" + COLUMNS.get(c) + "' column; the header is " + header());
      }
    }
    return index;
  }

  private static CorporateAction row(List<String> cells, int[] column) {
    int width = Math.max(Math.max(column[0], column[1]), Math.max(column[2], column[3])) + 1;
    if (cells.size() > width) {
      throw new IllegalArgumentException(cells.size() + " fields, more than the header's " + width);
    }
    LocalDate date = date(cell(cells, column[0]), "date");
    String type = cell(cells, column[1]).toLowerCase(Locale.ROOT);
    String value = cell(cells, column[2]);
    String end = cell(cells, column[3]);
    switch (type) {
      case "split" -> {
        return new CorporateAction.Split(date, ratio(value));
      }
      case "dividend" -> {
        double amount = number(value, "dividend");
        if (amount < 0) {
          throw new IllegalArgumentException("dividend " + value + " is negative");
        }
        return new CorporateAction.CashDividend(date, amount);
      }
      case "halt" -> {
        LocalDate to = end.isEmpty() ? date : date(end, "end_date");
        if (to.isBefore(date)) {
          throw new IllegalArgumentException("end_date " + to + " is before date " + date);
        }
        return new CorporateAction.Halt(date, to);
      }
      default ->
          throw new IllegalArgumentException(
              "unknown type '" + type + "'; expected split, dividend or halt");
    }
  }

  /** {@code 2}, {@code 2:1}, {@code 1:10} or {@code 2/1}: new shares per old share, above 0. */
  private static double ratio(String text) {
    int sep = Math.max(text.indexOf(':'), text.indexOf('/'));
    double ratio =
        sep < 0
            ? number(text, "split ratio")
            : number(text.substring(0, sep), "split ratio")
                / number(text.substring(sep + 1), "split ratio");
    if (!(ratio > 0) || !Double.isFinite(ratio)) {
      throw new IllegalArgumentException(
          "split ratio '"
              + text
              + "' must be above 0 (2:1 for a 2-for-1, 1:10 for a reverse split)");
    }
    return ratio;
  }

  /** A decimal, thousands separators allowed ({@code 1,444}). */
  private static double number(String text, String what) {
    try {
      double x = Double.parseDouble(text.replace(",", ""));
      if (Double.isFinite(x)) {
        return x;
      }
    } catch (NumberFormatException e) {
      // reported below, with the text
    }
    throw new IllegalArgumentException(what + " '" + text + "' is not a number");
  }

  private static LocalDate date(String text, String what) {
    String iso = text.replace('/', '-').replace('.', '-');
    if (iso.length() == 8 && iso.chars().allMatch(Character::isDigit)) {
      iso = iso.substring(0, 4) + "-" + iso.substring(4, 6) + "-" + iso.substring(6);
    }
    try {
      return LocalDate.parse(iso);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          what + " '" + text + "' is not a date such as 2024-04-16", e);
    }
  }

  private static String cell(List<String> cells, int index) {
    return index < 0 || index >= cells.size() ? "" : cells.get(index);
  }

  /**
   * One line's fields, trimmed; commas separate them except inside double quotes ({@code "1,444"}
   * is one field, a doubled quote inside quotes is a quote).
   */
  private static List<String> split(String line) {
    List<String> out = new ArrayList<>(4);
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (ch == ',' && !quoted) {
        out.add(field.toString().trim());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    out.add(field.toString().trim());
    return out;
  }

  private static String header() {
    return String.join(",", COLUMNS);
  }
}
