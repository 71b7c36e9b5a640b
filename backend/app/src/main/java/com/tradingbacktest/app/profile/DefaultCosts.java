package com.tradingbacktest.app.profile;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The costs a new run starts from, in the shape of a run request's {@code costs}: a preset, and
 * explicit values that override it (null: the preset's). Rates are fractions (0.001 = 0.1%).
 */
@Schema(name = "DefaultCosts")
record DefaultCosts(
    @Schema(
            allowableValues = {"none", "krx", "us", "upbit", "binance"},
            nullable = true)
        String preset,
    @Schema(example = "0.00015", nullable = true) Double commissionRate,
    @Schema(description = "Cash per fill", nullable = true) Double commissionFixed,
    @Schema(description = "Least commission of a fill, in cash", nullable = true)
        Double commissionMinimum,
    @Schema(example = "0.002", description = "Sell-side transaction tax", nullable = true)
        Double sellTaxRate,
    @Schema(description = "Fraction of the price", nullable = true) Double slippageRate,
    @Schema(description = "Whole ticks of the symbol's tick size", nullable = true)
        Double slippageTicks) {}
