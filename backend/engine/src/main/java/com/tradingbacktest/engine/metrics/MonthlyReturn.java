package com.tradingbacktest.engine.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The return of one calendar month, counted in the run's time zone.
 *
 * @param year the calendar year, e.g. 2024
 * @param month 1 (January) to 12
 * @param value the month's return as a fraction: equity at the month's last bar over equity at the
 *     previous month's last bar, minus one; the first month is relative to the initial capital
 */
public record MonthlyReturn(int year, int month, double value) {

  /** {@code year}, {@code month} and {@code return} for JSON; a non-finite value becomes null. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>(4);
    m.put("year", year);
    m.put("month", month);
    m.put("return", PerformanceMetrics.num(value));
    return m;
  }
}
