package com.tradingbacktest.engine.lang;

import java.util.Collection;

/** "Did you mean": the closest known name within a small edit distance. */
final class Suggest {

  private Suggest() {}

  static String closest(String name, Collection<String> candidates) {
    if (name.length() > 40) {
      return null; // nothing known is that long; and comparing huge names would be slow
    }
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    String best = null;
    int bestDistance = Math.max(1, Math.min(2, name.length() / 3));
    int found = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (Math.abs(c.length() - lower.length()) > bestDistance) {
        continue;
      }
      int d = distance(lower, c.toLowerCase(java.util.Locale.ROOT), bestDistance + 1);
      // Ties go to the alphabetically first name, so the answer never depends on the order of an
      // unordered set (hlc4 is one edit from both hlc3 and ohlc4).
      if (d <= bestDistance && (d < found || (d == found && c.compareTo(best) < 0))) {
        best = c;
        found = d;
      }
    }
    return best;
  }

  /**
   * Edit distance counting a swap of two neighbouring letters as one edit ("clsoe" is one edit from
   * "close"), giving up above {@code limit}.
   */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
