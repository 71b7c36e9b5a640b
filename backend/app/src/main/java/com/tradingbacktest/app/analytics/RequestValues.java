package com.tradingbacktest.app.analytics;

import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.common.web.TimeParameters;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Query parameters of the analytics endpoints read into values, each problem a 422 naming the
 * parameter. Ids are parsed here rather than bound as UUIDs so that a bad one is a field error like
 * the others, not a 400.
 */
final class RequestValues {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private RequestValues() {}

  /**
   * Comma-separated (or repeated) run ids, duplicates dropped, order kept; between min and max of
   * them.
   */
  static List<UUID> ids(String field, List<String> raw, int min, int max) {
    Set<UUID> ids = new LinkedHashSet<>();
    for (String text : raw == null ? List.<String>of() : raw) {
      if (!text.isBlank()) {
        ids.add(id(field, text));
      }
    }
    if (ids.size() < min || ids.size() > max) {
      throw new FieldValidationException(
          field,
          "must name between "
              + min
              + " and "
              + max
              + " different runs, separated by commas; got "
              + ids.size());
    }
    return List.copyOf(ids);
  }

  static UUID id(String field, String text) {
    String trimmed = text == null ? "" : text.trim();
    if (!UUID_TEXT.matcher(trimmed).matches()) {
      String shown = trimmed.length() > 40 ? trimmed.substring(0, 40) + "..." : trimmed;
      throw new FieldValidationException(field, "'" + shown + "' is not a run id (a UUID)");
    }
    return UUID.fromString(trimmed);
  }

  /** See {@link TimeParameters#parse}. */
  static long time(String field, String text, ZoneId zone, boolean endOfDay, long fallback) {
    return TimeParameters.parse(field, text, zone, endOfDay, fallback);
  }
}
