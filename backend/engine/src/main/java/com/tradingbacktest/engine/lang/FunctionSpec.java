package com.tradingbacktest.engine.lang;

import java.util.List;

/**
 * One built-in function as the catalogue describes it: the data behind completion, hover docs and
 * docs/STRATEGY_LANGUAGE.md, so the editor and the engine cannot drift apart.
 *
 * @param name what the strategy calls
 * @param category grouping for docs and completion (price, time, moving average, oscillator, ...)
 * @param params the arguments in order
 * @param result {@code number}, {@code bool}, or {@code fields} for several outputs
 * @param fields names of the outputs when {@code result} is {@code fields}, else empty
 * @param description what it computes, in English
 * @param descriptionKo the same in Korean
 * @param example a line of strategy code using it
 */
public record FunctionSpec(
    String name,
    String category,
    List<Arg> params,
    String result,
    List<String> fields,
    String description,
    String descriptionKo,
    String example) {

  /**
   * One argument.
   *
   * @param name its name, usable as a named argument
   * @param kind {@code series} (a number series; a constant is broadcast), {@code bool series},
   *     {@code length} (a whole number >= 1 fixed for the run: a literal or a param), or {@code
   *     number} (a constant number)
   * @param defaultValue the value when omitted, or null when required
   * @param minimum for a length, the smallest allowed (1 or 2); null for other kinds
   */
  public record Arg(String name, String kind, Double defaultValue, Integer minimum) {}

  /** The call signature as shown in docs and the editor: {@code sma(source, length)}. */
  public String signature() {
    StringBuilder s = new StringBuilder(name);
    if (params.isEmpty() && category.equals("price")) {
      return s.toString();
    }
    s.append('(');
    for (int i = 0; i < params.size(); i++) {
      Arg a = params.get(i);
      if (i > 0) {
        s.append(", ");
      }
      s.append(a.name());
      if (a.defaultValue() != null) {
        double d = a.defaultValue();
        s.append('=').append(d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d));
      }
    }
    return s.append(')').toString();
  }
}
