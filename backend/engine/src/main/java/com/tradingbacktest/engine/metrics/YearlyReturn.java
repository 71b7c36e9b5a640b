package com.tradingbacktest.engine.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The return of one calendar year, counted in the run's time zone.
 *
 * @param year the calendar year, e.g. 2024
 * @param value the year's return as a fraction: equity at the year's last bar over equity at the
 *     previous year's last bar, minus one; the first year is relative to the initial capital
 */
public record YearlyReturn(int year, double value) {

  /** {@code year} and {@code return} for JSON; a non-finite value becomes null. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>(2);
    m.put("year", year);
    m.put("return", PerformanceMetrics.num(value));
    return m;
  }
}
