package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.common.error.FieldValidationException;
import java.util.Locale;

/**
 * Which series of a ticker: the caller's own upload or the shared one (exchange fetches, sample
 * data, administrators' uploads). See docs/DATA.md#whose-data.
 */
public enum Dataset {
  OWN,
  SHARED;

  /** The wire form: {@code own} or {@code shared}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads an optional request value; null or blank is null (the default applies).
   *
   * @throws FieldValidationException naming {@code field} for anything but own or shared
   */
  public static Dataset parse(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "own" -> OWN;
      case "shared" -> SHARED;
      default -> throw new FieldValidationException(field, "must be own or shared");
    };
  }

  /** Reads a stored code. */
  public static Dataset of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
