package com.tradingbacktest.app.common.persistence;

/** SQL LIKE patterns built from what a user typed, with their wildcards taken literally. */
public final class LikePatterns {

  private LikePatterns() {}

  /**
   * {@code %query%} with {@code \}, {@code %} and {@code _} escaped (use {@code ESCAPE '\'},
   * PostgreSQL's default); {@code %} alone for a blank query.
   */
  public static String contains(String query) {
    if (query == null || query.isBlank()) {
      return "%";
    }
    return "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
