package com.tradingbacktest.engine.series;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * Maps bar times (ascending) to the start of their bucket in a coarser interval, by the rules of
 * {@link Resampler}: daily buckets at local midnight, weekly at Monday's local midnight, monthly at
 * local midnight of the 1st, intraday buckets from each day's first bar for stocks (the session
 * open) and from local midnight for crypto. Stateful (it remembers the current day) and not
 * thread-safe: one per pass over a series.
 */
public final class BucketClock {

  private final ZoneId zone;
  private final Interval target;
  private final MarketCalendar calendar;
  private final long step;
  private long dayStart = Long.MIN_VALUE;
  private long dayEnd = Long.MIN_VALUE;
  private long anchor;
  private LocalDate day;

  public BucketClock(ZoneId zone, Interval target, MarketCalendar calendar) {
    this.zone = zone;
    this.target = target;
    this.calendar = calendar;
    this.step = target.duration().toMillis();
  }

  public long bucketStart(long time) {
    if (time < dayStart || time >= dayEnd) {
      enterDay(time);
    }
    return switch (target) {
      case D1 -> dayStart;
      case W1 ->
          day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
              .atStartOfDay(zone)
              .toInstant()
              .toEpochMilli();
      case MN1 -> day.withDayOfMonth(1).atStartOfDay(zone).toInstant().toEpochMilli();
      default -> anchor + Math.floorDiv(time - anchor, step) * step;
    };
  }

  private void enterDay(long time) {
    ZonedDateTime local = Instant.ofEpochMilli(time).atZone(zone);
    day = local.toLocalDate();
    dayStart = day.atStartOfDay(zone).toInstant().toEpochMilli();
    dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    // Stocks: the first bar seen on a day is its session open, and buckets count from there.
    anchor = calendar == MarketCalendar.STOCK ? time : dayStart;
  }
}
