package com.tradingbacktest.app.strategy;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/**
 * Source to check; any length the body limit allows (the compiler reports one over its own limit).
 */
record ValidateStrategyRequest(
    @Schema(example = "long_entry = close > sma(close, 20)\nlong_exit = close < sma(close, 20)\n")
        @NotNull(message = "is required")
        String code) {}
