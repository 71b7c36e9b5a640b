package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.engine.lang.Limits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A backtest to preview: the fields of {@link BacktestRequest}, with the strategy named by {@code
 * strategy_id} or given as {@code code} (exactly one of them), and the point budget of the charts.
 * Keeping a preview posts the same request, without {@code code} and {@code points}, to POST
 * /api/v1/backtests.
 */
@Schema(
    description =
        "A backtest request (see BacktestRequest) whose strategy is `strategy_id` or `code`, exactly"
            + " one of them")
record PreviewRequest(
    @Schema(description = "Your strategy or anyone's public one; or give `code` instead")
        UUID strategyId,
    @Schema(
            description =
                "Strategy-language source to run unsaved (the editor's content); or give"
                    + " `strategy_id` instead")
        @Size(max = Limits.MAX_SOURCE_CHARS, message = "must be at most {max} characters")
        String code,
    @Schema(example = "AAPL")
        @NotBlank(message = "is required")
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
    @Schema(description = "Trading costs, as for a run; omitted: the preset of the symbol's market")
        @Valid
        BacktestRequest.CostSettings costs,
    @Schema(description = "How much an entry buys; omitted: all in (fraction_of_equity 1.0)") @Valid
        BacktestRequest.SizingSettings sizing,
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
                "Close an open position at the last bar's close so it counts as a trade; default"
                    + " false")
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
            description =
                "Most points of the equity chart and of each plot, 16-10000; default 1000",
            example = "1000")
        @Min(value = 16, message = "must be at least 16")
        @Max(value = 10_000, message = "must be at most 10000")
        Integer points,
    @Schema(
            example = "SPY",
            description =
                "A stored symbol to measure the preview against, as for a run; omitted: none")
        @Size(max = 40, message = "must be at most {max} characters")
        String benchmark,
    @Schema(
            description = "Which series of the benchmark: own or shared, as for a run",
            allowableValues = {"own", "shared"})
        @Pattern(regexp = "own|shared", message = "must be own or shared")
        String benchmarkDataset,
    @Schema(description = "As for a run: the most gross position value per unit of equity")
        Double leverage,
    @Schema(description = "As for a run") Double maintenanceMargin,
    @Schema(description = "As for a run") Double borrowRate,
    @Schema(description = "As for a run") Double shortBorrowFee,
    @Schema(
            description = "As for a run: none, series or fixed",
            allowableValues = {"none", "series", "fixed"})
        @Pattern(regexp = "none|series|fixed", message = "must be none, series or fixed")
        String funding,
    @Schema(description = "As for a run") Double fundingRate,
    @Schema(description = "As for a run: whole hours such as 8h", example = "8h")
        @Pattern(regexp = "[0-9]{1,3}h", message = "must be whole hours such as 8h")
        String fundingInterval,
    @Schema(description = "As for a run") Integer pyramiding,
    @Schema(
            description = "As for a run: open or close",
            allowableValues = {"open", "close"})
        @Pattern(regexp = "open|close", message = "must be open or close")
        String closeAtEndPrice,
    @Schema(
            description = "As for a run: raw, split_adjusted (default) or total_return",
            allowableValues = {"raw", "split_adjusted", "total_return"})
        @Pattern(
            regexp = "raw|split_adjusted|total_return",
            message = "must be raw, split_adjusted or total_return")
        String priceAdjustment,
    @Schema(
            description = "As for a run: cash (default) or none",
            allowableValues = {"cash", "none"})
        @Pattern(regexp = "cash|none", message = "must be cash or none")
        String dividends,
    @Schema(description = "As for a run: KRX daily price limits; default true for KRX symbols")
        Boolean priceLimits) {

  static final int DEFAULT_POINTS = 1000;

  int pointBudget() {
    return points == null ? DEFAULT_POINTS : points;
  }

  /** The run this previews, as POST /api/v1/backtests would take it. */
  BacktestRequest toRunRequest() {
    return BacktestRequest.single(
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
        new BacktestRequest.AccountFields(
            leverage,
            maintenanceMargin,
            borrowRate,
            shortBorrowFee,
            funding,
            fundingRate,
            fundingInterval,
            pyramiding,
            closeAtEndPrice),
        new BacktestRequest.PriceFields(priceAdjustment, dividends, priceLimits));
  }
}
