package com.tradingbacktest.engine.indicator;

import java.util.Objects;

/**
 * Aroon up and down, 0 to 100, each aligned with the bars and NaN during the warm-up. The arrays
 * are not copied, and (as for any record with array components) {@code equals} compares them by
 * identity.
 *
 * @param up {@code 100 * (length - bars since the highest high) / length}
 * @param down {@code 100 * (length - bars since the lowest low) / length}
 */
public record Aroon(double[] up, double[] down) {

  public Aroon {
    Objects.requireNonNull(up, "up");
    Objects.requireNonNull(down, "down");
  }
}
