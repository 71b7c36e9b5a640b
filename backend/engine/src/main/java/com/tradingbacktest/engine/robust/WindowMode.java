package com.tradingbacktest.engine.robust;

/** How walk-forward train parts move. */
@SuppressWarnings("DoNotCallSuggester") // a skeleton until its lane builds it
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
    throw new UnsupportedOperationException("skeleton: built by the walk-forward lane");
  }
}
