package com.tradingbacktest.app.backtest.run;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The benchmark a run form suggests per market (docs/API.md, "Benchmark defaults").
 *
 * @param markets every market's suggestion, in a fixed order: kospi, kosdaq, us, crypto
 * @param suggested the suggestion for the symbol asked about; null when none was asked about
 */
@Schema(name = "BenchmarkDefaults")
record BenchmarkDefaults(List<Suggestion> markets, @Schema(nullable = true) Suggestion suggested) {

  /**
   * @param market kospi, kosdaq, us or crypto
   * @param symbol the index's ticker (^KS11, ^KQ11, ^SP500TR or ^GSPC); null where no index is
   *     suggested (crypto)
   * @param name the index's name; null without one
   * @param totalReturn whether the index includes reinvested dividends (^SP500TR)
   * @param stored whether its bars are stored, so a run can use it now (else it needs a fetch or an
   *     import first)
   */
  @Schema(name = "BenchmarkSuggestion")
  record Suggestion(
      String market,
      @Schema(nullable = true) String symbol,
      @Schema(nullable = true) String name,
      boolean totalReturn,
      boolean stored) {}
}
