package com.tradingbacktest.app.backtest.run;

/**
 * The {@code sort} parameter of run lists: {@code field[,asc|desc]}, as SQL from a fixed set, never
 * from input.
 */
final class RunSort {

  static final String PATTERN = "(created_at|completed_at|symbol|status)(,(asc|desc))?";
  static final String DEFAULT = "created_at,desc";

  private RunSort() {}

  /** {@code value} must match {@link #PATTERN}; the direction defaults to asc. */
  static String orderBy(String value) {
    String[] parts = value.split(",", -1);
    String direction = parts.length > 1 && parts[1].equals("desc") ? " desc" : " asc";
    String column =
        switch (parts[0]) {
          case "completed_at" -> "completed_at";
          case "symbol" -> "symbol";
          case "status" -> "status";
          default -> "created_at";
        };
    return column + direction + (column.equals("completed_at") ? " nulls last" : "");
  }
}
