package com.tradingbacktest.engine.prices;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CSV of corporate actions: {@code date,type,value,end_date} with an optional header; types
 * {@code split} (value {@code 2}, {@code 2:1} or {@code 1:10}: new shares per old), {@code
 * dividend} (value: cash per share, raw terms) and {@code halt} (from date to end_date, inclusive).
 */
public final class ActionsCsv {

  private ActionsCsv() {}

  /**
   * The actions of {@code text}.
   *
   * @throws IllegalArgumentException naming the line (the first is 1) of the first bad one
   */
  public static CorporateActions parse(String text) {
    List<CorporateAction> actions = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("date"))) {
        continue;
      }
      try {
        actions.add(action(line.split(",", -1)));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new CorporateActions(actions);
  }

  private static CorporateAction action(String[] f) {
    if (f.length < 3) {
      throw new IllegalArgumentException("expected date,type,value[,end_date]");
    }
    LocalDate date = LocalDate.parse(f[0].strip());
    String type = f[1].strip().toLowerCase(Locale.ROOT);
    String value = f[2].strip();
    return switch (type) {
      case "split" -> new CorporateAction.Split(date, ratio(value));
      case "dividend" -> new CorporateAction.CashDividend(date, Double.parseDouble(value));
      case "halt" -> {
        if (f.length < 4 || f[3].isBlank()) {
          throw new IllegalArgumentException("a halt needs an end_date");
        }
        yield new CorporateAction.Halt(date, LocalDate.parse(f[3].strip()));
      }
      default ->
          throw new IllegalArgumentException(
              "unknown type " + type + "; expected split, dividend or halt");
    };
  }

  private static double ratio(String value) {
    int colon = value.indexOf(':');
    if (colon < 0) {
      return Double.parseDouble(value);
    }
    return Double.parseDouble(value.substring(0, colon))
        / Double.parseDouble(value.substring(colon + 1));
  }
}
