package com.tradingbacktest.app.common.ratelimit;

/**
 * The kinds of expensive request each account may make only so many of a minute, each with its own
 * budget ({@link RateLimitSettings}), so one kind running out never blocks another: typing in the
 * workbench spends previews, not runs.
 */
public enum RequestLimit {
  /** CSV uploads and exchange fetches. */
  IMPORTS("imports"),
  /** Strategy code checks while editing. */
  VALIDATIONS("strategy validations"),
  /** Bar history reads. */
  HISTORY_READS("history reads"),
  /** Runs and optimisations started, including runs of an optimisation's rows. */
  RUNS("runs started"),
  /** Workbench previews. */
  PREVIEWS("previews"),
  /**
   * Reads of shared runs through their public links, by anyone: counted per client address when the
   * caller is not signed in.
   */
  PUBLIC_READS("reads of shared runs");

  private final String description;

  RequestLimit(String description) {
    this.description = description;
  }

  /** What is counted, in a sentence: "Too many imports". */
  public String description() {
    return description;
  }

  int perMinute(RateLimitSettings settings) {
    return switch (this) {
      case IMPORTS -> settings.importsPerMinute();
      case VALIDATIONS -> settings.validationsPerMinute();
      case HISTORY_READS -> settings.historyReadsPerMinute();
      case RUNS -> settings.runsPerMinute();
      case PREVIEWS -> settings.previewsPerMinute();
      case PUBLIC_READS -> settings.publicReadsPerMinute();
    };
  }
}
