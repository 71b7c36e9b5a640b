package com.tradingbacktest.app.strategy;

import com.tradingbacktest.app.common.i18n.LocalizedText;
import com.tradingbacktest.engine.lang.Diagnostic;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.annotation.JsonSerialize;

/** A compile error at a place in the source, for the editor's markers. */
@Schema(description = "A compile error at a place in the source")
record StrategyCodeError(
    @Schema(example = "3", description = "1-based line") int line,
    @Schema(example = "14", description = "1-based column") int column,
    @Schema(example = "4", description = "Characters to underline, at least 1") int length,
    @Schema(
            example = "unknown function 'smaa'; did you mean 'sma'?",
            description = "What is wrong, in the request's language")
        @JsonSerialize(using = LocalizedText.class)
        String message) {

  static StrategyCodeError of(Diagnostic diagnostic) {
    return new StrategyCodeError(
        diagnostic.line(), diagnostic.column(), diagnostic.length(), diagnostic.message());
  }

  static List<StrategyCodeError> of(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(StrategyCodeError::of).toList();
  }
}
