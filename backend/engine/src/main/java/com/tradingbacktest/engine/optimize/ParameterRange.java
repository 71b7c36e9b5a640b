package com.tradingbacktest.engine.optimize;

import com.tradingbacktest.engine.lang.ParamSpec;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The values one parameter takes in a grid: {@code from, from + step, ...} up to {@code to}
 * inclusive.
 *
 * <p>Decimal steps are not exact in binary ({@code 0.1 + 0.2 = 0.30000000000000004}), so the last
 * value counts when it lies within a billionth of a step beyond {@code to} (0.1..0.3 step 0.1 has
 * three values, not two), and each value {@code from + i * step} is computed in decimal on the
 * numbers as typed (0.3, not 0.30000000000000004; -0.2 + 2 x 0.1 is exactly 0), so that it prints,
 * compares and caches as the number the user typed. Values are never built by repeated addition,
 * and are clamped to {@code to}, so they stay within the parameter's declared range.
 *
 * @param name the strategy parameter's name
 * @param from the first value
 * @param to the upper bound, inclusive; the last value is {@code to} only when a whole number of
 *     steps reaches it
 * @param step the distance between values, > 0
 */
public record ParameterRange(String name, double from, double to, double step) {

  /**
   * A billionth of a step: absorbs binary rounding in {@code (to - from) / step}, nothing a user
   * would mean.
   */
  private static final double TOLERANCE = 1e-9;

  public ParameterRange {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a parameter range needs a name");
    }
    if (!Double.isFinite(from) || !Double.isFinite(to) || !Double.isFinite(step)) {
      throw new IllegalArgumentException(
          "the range of "
              + name
              + " must have finite bounds and step, got "
              + from
              + ".."
              + to
              + " step "
              + step);
    }
    if (!(step > 0)) {
      throw new IllegalArgumentException("the step of " + name + " must be above 0, got " + step);
    }
    if (from > to) {
      throw new IllegalArgumentException(
          "the range of " + name + " is empty: " + from + " is above " + to);
    }
    if (steps(from, to, step) >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "the range of "
              + name
              + " has more than "
              + Integer.MAX_VALUE
              + " values; widen the step");
    }
  }

  /**
   * The range a strategy declares, {@code param x = 10 in 2..100 step 2}. Without a step: 1 when
   * the bounds and the default are whole numbers (a length, a count), else a tenth of the range
   * (eleven values); 1 when the range is a single value.
   *
   * @throws IllegalArgumentException when the parameter has no range
   */
  public static ParameterRange of(ParamSpec spec) {
    Objects.requireNonNull(spec, "spec");
    if (spec.min() == null || spec.max() == null) {
      throw new IllegalArgumentException(
          "parameter "
              + spec.name()
              + " has no range to search; declare one, as in"
              + " 'param "
              + spec.name()
              + " = 10 in 2..100 step 2'");
    }
    double min = spec.min();
    double max = spec.max();
    double step;
    if (spec.step() != null) {
      step = spec.step();
    } else if (min == max || (whole(min) && whole(max) && whole(spec.defaultValue()))) {
      step = 1;
    } else {
      step = (max - min) / 10;
    }
    return new ParameterRange(spec.name(), min, max, step);
  }

  /** How many values the range has, at least 1. */
  public int count() {
    return (int) steps(from, to, step) + 1;
  }

  /**
   * Value {@code i}: {@code from + i * step} computed in decimal on the numbers as typed, so 0.1
   * steps give 0.3 (never 0.30000000000000004) and -0.2 + 2 x 0.1 gives 0; at most {@code to}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= i < count()}
   */
  public double value(int i) {
    Objects.checkIndex(i, count());
    double value =
        BigDecimal.valueOf(from)
            .add(BigDecimal.valueOf(step).multiply(BigDecimal.valueOf(i)))
            .doubleValue();
    return Math.min(value, to);
  }

  /**
   * Whole steps from {@code from} to {@code to}, with the tolerance; may exceed an int (checked by
   * the caller).
   */
  private static double steps(double from, double to, double step) {
    return Math.floor((to - from) / step + TOLERANCE);
  }

  private static boolean whole(double v) {
    return v == Math.rint(v);
  }
}
