package com.tradingbacktest.engine.lang;

import java.util.List;

/**
 * One built-in function as the catalogue describes it: the data behind completion, hover docs and
 * docs/STRATEGY_LANGUAGE.md, so the editor and the engine cannot drift apart.
 *
 * @param name what the strategy calls
 * @param category grouping for docs and completion (price, time, moving average, oscillator, ...)
 * @param params the arguments in order
 * @param result {@code number}, {@code bool}, {@code fields} for several outputs, or {@code none}
 *     for a function that is a statement of its own and has no value ({@code plot})
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
   *     {@code number or bool series} (either; a bool is 1 or 0 where a number is needed), {@code
   *     length} (a whole number >= 1 fixed for the run: a literal or a param), {@code number} (a
   *     constant number) or {@code string} (a text literal in double quotes)
   * @param defaultValue the value of a number or length when omitted, else null
   * @param minimum for a length, the smallest allowed (1 or 2); null for other kinds
   * @param defaultText the value of a string when omitted, else null
   * @param choices the only values a string may take, or empty when any text will do
   * @param optional true when it may be omitted although it has no default (then it is absent:
   *     plot's colour, which the chart picks itself)
   */
  public record Arg(
      String name,
      String kind,
      Double defaultValue,
      Integer minimum,
      String defaultText,
      List<String> choices,
      boolean optional) {

    public Arg {
      choices = List.copyOf(choices);
    }

    /** A number, series or length argument. */
    public Arg(String name, String kind, Double defaultValue, Integer minimum) {
      this(name, kind, defaultValue, minimum, null, List.of(), false);
    }

    /** True when a call must give it. */
    public boolean required() {
      return defaultValue == null && defaultText == null && !optional;
    }
  }

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
      } else if (a.defaultText() != null) {
        s.append("=\"").append(a.defaultText()).append('"');
      }
    }
    return s.append(')').toString();
  }
}
