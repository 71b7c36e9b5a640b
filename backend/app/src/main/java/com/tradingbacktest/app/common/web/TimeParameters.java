package com.tradingbacktest.app.common.web;

import com.tradingbacktest.app.common.error.FieldValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The {@code from} and {@code to} of every chart endpoint (a run's chart, its plotted series): an
 * ISO instant, or an ISO date in the symbol's zone, so a range means the same everywhere.
 */
public final class TimeParameters {

  private TimeParameters() {}

  /**
   * An ISO instant, or an ISO date meaning its first moment in {@code zone} ({@code endOfDay}
   * false) or its last millisecond ({@code endOfDay} true, for an inclusive end); {@code fallback}
   * when absent. A malformed value is a 422 naming {@code field}.
   */
  public static long parse(
      String field, String text, ZoneId zone, boolean endOfDay, long fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    String trimmed = text.trim();
    try {
      if (trimmed.length() == 10) {
        LocalDate day = LocalDate.parse(trimmed);
        return endOfDay
            ? day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1
            : day.atStartOfDay(zone).toInstant().toEpochMilli();
      }
      return Instant.parse(trimmed).toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new FieldValidationException(
          field, "must be an ISO instant (2013-06-01T00:00:00Z) or date (2013-06-01)");
    }
  }
}
