package com.tradingbacktest.engine.optimize;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every combination of the ranges' values, numbered {@code 0 .. size() - 1} in mixed radix with the
 * last range varying fastest (like nested loops in range order). Numbering lets a large grid be cut
 * into slices that run separately (in parallel, or resumed after a restart) without listing it
 * first. A grid without ranges has one combination: no overrides, the strategy's defaults.
 *
 * @param ranges one per parameter, names unique; order decides the numbering
 */
public record ParameterGrid(List<ParameterRange> ranges) {

  public ParameterGrid {
    ranges = List.copyOf(ranges);
    Set<String> names = new HashSet<>();
    for (ParameterRange r : ranges) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("parameter " + r.name() + " appears twice in the grid");
      }
    }
    size(ranges);
  }

  /** The number of combinations: the product of the ranges' counts. */
  public long size() {
    return size(ranges);
  }

  /**
   * Combination {@code index}: parameter name to value, in range order.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
   */
  public Map<String, Double> combination(long index) {
    long size = size();
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(
          "combination " + index + " is outside the grid of " + size);
    }
    int[] digits = new int[ranges.size()];
    long rest = index;
    for (int k = ranges.size() - 1; k >= 0; k--) {
      int count = ranges.get(k).count();
      digits[k] = (int) (rest % count);
      rest /= count;
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (int k = 0; k < digits.length; k++) {
      ParameterRange r = ranges.get(k);
      values.put(r.name(), r.value(digits[k]));
    }
    return values;
  }

  private static long size(List<ParameterRange> ranges) {
    long size = 1;
    for (ParameterRange r : ranges) {
      try {
        size = Math.multiplyExact(size, r.count());
      } catch (ArithmeticException overflow) {
        StringBuilder counts = new StringBuilder();
        for (ParameterRange each : ranges) {
          counts
              .append(counts.isEmpty() ? "" : " x ")
              .append(each.name())
              .append(" (")
              .append(each.count())
              .append(')');
        }
        throw new IllegalArgumentException(
            "the grid "
                + counts
                + " has more than "
                + Long.MAX_VALUE
                + " combinations; narrow the ranges or widen the steps");
      }
    }
    return size;
  }
}
