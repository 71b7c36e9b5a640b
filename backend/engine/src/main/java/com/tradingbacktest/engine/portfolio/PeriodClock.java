package com.tradingbacktest.engine.portfolio;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * Tells, for ascending times, which is the first of its calendar period (week from Monday, month,
 * quarter) in a time zone. It keeps the start of the next period, so it computes dates only when a
 * period ends, not once per bar. Not thread-safe: one per pass.
 */
final class PeriodClock {

  private final Rebalance.Frequency frequency;
  private final ZoneId zone;
  private long nextPeriodStart = Long.MIN_VALUE;
  private boolean started;

  PeriodClock(Rebalance.Frequency frequency, ZoneId zone) {
    this.frequency = frequency;
    this.zone = zone;
  }

  /**
   * True for the very first time and for the first time of each new period; for {@code every_bar}
   * always, for {@code drift} only the first time (the drift decides the rest).
   */
  boolean startsPeriod(long time) {
    if (!started) {
      started = true;
      nextPeriodStart = periodAfter(time);
      return true;
    }
    return switch (frequency) {
      case EVERY_BAR -> true;
      case DRIFT -> false;
      default -> {
        if (time < nextPeriodStart) {
          yield false;
        }
        nextPeriodStart = periodAfter(time);
        yield true;
      }
    };
  }

  /** The start (epoch ms) of the period after the one holding {@code time}. */
  private long periodAfter(long time) {
    LocalDate day = Instant.ofEpochMilli(time).atZone(zone).toLocalDate();
    LocalDate next =
        switch (frequency) {
          case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1);
          case MONTHLY -> day.withDayOfMonth(1).plusMonths(1);
          case QUARTERLY ->
              LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1).plusMonths(3);
          case EVERY_BAR, DRIFT -> day.plusDays(1); // unused: these never ask for a period's end
        };
    return next.atStartOfDay(zone).toInstant().toEpochMilli();
  }
}
