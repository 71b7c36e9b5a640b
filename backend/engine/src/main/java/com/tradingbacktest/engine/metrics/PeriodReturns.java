package com.tradingbacktest.engine.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly and yearly returns from month-end equity, fed one bar at a time. A bar belongs to the
 * month of its open time in {@code zone}. java.time is consulted only when a bar crosses into a new
 * month: the next month's first instant is kept as epoch ms, and every other bar costs one
 * comparison.
 *
 * <p>Months (and years) without any bar are not listed: the next listed one is measured from the
 * last equity before it, so compounding the listed returns still gives the total return.
 */
final class PeriodReturns {

  private final ZoneId zone;
  private final List<MonthlyReturn> months = new ArrayList<>();
  private final List<YearlyReturn> years = new ArrayList<>();

  // Read and written back by EquityCurveStats.run, which holds them in locals through a run of
  // bars.
  long nextMonthStart = Long.MIN_VALUE;
  double lastEquity;

  private int year;
  private int month;
  private double monthBase;
  private double yearBase;

  /**
   * @param zone the zone whose calendar months are counted
   * @param initialCapital the base of the first month and year
   */
  PeriodReturns(ZoneId zone, double initialCapital) {
    this.zone = zone;
    this.monthBase = initialCapital;
    this.yearBase = initialCapital;
  }

  /** A bar opening at {@code time} (ascending) closed with {@code equity}. */
  void add(long time, double equity) {
    if (time >= nextMonthStart) {
      enterMonth(time);
    }
    lastEquity = equity;
  }

  /**
   * The bar opening at {@code time} is the first of a month; the last equity is of the bar before.
   */
  void enterMonth(long time) {
    LocalDate date = Instant.ofEpochMilli(time).atZone(zone).toLocalDate();
    boolean first = nextMonthStart == Long.MIN_VALUE;
    if (!first) {
      closeMonth(date.getYear() != year);
    }
    year = date.getYear();
    month = date.getMonthValue();
    // atStartOfDay(zone) rather than midnight: a zone may skip midnight on a DST change.
    nextMonthStart =
        date.withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant().toEpochMilli();
  }

  private void closeMonth(boolean yearEnds) {
    months.add(new MonthlyReturn(year, month, lastEquity / monthBase - 1));
    monthBase = lastEquity;
    if (yearEnds) {
      years.add(new YearlyReturn(year, lastEquity / yearBase - 1));
      yearBase = lastEquity;
    }
  }

  /** Closes the month and year of the last bar; call once after the last bar. */
  void finish() {
    if (nextMonthStart != Long.MIN_VALUE) {
      closeMonth(true);
    }
  }

  List<MonthlyReturn> months() {
    return months;
  }

  List<YearlyReturn> years() {
    return years;
  }
}
