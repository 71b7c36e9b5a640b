package com.tradingbacktest.engine.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The parameters of a built-in strategy: its defaults with the user's values on top. */
final class BuiltInParams {

  private BuiltInParams() {}

  /**
   * {@code overrides} on top of {@code defaults}.
   *
   * @param noParamsHint said after the refusal when the built-in takes no parameter at all
   * @throws IllegalArgumentException naming an unknown parameter and the ones there are
   */
  static Map<String, Double> merge(
      String id, Map<String, Double> defaults, Map<String, Double> overrides, String noParamsHint) {
    Map<String, Double> params = new LinkedHashMap<>(defaults);
    overrides.forEach(
        (name, value) -> {
          if (!defaults.containsKey(name)) {
            throw new IllegalArgumentException(
                id
                    + " has no parameter '"
                    + name
                    + "'"
                    + (defaults.isEmpty()
                        ? noParamsHint
                        : "; it takes " + String.join(", ", defaults.keySet())));
          }
          params.put(name, value);
        });
    return params;
  }
}
