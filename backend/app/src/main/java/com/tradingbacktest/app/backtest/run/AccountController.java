package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.auth.AuthenticatedUser;
import com.tradingbacktest.app.backtest.AccountPresets;
import com.tradingbacktest.app.common.error.NotFoundException;
import com.tradingbacktest.app.marketdata.Dataset;
import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.app.marketdata.SymbolInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The account presets a run form starts from (tb.account.presets). */
@RestController
@RequestMapping(BacktestController.PATH)
@Tag(name = "Backtests")
class AccountController {

  private final AccountResolver accounts;
  private final MarketDataService marketData;
  private final BenchmarkSuggestions benchmarks;

  AccountController(
      AccountResolver accounts, MarketDataService marketData, BenchmarkSuggestions benchmarks) {
    this.accounts = accounts;
    this.marketData = marketData;
    this.benchmarks = benchmarks;
  }

  @GetMapping("/benchmark-defaults")
  @Operation(
      summary = "The index a run is measured against by default, per market",
      description =
          "KOSPI (^KS11) for KRX symbols, KOSDAQ (^KQ11) for the KOSDAQ board, the S&P 500 for US"
              + " symbols (^SP500TR, total return, when stored, else ^GSPC), none for crypto; each"
              + " says whether its bars are stored. With symbol, `suggested` is that symbol's.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The suggestions"),
        @ApiResponse(responseCode = "404", description = "Unknown symbol")
      })
  BenchmarkDefaults benchmarkDefaults(
      @AuthenticationPrincipal AuthenticatedUser user,
      @Parameter(description = "A symbol whose suggestion to single out")
          @RequestParam(required = false)
          String symbol,
      @Parameter(description = "own or shared; default: your own when you have one, else shared")
          @RequestParam(required = false)
          String dataset) {
    SymbolInfo s = null;
    if (symbol != null && !symbol.isBlank()) {
      s =
          marketData
              .symbol(user.id(), symbol.trim(), Dataset.parse("dataset", dataset))
              .orElseThrow(() -> new NotFoundException("Symbol " + symbol));
    }
    return benchmarks.defaults(user.id(), s);
  }

  @GetMapping("/account-defaults")
  @Operation(
      summary = "The account a run on a symbol starts from: its preset's defaults and limits",
      description =
          "Leverage, maintenance margin, borrow rate, short borrow fee, funding and pyramiding of the"
              + " symbol's asset class preset (KRX cash account, US margin account, crypto spot,"
              + " crypto futures for symbols with funding, other), with the leverage tiers of"
              + " crypto futures. A run's account fields default to these and may not exceed them.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The defaults"),
        @ApiResponse(responseCode = "404", description = "Unknown symbol")
      })
  AccountDefaults defaults(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam String symbol,
      @Parameter(description = "own or shared; default: your own when you have one, else shared")
          @RequestParam(required = false)
          String dataset) {
    SymbolInfo s =
        marketData
            .symbol(user.id(), symbol.trim(), Dataset.parse("dataset", dataset))
            .orElseThrow(() -> new NotFoundException("Symbol " + symbol));
    String name = accounts.presetOf(s);
    AccountPresets.Preset preset = accounts.preset(name);
    boolean perpetual = "crypto-futures".equals(name);
    boolean series = accounts.hasFunding(s);
    return new AccountDefaults(
        s.symbol(),
        name,
        perpetual,
        series,
        preset.tiers().isEmpty()
            ? preset.maxLeverage()
            : Math.min(preset.maxLeverage(), preset.tiers().get(0).maxLeverage()),
        preset.tiers().isEmpty()
            ? preset.maintenanceMargin()
            : preset.tiers().get(0).maintenanceMargin(),
        preset.borrowRate(),
        preset.shortBorrowFee(),
        series ? "series" : perpetual && preset.fundingRate() != 0 ? "fixed" : "none",
        preset.fundingRate(),
        AccountResolver.hours(preset.fundingInterval()),
        preset.maxPyramiding(),
        preset.tiers().stream()
            .map(
                t ->
                    new AccountDefaults.Tier(
                        t.upTo() > 0 ? t.upTo() : null, t.maxLeverage(), t.maintenanceMargin()))
            .toList());
  }
}
