package com.tradingbacktest.app.backtest.run;

/**
 * The {@code sort} parameter of run lists: {@code field[,asc|desc]}, as SQL from a fixed set, never
 * from input. A field is a column of the run or one of its key metrics; runs without the metric
 * (not finished, or a metric undefined for them such as the Sharpe ratio of a flat run) come last
 * in either direction, and ties fall back to the newest run first, then the id, so pages never
 * overlap.
 */
final class RunSort {

  static final String PATTERN =
      "(created_at|completed_at|symbol|status|total_return|cagr|sharpe_ratio|sortino_ratio"
          + "|max_drawdown|win_rate|profit_factor|trade_count|final_equity)(,(asc|desc))?";
  static final String DEFAULT = "created_at,desc";
  static final String DESCRIPTION =
      "`field[,asc|desc]`, field one of created_at, completed_at, symbol, status or a key metric: "
          + "total_return, cagr, sharpe_ratio, sortino_ratio, max_drawdown, win_rate, "
          + "profit_factor, trade_count, final_equity. Runs without the metric come last "
          + "either way; ties go newest first.";
  static final String MESSAGE =
      "must be created_at, completed_at, symbol, status or a key metric (total_return, cagr, "
          + "sharpe_ratio, sortino_ratio, max_drawdown, win_rate, profit_factor, trade_count, "
          + "final_equity), optionally followed by ,asc or ,desc";

  private RunSort() {}

  /**
   * {@code value} must match {@link #PATTERN}; the direction defaults to asc. The result ends with
   * the tie-break, so the caller appends nothing.
   */
  static String orderBy(String value) {
    String[] parts = value.split(",", -1);
    String direction = parts.length > 1 && parts[1].equals("desc") ? " desc" : " asc";
    String field = parts[0];
    return switch (field) {
      case "created_at" -> "created_at" + direction + ", id";
      case "completed_at" -> "completed_at" + direction + " nulls last, id";
      case "symbol", "status" -> field + direction + ", created_at desc, id";
      default -> metric(field) + direction + " nulls last, created_at desc, id";
    };
  }

  /**
   * A key metric as a number; null when the run has no result or the metric is not a finite number
   * (the result stores undefined metrics as null).
   */
  private static String metric(String name) {
    if (!BacktestRepository.KEY_METRICS.contains(name)) {
      throw new IllegalArgumentException("not a key metric: " + name);
    }
    String value = "result->'metrics'->'" + name + "'";
    return "(case when jsonb_typeof("
        + value
        + ") = 'number' then ("
        + value
        + ")::text::double precision end)";
  }
}
