package com.tradingbacktest.app.strategy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;

/**
 * The figures the public front page states, counted from the catalogue itself so that they never
 * drift from what the language offers.
 *
 * @param indicators functions that compute an indicator from bars (moving averages, oscillators,
 *     trend, volatility and volume measures)
 * @param functions every function of the language, indicators included
 * @param templates ready-made strategies to start from
 * @param intervals bar intervals a run can use
 */
@Schema(name = "CatalogueSummary")
record CatalogueSummary(
    @Schema(example = "29") int indicators,
    @Schema(example = "57") int functions,
    @Schema(example = "18") int templates,
    @Schema(example = "8") int intervals) {

  /** The catalogue categories whose functions are indicators (the language reference's). */
  static final Set<String> INDICATOR_CATEGORIES =
      Set.of("moving average", "oscillator", "trend", "volatility", "volume");

  static CatalogueSummary of(LanguageCatalogueResponse catalogue, int templates, int intervals) {
    int indicators =
        (int)
            catalogue.functions().stream()
                .filter(f -> INDICATOR_CATEGORIES.contains(f.category()))
                .count();
    return new CatalogueSummary(indicators, catalogue.functions().size(), templates, intervals);
  }
}
