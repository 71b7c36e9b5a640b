package com.tradingbacktest.app.strategy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What compiling the code found; nothing is stored. */
record StrategyValidationResponse(
    @Schema(description = "True when the code compiles; then `errors` is empty") boolean valid,
    @Schema(description = "Every compile error, in source order") List<StrategyCodeError> errors,
    @Schema(description = "Declared parameters; empty when the code does not compile")
        List<StrategyParameter> parameters,
    @Schema(
            description =
                "Outputs the code assigns (long_entry, stop_loss, ...); empty when it does not compile")
        List<String> outputs) {}
