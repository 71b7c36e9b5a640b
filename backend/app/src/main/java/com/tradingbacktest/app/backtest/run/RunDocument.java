package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.common.error.FieldValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a trader writes on a run: its name, notes and tags (V23). A run nobody renamed is named by
 * its strategy and symbol, which is what its page used to show as its title.
 *
 * @param name the name as stored; null until the owner renames the run
 * @param notes free text, possibly empty, at most {@link #MAX_NOTES} characters
 * @param tags normalised ({@link #normaliseTags}): trimmed, unique ignoring case, in the order
 *     given
 */
record RunDocument(String name, String notes, List<String> tags) {

  static final int MAX_NAME = 200;
  static final int MAX_NOTES = 10_000;
  static final int MAX_TAGS = 20;
  static final int MAX_TAG = 40;

  /** A run's document before anyone wrote on it. */
  static final RunDocument EMPTY = new RunDocument(null, "", List.of());

  RunDocument {
    tags = List.copyOf(tags);
  }

  /** The name to show: the stored one, else the strategy (or "Run" once deleted) and symbol. */
  String displayName(String strategyName, String symbol, int symbolCount) {
    return name != null ? name : defaultName(strategyName, symbol, symbolCount);
  }

  static String defaultName(String strategyName, String symbol, int symbolCount) {
    String base = (strategyName == null ? "Run" : strategyName) + " · " + symbol;
    String named = symbolCount > 1 ? base + " +" + (symbolCount - 1) : base;
    return named.length() > MAX_NAME ? named.substring(0, MAX_NAME) : named;
  }

  /**
   * Tags as stored: each trimmed with inner whitespace collapsed, blanks dropped, the first of
   * those equal ignoring case kept. Throws a 422 listing each tag too long and a count above the
   * limit.
   */
  static List<String> normaliseTags(List<String> given) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<String> tags = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String raw = given.get(i);
      String tag = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
      if (tag.isEmpty()) {
        continue;
      }
      if (tag.length() > MAX_TAG) {
        errors.put("tags[" + i + "]", "must be at most " + MAX_TAG + " characters");
      } else if (seen.add(tag.toLowerCase(Locale.ROOT))) {
        tags.add(tag);
      }
    }
    if (tags.size() > MAX_TAGS) {
      errors.put("tags", "must have at most " + MAX_TAGS + " tags");
    }
    if (!errors.isEmpty()) {
      throw new FieldValidationException(errors);
    }
    return tags;
  }
}
