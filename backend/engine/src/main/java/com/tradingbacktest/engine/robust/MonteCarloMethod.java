package com.tradingbacktest.engine.robust;

/** How {@link MonteCarlo} makes a path from a run. */
public enum MonteCarloMethod {
  /** The run's trade returns in a random order (each trade once): the same trades, other luck. */
  SHUFFLE("shuffle"),
  /** Trade returns drawn with replacement, as many as the run had. */
  BOOTSTRAP("bootstrap"),
  /** Blocks of consecutive bar returns drawn with replacement (keeps short-range dependence). */
  BLOCK_BOOTSTRAP("block_bootstrap");

  private final String jsonName;

  MonteCarloMethod(String jsonName) {
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
  public static MonteCarloMethod parse(String name) {
    String wanted = name == null ? "" : name.strip();
    for (MonteCarloMethod method : values()) {
      if (method.jsonName.equalsIgnoreCase(wanted)) {
        return method;
      }
    }
    StringBuilder names = new StringBuilder();
    for (MonteCarloMethod method : values()) {
      names.append(names.isEmpty() ? "" : ", ").append(method.jsonName);
    }
    throw new IllegalArgumentException(
        "unknown Monte Carlo method '" + wanted + "'; use one of " + names);
  }
}
