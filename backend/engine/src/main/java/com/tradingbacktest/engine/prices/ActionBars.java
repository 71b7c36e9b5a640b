package com.tradingbacktest.engine.prices;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Which bar of a series a dated action falls on, by the bars' open times in the series' zone. An
 * ex-date falls on the first bar opening on or after it (for intraday bars the first bar of that
 * day; a date in a gap goes to the next bar), or for weekly and monthly bars on the bar whose
 * period holds it.
 */
final class ActionBars {

  private final BarSeries bars;
  private final long[] times;
  private final ZoneId zone;
  private final boolean multiDay;

  ActionBars(BarSeries bars) {
    this.bars = bars;
    this.times = bars.times();
    this.zone = bars.zone();
    this.multiDay = bars.interval() == Interval.W1 || bars.interval() == Interval.MN1;
  }

  /**
   * The bar {@code date} falls on, or -1 when it is after the last bar's day or before the first
   * bar's day (no bar of the series is on or after it, or the series starts later).
   */
  int exBar(LocalDate date) {
    int n = times.length;
    if (n == 0) {
      return -1;
    }
    long start = startOf(date);
    int k = firstAtOrAfter(start);
    if (multiDay && k > 0 && bars.interval().end(times[k - 1], zone) > start) {
      return k - 1;
    }
    if (k == n || (k == 0 && dateOf(times[0]).isAfter(date))) {
      return -1;
    }
    return k;
  }

  /**
   * Marks the bars within {@code [from, to]} (both inclusive): those opening on one of those days,
   * and for weekly and monthly bars only those whose whole period is inside.
   */
  void markWithin(LocalDate from, LocalDate to, boolean[] halted) {
    long end = startOf(to.plusDays(1));
    for (int i = firstAtOrAfter(startOf(from)); i < times.length && times[i] < end; i++) {
      if (!multiDay || bars.interval().end(times[i], zone) <= end) {
        halted[i] = true;
      }
    }
  }

  /** The local date bar {@code i} opens on. */
  LocalDate dateOfBar(int i) {
    return dateOf(times[i]);
  }

  private LocalDate dateOf(long time) {
    return Instant.ofEpochMilli(time).atZone(zone).toLocalDate();
  }

  private long startOf(LocalDate date) {
    return date.atStartOfDay(zone).toInstant().toEpochMilli();
  }

  /** The first bar whose open time is at or after {@code time}; the size when none is. */
  private int firstAtOrAfter(long time) {
    int lo = 0;
    int hi = times.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] < time) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
