package com.tradingbacktest.engine.lang;

/**
 * A strategy parameter as declared: {@code param fast = 10 in 2..100 step 1}.
 *
 * @param name its name
 * @param defaultValue the value when a run gives none
 * @param min lowest allowed value, or null when unbounded
 * @param max highest allowed value, or null when unbounded
 * @param step grid step for optimisation, or null
 * @param line where it is declared
 */
public record ParamSpec(
    String name, double defaultValue, Double min, Double max, Double step, int line) {

  /** Null when {@code value} is allowed, else why not. */
  public String problem(double value) {
    if (!Double.isFinite(value)) {
      return name + " must be a finite number";
    }
    if (min != null && (value < min || value > max)) {
      return name
          + " must be between "
          + Compiler.fmt(min)
          + " and "
          + Compiler.fmt(max)
          + ", got "
          + Compiler.fmt(value);
    }
    return null;
  }
}
