package com.tradingbacktest.engine.optimize;

import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.ParamConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The combinations of a grid that meet every parameter constraint: the strategy's own ({@code
 * constraint fast < slow}) and those given with the request. They are numbered {@code 0 .. size() -
 * 1} in grid order, so an optimisation cuts them into slices as it would the whole grid, and a
 * combination that breaks a constraint is never run. Size limits apply to {@link #size()}, the
 * combinations that run; checking costs one pass over the whole grid, so a grid with constraints
 * may have at most {@link #MAX_CHECKED} combinations before them. Not thread-safe: one per thread.
 */
public final class ValidCombinations {

  /** Combinations of a constrained grid checked at most (a pass takes well under a second). */
  public static final long MAX_CHECKED = 1_000_000;

  private final ParameterGrid grid;
  private final List<ParamConstraint> extra;
  private final boolean constrained;
  private final long size;

  /** Every constraint, the strategy's first. */
  private final List<ParamConstraint> all;

  /** The values tested: the strategy's defaults, with the grid's values written over them. */
  private final Map<String, Double> values = new HashMap<>();

  /** Each range's values, computed once (a constrained grid has at most a million in all). */
  private double[][] rangeValues;

  private ValidCombinations(
      CompiledStrategy strategy, ParameterGrid grid, List<ParamConstraint> extra) {
    this.grid = grid;
    this.extra = List.copyOf(extra);
    this.constrained = !strategy.constraints().isEmpty() || !this.extra.isEmpty();
    List<ParamConstraint> both = new ArrayList<>(strategy.constraints());
    both.addAll(this.extra);
    this.all = List.copyOf(both);
    strategy.params().forEach(p -> values.put(p.name(), p.defaultValue()));
    if (!constrained) {
      size = grid.size();
      return;
    }
    List<ParameterRange> ranges = grid.ranges();
    rangeValues = new double[ranges.size()][];
    for (int k = 0; k < ranges.size(); k++) {
      ParameterRange r = ranges.get(k);
      rangeValues[k] = new double[r.count()];
      for (int i = 0; i < r.count(); i++) {
        rangeValues[k][i] = r.value(i);
      }
    }
    long valid = 0;
    for (long index = 0; index < grid.size(); index++) {
      if (meets(index)) {
        valid++;
      }
    }
    size = valid;
  }

  /**
   * The valid combinations of {@code grid} for {@code strategy}.
   *
   * @param extra constraints given with the request, on top of the strategy's own
   * @throws IllegalArgumentException when a constraint names a param the strategy does not declare,
   *     or the grid is constrained and has more than {@link #MAX_CHECKED} combinations
   */
  public static ValidCombinations of(
      CompiledStrategy strategy, ParameterGrid grid, List<ParamConstraint> extra) {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(grid, "grid");
    String unknown = strategy.unknownParamIn(extra);
    if (unknown != null) {
      throw new IllegalArgumentException(unknown);
    }
    if ((!strategy.constraints().isEmpty() || !extra.isEmpty()) && grid.size() > MAX_CHECKED) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the grid has %,d combinations before its constraints; a grid with constraints may"
                  + " have at most %,d: narrow the ranges or take larger steps",
              grid.size(),
              MAX_CHECKED));
    }
    return new ValidCombinations(strategy, grid, extra);
  }

  /** The combinations that meet every constraint: those that run. */
  public long size() {
    return size;
  }

  /** The combinations of the grid that break a constraint and are skipped. */
  public long skipped() {
    return grid.size() - size;
  }

  public ParameterGrid grid() {
    return grid;
  }

  /**
   * The grid indices of valid combinations {@code [from, to)} (numbered among the valid ones), in
   * grid order.
   *
   * @throws IllegalArgumentException unless {@code 0 <= from <= to <= size()} and the slice fits in
   *     an array
   */
  public long[] indices(long from, long to) {
    if (from < 0 || from > to || to > size) {
      throw new IllegalArgumentException(
          "the slice [" + from + ", " + to + ") is outside the " + size + " valid combinations");
    }
    if (to - from > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "the slice [" + from + ", " + to + ") is too large for one list");
    }
    long[] out = new long[(int) (to - from)];
    if (!constrained) {
      for (int k = 0; k < out.length; k++) {
        out[k] = from + k;
      }
      return out;
    }
    long seen = 0;
    int filled = 0;
    for (long index = 0; index < grid.size() && filled < out.length; index++) {
      if (meets(index)) {
        if (seen >= from) {
          out[filled++] = index;
        }
        seen++;
      }
    }
    return out;
  }

  /** Whether combination {@code index} meets every constraint (boxing aside, allocates nothing). */
  private boolean meets(long index) {
    List<ParameterRange> ranges = grid.ranges();
    long rest = index;
    for (int k = ranges.size() - 1; k >= 0; k--) {
      double[] choices = rangeValues[k];
      values.put(ranges.get(k).name(), choices[(int) (rest % choices.length)]);
      rest /= choices.length;
    }
    for (ParamConstraint c : all) {
      if (!c.test(values)) {
        return false;
      }
    }
    return true;
  }
}
