package com.tradingbacktest.app.strategy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tradingbacktest.engine.lang.ParamSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A parameter a strategy declares ({@code param fast = 10 in 2..100 step 1}), as the compiler found
 * it. The same shape on the wire and in the {@code strategies.parameters} jsonb column, so lists
 * need no recompilation.
 */
@Schema(description = "A declared parameter: `param fast = 10 in 2..100 step 1`")
record StrategyParameter(
    @Schema(example = "fast") String name,
    @JsonProperty("default")
        @Schema(example = "10", description = "The value when a run gives none")
        double defaultValue,
    @Schema(
            nullable = true,
            example = "2",
            description = "Lowest allowed value; null when unbounded")
        Double min,
    @Schema(
            nullable = true,
            example = "100",
            description = "Highest allowed value; null when unbounded")
        Double max,
    @Schema(
            nullable = true,
            example = "1",
            description = "Grid step for optimisation; null when not given")
        Double step) {

  /** The column's own mapper: the stored JSON does not change with the web layer's settings. */
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static StrategyParameter of(ParamSpec spec) {
    return new StrategyParameter(
        spec.name(), spec.defaultValue(), spec.min(), spec.max(), spec.step());
  }

  static List<StrategyParameter> of(List<ParamSpec> specs) {
    return specs.stream().map(StrategyParameter::of).toList();
  }

  static String toJson(List<StrategyParameter> parameters) {
    return JSON.writeValueAsString(parameters);
  }

  /**
   * Reads the column; anything but an array of parameters (such as the column's default {}) is
   * none.
   */
  static List<StrategyParameter> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      JsonNode tree = JSON.readTree(json);
      if (!tree.isArray()) {
        return List.of();
      }
      List<StrategyParameter> parameters = new ArrayList<>();
      for (JsonNode node : tree) {
        parameters.add(JSON.treeToValue(node, StrategyParameter.class));
      }
      return List.copyOf(parameters);
    } catch (JacksonException e) {
      return List.of();
    }
  }
}
