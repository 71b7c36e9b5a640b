package com.tradingbacktest.engine.robust;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How walk-forward train parts move. */
public enum WindowMode {
  /** Each train part has the same length and ends where its test part begins (less the gap). */
  ROLLING("rolling"),
  /** Each train part starts at the first bar and ends where its test part begins (less the gap). */
  ANCHORED("anchored");

  private final String jsonName;

  WindowMode(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  /**
   * The value named {@code name} in snake_case, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException naming the valid names
   */
  public static WindowMode parse(String name) {
    String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    for (WindowMode mode : values()) {
      if (mode.jsonName.equals(wanted)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "unknown window mode '"
            + name
            + "'; use one of "
            + Arrays.stream(values()).map(WindowMode::jsonName).collect(Collectors.joining(", ")));
  }
}
