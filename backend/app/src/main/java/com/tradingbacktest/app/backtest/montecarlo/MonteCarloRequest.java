package com.tradingbacktest.app.backtest.montecarlo;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/**
 * A Monte Carlo analysis of a completed run.
 *
 * @param method how a path is made: {@code shuffle} (the run's trade returns in a random order),
 *     {@code bootstrap} (trade returns drawn with replacement) or {@code block_bootstrap} (blocks
 *     of consecutive bar returns drawn with replacement)
 * @param paths how many paths, 1..100,000
 * @param seed the random seed; null draws one (returned, so the analysis can be repeated)
 * @param blockLength bars per block of {@code block_bootstrap}, 1..the run's bars; null picks
 *     ceil(sqrt(bars))
 * @param ruinEquity a path is ruined once its equity falls to or below this; null is half the run's
 *     initial capital
 */
record MonteCarloRequest(
    @Schema(
            description = "shuffle when omitted",
            nullable = true,
            allowableValues = {"shuffle", "bootstrap", "block_bootstrap"})
        String method,
    @Schema(description = "1,000 when omitted", nullable = true, minimum = "1", maximum = "100000")
        @Min(value = 1, message = "must be at least {value}")
        @Max(value = 100_000, message = "must be at most {value}")
        Integer paths,
    @Schema(nullable = true) Long seed,
    @Schema(nullable = true) @Min(value = 1, message = "must be at least {value}")
        Integer blockLength,
    @Schema(nullable = true) @Positive(message = "must be above 0") Double ruinEquity) {}
