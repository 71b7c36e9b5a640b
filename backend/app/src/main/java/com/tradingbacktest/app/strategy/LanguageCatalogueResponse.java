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
                    + "max_lookback, max_params, max_text_chars, max_plots, max_plot_title_chars")
        Map<String, Long> limits) {

  /** A built-in function. */
  @Schema(name = "LanguageFunction")
  record Function(
      @Schema(example = "sma") String name,
      @Schema(example = "moving average") String category,
      @Schema(example = "sma(source, length)") String signature,
      List<Argument> params,
      @Schema(
              description =
                  "number, bool, fields (several named outputs), or none (a statement of its own: plot)",
              example = "number")
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
      @Schema(
              description =
                  "series, bool series, number or bool series, length, number, or string (a text in "
                      + "double quotes)",
              example = "length")
          String kind,
      @Schema(
              nullable = true,
              description = "The value of a number or length when omitted; null otherwise")
          Double defaultValue,
      @Schema(
              nullable = true,
              description = "The value of a string when omitted; null otherwise",
              example = "line")
          String defaultText,
      @Schema(description = "The only values a string may take; empty when any text will do")
          List<String> choices,
      @Schema(description = "Whether a call must give it (no default, not optional)")
          boolean required) {}

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
