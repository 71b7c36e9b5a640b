package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.engine.series.Interval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Parameters of the market-data endpoints, read once with the same field errors everywhere. */
final class RequestValues {

  static final List<String> MARKETS =
      List.of("KRX", "NASDAQ", "NYSE", "UPBIT", "BINANCE", "CUSTOM");
  static final List<String> ASSET_CLASSES =
      List.of("stock", "etf", "index", "crypto", "fx", "other");

  private RequestValues() {}

  static Interval interval(String field, String code) {
    try {
      return Interval.fromCode(code.trim());
    } catch (IllegalArgumentException e) {
      throw new FieldValidationException(
          field, "must be one of 1m, 5m, 15m, 1h, 4h, 1d, 1w, 1M (1M is a month, 1m a minute)");
    }
  }

  /** An ISO date (midnight in {@code zone}) or an ISO instant. */
  static Instant instant(String field, String text, ZoneId zone) {
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(zone).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new FieldValidationException(
          field, "must be an ISO date (2024-01-31) or instant (2024-01-31T09:00:00Z)");
    }
  }

  static String market(String value) {
    if (!MARKETS.contains(value)) {
      throw new FieldValidationException("market", "must be one of " + String.join(", ", MARKETS));
    }
    return value;
  }
}
