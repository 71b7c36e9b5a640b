package com.tradingbacktest.app.backtest.run;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A backtest to run. Shape checks happen here; the rules that need the strategy, the symbol and its
 * data (parameter ranges, data in range, costs) are checked by {@link RunSettingsResolver}, all at
 * once.
 */
public record BacktestRequest(
    @Schema(description = "Your strategy or anyone's public one") @NotNull(message = "is required")
        UUID strategyId,
    @Schema(
            example = "AAPL",
            description = "The symbol of a single-symbol run; exactly one of symbol and symbols")
        @Size(max = 40, message = "must be at most {max} characters")
        String symbol,
    @Schema(
            example = "1d",
            allowableValues = {"1m", "5m", "15m", "1h", "4h", "1d", "1w", "1M"})
        @NotBlank(message = "is required")
        String interval,
    @Schema(example = "2013-01-01", description = "First day, in the symbol's time zone")
        @NotNull(message = "is required")
        LocalDate startDate,
    @Schema(example = "2013-12-31", description = "Last day (inclusive), in the symbol's time zone")
        @NotNull(message = "is required")
        LocalDate endDate,
    @Schema(example = "10000", description = "Starting cash in the symbol's currency, > 0")
        @NotNull(message = "is required")
        BigDecimal initialCapital,
    @Schema(
            description =
                "Values for the strategy's `param`s by name; omitted ones take their defaults",
            example = "{\"fast\": 10, \"slow\": 30}")
        Map<String, Double> parameters,
    @Schema(
            description =
                "Trading costs: a preset, explicit values, or a preset with some values overridden; "
                    + "omitted: the preset of the symbol's market")
        @Valid
        CostSettings costs,
    @Schema(description = "How much an entry buys; omitted: all in (fraction_of_equity 1.0)") @Valid
        SizingSettings sizing,
    @Schema(
            description = "When market orders fill: next_open (default) or close of the signal bar",
            allowableValues = {"next_open", "close"})
        @Pattern(regexp = "next_open|close", message = "must be next_open or close")
        String fill,
    @Schema(
            description =
                "Short entries open short positions (else they only close longs); default false")
        Boolean allowShort,
    @Schema(
            description =
                "Close an open position at the last bar's close so it counts as a trade; default false (it is shown as open_trade)")
        Boolean closeAtEnd,
    @Schema(
            description = "Annual risk-free rate for Sharpe and Sortino, as a fraction; default 0",
            example = "0.03")
        Double riskFreeRate,
    @Schema(
            description =
                "Which series of the symbol: own (your upload) or shared; default: your own when you"
                    + " have one, else shared",
            allowableValues = {"own", "shared"})
        @Pattern(regexp = "own|shared", message = "must be own or shared")
        String dataset,
    @Schema(
            example = "SPY",
            description =
                "A stored symbol to measure the run against (alpha, beta, capture...) and to"
                    + " draw beside its equity; same interval and dates as the run; omitted: none")
        @Size(max = 40, message = "must be at most {max} characters")
        String benchmark,
    @Schema(
            description =
                "Which series of the benchmark: own (your upload) or shared; default: your own"
                    + " when you have one, else shared",
            allowableValues = {"own", "shared"})
        @Pattern(regexp = "own|shared", message = "must be own or shared")
        String benchmarkDataset,
    @Schema(
            example = "[\"005930\", \"000660\", \"035420\"]",
            description =
                "The symbols of a portfolio run: one account over all of them (1-500, distinct);"
                    + " exactly one of symbol and symbols. Each resolves like symbol (your upload"
                    + " when you have one, else shared; dataset applies to all)")
        @Size(min = 1, max = 500, message = "must list 1 to {max} symbols")
        List<
                @NotBlank(message = "must not be blank")
                @Size(max = 40, message = "must be at most {max} characters") String>
            symbols,
    @Schema(
            example = "monthly",
            description =
                "When a portfolio trades to its target weights, overriding the strategy's"
                    + " rebalance: every_bar, weekly, monthly, quarterly or drift:<band> (e.g."
                    + " drift:0.05); omitted: the strategy's (monthly unless it says)")
        @Size(max = 40, message = "must be at most {max} characters")
        String rebalance,
    @Schema(
            example = "{\"USD\": \"USDKRW\"}",
            description =
                "Per foreign currency of a portfolio's symbols, a stored series quoting one unit"
                    + " of it in the base currency (resolved like symbol)")
        @Size(max = 20, message = "must name at most {max} currencies")
        Map<String, String> fx,
    @Schema(
            example = "KRW",
            description =
                "The portfolio's currency: cash, equity and contributions are in it; omitted: the"
                    + " first symbol's currency")
        @Pattern(
            regexp = "[A-Z][A-Z0-9]{1,9}",
            message = "must be a currency code such as KRW or USD")
        String baseCurrency,
    @Schema(
            example = "Asia/Seoul",
            description =
                "The zone of a portfolio's calendar (its months for a monthly rebalance, its"
                    + " dates); omitted: the first symbol's")
        @Size(max = 64, message = "must be at most {max} characters")
        String timeZone,
    @Schema(
            example = "2",
            description =
                "The most gross position value per unit of equity at entry, >= 1; at most the"
                    + " preset's (KRX 1, US 2, crypto futures up to 10 by the tier of capital x"
                    + " leverage); default 1")
        Double leverage,
    @Schema(
            example = "0.25",
            description =
                "Equity must stay above this fraction of gross position value, else every position"
                    + " is liquidated (exit reason liquidation); below 1/leverage; default: the"
                    + " preset's (the tier's) once leverage > 1 or on a perpetual, else 0")
        Double maintenanceMargin,
    @Schema(
            example = "0.08",
            description = "Annual interest on borrowed cash, a fraction; default: the preset's")
        Double borrowRate,
    @Schema(
            example = "0.003",
            description =
                "Annual fee on the value of short positions, accrued per calendar day held;"
                    + " default: the preset's")
        Double shortBorrowFee,
    @Schema(
            description =
                "Perpetual funding: none, series (the symbol's stored funding rates) or fixed"
                    + " (funding_rate every funding_interval); default: series when rates are"
                    + " stored, else the preset's fixed rate on a perpetual, else none",
            allowableValues = {"none", "series", "fixed"})
        @Pattern(regexp = "none|series|fixed", message = "must be none, series or fixed")
        String funding,
    @Schema(
            example = "0.0001",
            description =
                "The fixed funding rate per interval (a long pays it, a short receives it);"
                    + " with funding=fixed; default: the preset's")
        Double fundingRate,
    @Schema(
            example = "8h",
            description = "Hours between fixed funding charges, 1h-168h; default: the preset's")
        @Pattern(regexp = "[0-9]{1,3}h", message = "must be whole hours such as 8h")
        String fundingInterval,
    @Schema(
            example = "3",
            description = "The most entries in one direction (1 = no pyramiding); default 1")
        Integer pyramiding,
    @Schema(
            description =
                "The last bar's price that close_at_end closes at: close (default) or open",
            allowableValues = {"open", "close"})
        @Pattern(regexp = "open|close", message = "must be open or close")
        String closeAtEndPrice,
    @Schema(
            description =
                "The prices the strategy and the fills see: raw (as traded), split_adjusted"
                    + " (earlier prices divided by later splits) or total_return (split-adjusted"
                    + " and back-adjusted by dividends); default split_adjusted",
            allowableValues = {"raw", "split_adjusted", "total_return"})
        @Pattern(
            regexp = "raw|split_adjusted|total_return",
            message = "must be raw, split_adjusted or total_return")
        String priceAdjustment,
    @Schema(
            description =
                "cash: each dividend is paid into the account on its ex-date for a held position"
                    + " (a short pays it); none: ignored. Default cash; with total_return it must"
                    + " be none or absent (those prices already hold the dividends)",
            allowableValues = {"cash", "none"})
        @Pattern(regexp = "cash|none", message = "must be cash or none")
        String dividends,
    @Schema(
            description =
                "KRX daily price limits: a bar locked at the upper limit fills no buy, at the"
                    + " lower no sell; default true for KRX symbols. Outside KRX there are none:"
                    + " true is ignored with a note in the run's settings")
        Boolean priceLimits) {

  /** A single-symbol request with these account fields (a preview's). */
  static BacktestRequest single(
      UUID strategyId,
      String symbol,
      String interval,
      LocalDate startDate,
      LocalDate endDate,
      BigDecimal initialCapital,
      Map<String, Double> parameters,
      CostSettings costs,
      SizingSettings sizing,
      String fill,
      Boolean allowShort,
      Boolean closeAtEnd,
      Double riskFreeRate,
      String dataset,
      String benchmark,
      String benchmarkDataset,
      AccountFields account,
      PriceFields prices) {
    return new BacktestRequest(
        strategyId,
        symbol,
        interval,
        startDate,
        endDate,
        initialCapital,
        parameters,
        costs,
        sizing,
        fill,
        allowShort,
        closeAtEnd,
        riskFreeRate,
        dataset,
        benchmark,
        benchmarkDataset,
        null,
        null,
        null,
        null,
        null,
        account.leverage(),
        account.maintenanceMargin(),
        account.borrowRate(),
        account.shortBorrowFee(),
        account.funding(),
        account.fundingRate(),
        account.fundingInterval(),
        account.pyramiding(),
        account.closeAtEndPrice(),
        prices.priceAdjustment(),
        prices.dividends(),
        prices.priceLimits());
  }

  /** The price fields of this request, as given (null: the default). */
  PriceFields prices() {
    return new PriceFields(priceAdjustment, dividends, priceLimits);
  }

  /** The price adjustment, dividends and price limits of a run or preview request. */
  record PriceFields(String priceAdjustment, String dividends, Boolean priceLimits) {}

  /** The account fields of this request, as given (null: the preset's default). */
  AccountFields account() {
    return new AccountFields(
        leverage,
        maintenanceMargin,
        borrowRate,
        shortBorrowFee,
        funding,
        fundingRate,
        fundingInterval,
        pyramiding,
        closeAtEndPrice);
  }

  /** The account fields of a run or preview request, each null when not given. */
  record AccountFields(
      Double leverage,
      Double maintenanceMargin,
      Double borrowRate,
      Double shortBorrowFee,
      String funding,
      Double fundingRate,
      String fundingInterval,
      Integer pyramiding,
      String closeAtEndPrice) {}

  /**
   * Costs. Rates are fractions (0.001 = 0.1%).
   *
   * @param preset none, krx, us, upbit or binance; explicit fields override its values (the us
   *     preset's dated SEC and FINRA sell fees stay in force under any override)
   */
  record CostSettings(
      @Schema(allowableValues = {"none", "krx", "us", "upbit", "binance"}) String preset,
      @Schema(example = "0.001") Double commissionRate,
      @Schema(description = "Cash per fill") Double commissionFixed,
      @Schema(description = "Least commission of a fill, in cash") Double commissionMinimum,
      @Schema(description = "Sell-side transaction tax, e.g. KRX 0.002") Double sellTaxRate,
      @Schema(description = "Fraction of the price") Double slippageRate,
      @Schema(description = "Whole ticks of the symbol's tick size") Double slippageTicks,
      @Schema(description = "Cash per unit filled, added to the commission (e.g. 0.005)")
          Double perShareFee,
      @Schema(description = "The most the per-share fee of one fill costs, in cash; none if absent")
          Double perShareFeeCap,
      @Schema(
              allowableValues = {"sell", "both"},
              description = "Which fills pay the per-share fee: sells only (default) or both")
          @Pattern(regexp = "sell|both", message = "must be sell or both")
          String perShareFeeSides) {}

  /**
   * Position sizing.
   *
   * @param type fraction_of_equity (value in (0, 1]), fixed_quantity (units) or fixed_cash
   *     (currency)
   */
  record SizingSettings(
      @Schema(allowableValues = {"fraction_of_equity", "fixed_quantity", "fixed_cash"})
          @NotBlank(message = "is required")
          @Pattern(
              regexp = "fraction_of_equity|fixed_quantity|fixed_cash",
              message = "must be fraction_of_equity, fixed_quantity or fixed_cash")
          String type,
      @NotNull(message = "is required") Double value) {}
}
