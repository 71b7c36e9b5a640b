package com.tradingbacktest.engine.series;

import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Rows of a monthly file, relabelled at their month's open: whatever day of the month a row is
 * labelled by (the 1st, the last trading day, the 15th), its time becomes local midnight of the 1st
 * in the series' zone, as monthly bars are labelled everywhere in the product. A row in the same
 * month as the row before it is a problem with its line: a monthly file has one row per month.
 * (Rows out of order that share a month become one time, which the readers already refuse as a
 * duplicate.)
 */
public final class MonthlyRows implements BarCsv.Handler {

  private final ZoneId zone;
  private final BarCsv.Handler next;
  private YearMonth previousMonth;
  private int previousLine;

  public MonthlyRows(ZoneId zone, BarCsv.Handler next) {
    this.zone = zone;
    this.next = next;
  }

  /** Local midnight of the 1st of the month that {@code time} falls in, in {@code zone}. */
  public static long monthOpen(long time, ZoneId zone) {
    ZonedDateTime local = Instant.ofEpochMilli(time).atZone(zone);
    return local.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant().toEpochMilli();
  }

  @Override
  public void row(BarCsv.Row row) throws IOException {
    YearMonth month = YearMonth.from(Instant.ofEpochMilli(row.time()).atZone(zone));
    if (month.equals(previousMonth)) {
      next.problem(
          new BarCsv.Problem(
              row.line(),
              "a second row for "
                  + month
                  + " (the first is on line "
                  + previousLine
                  + "): monthly bars have one row per month"));
      return;
    }
    previousMonth = month;
    previousLine = row.line();
    next.row(row.at(monthOpen(row.time(), zone)));
  }

  @Override
  public void problem(BarCsv.Problem problem) {
    next.problem(problem);
  }
}
