package com.tradingbacktest.app.strategy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The strategy language as data, for the editor's completion and hover docs. */
record LanguageCatalogueResponse(
    List<Function> functions,
    List<Variable> variables,
    List<Output> outputs,
    @Schema(description = "Reserved words: param, in, step, and, or, not, true, false, na")
        List<String> keywords,
    @Schema(
            description =
                "What one strategy may use: max_source_chars, max_statements, max_nesting, "
                    + "max_lookback, max_params")
        Map<String, Long> limits) {

  /** A built-in function. */
  @Schema(name = "LanguageFunction")
  record Function(
      @Schema(example = "sma") String name,
      @Schema(example = "moving average") String category,
      @Schema(example = "sma(source, length)") String signature,
      List<Argument> params,
      @Schema(description = "number, bool, or fields (several named outputs)", example = "number")
          String result,
      @Schema(nullable = true, description = "Names of the outputs when result is fields")
          List<String> fields,
      String description,
      String descriptionKo,
      @Schema(nullable = true, example = "fast_ma = sma(close, 10)") String example) {}

  /** One argument of a function. */
  @Schema(name = "LanguageArgument")
  record Argument(
      @Schema(example = "length") String name,
      @Schema(description = "series, bool series, length or number", example = "length")
          String kind,
      @Schema(nullable = true, description = "The value when omitted; null when required")
          Double defaultValue) {}

  /** A price or time series a strategy can read. */
  @Schema(name = "LanguageVariable")
  record Variable(
      @Schema(example = "close") String name,
      @Schema(example = "price") String category,
      String description,
      String descriptionKo) {}

  /** A name a strategy assigns to drive the engine. */
  @Schema(name = "LanguageOutput")
  record Output(
      @Schema(example = "long_entry") String name,
      @Schema(description = "bool or number", example = "bool") String type,
      @Schema(
              description =
                  "Works during the bar (stop/limit entries): may use only the bar's open and earlier bars")
          boolean intrabar,
      String description) {}
}
