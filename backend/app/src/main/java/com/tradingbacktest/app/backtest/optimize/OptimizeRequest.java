package com.tradingbacktest.app.backtest.optimize;

import com.tradingbacktest.app.backtest.run.BacktestRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A parameter optimisation: one backtest setup, run once per combination of a parameter grid.
 *
 * @param backtest the run to vary: strategy, symbol, interval, dates, capital, costs, sizing...;
 *     its {@code parameters} fix the values of parameters that are not in the grid
 * @param ranges the grid, parameter name to range; omitted: every parameter declared with {@code
 *     param ... in a..b [step s]} varies over its declared range
 * @param objective the metric to maximise (drawdowns are negative, so max_drawdown maximises
 *     towards 0)
 * @param constraints conditions a combination must meet to rank among the feasible ones
 * @param paramConstraints conditions on the parameters, in the syntax of a strategy's constraint
 *     statement ({@code "fast < slow"}); with the strategy's own, a combination that breaks one is
 *     skipped before running and counted in {@code skipped_combinations}
 * @param outOfSample the last part of the bars to hold out: the grid is ranked on the bars before
 *     it and its best combinations are then traded on it; null holds nothing out
 * @param cscvPartitions S, the blocks the ranked bars are cut into for the Probability of Backtest
 *     Overfitting (CSCV); even, 4..32, default 16
 */
public record OptimizeRequest(
    @NotNull(message = "is required") @Valid BacktestRequest backtest,
    @Valid Map<String, RangeSpec> ranges,
    @Schema(
            example = "sharpe_ratio",
            defaultValue = "sharpe_ratio",
            allowableValues = {
              "sharpe_ratio",
              "sortino_ratio",
              "calmar_ratio",
              "total_return",
              "cagr",
              "profit_factor",
              "win_rate",
              "sqn",
              "expectancy",
              "max_drawdown",
              "final_equity"
            })
        String objective,
    @Size(max = 20, message = "must have at most {max} entries")
        List<@Valid ConstraintSpec> constraints,
    @Schema(
            description =
                "Conditions on the parameters, each a param or number, a comparison (< <= > >= =="
                    + " !=) and a param or number; combinations that break one are skipped before"
                    + " running",
            example = "[\"fast < slow\"]")
        @Size(max = 20, message = "must have at most {max} entries")
        List<
                @NotBlank(message = "is required")
                @Size(max = 200, message = "must be at most {max} characters") String>
            paramConstraints,
    @Valid @Schema(nullable = true) OutOfSampleSpec outOfSample,
    @Schema(
            description = "Even, 4..32; 16 when omitted",
            minimum = "4",
            maximum = "32",
            nullable = true)
        Integer cscvPartitions) {

  /** S when the request gives none. */
  static final int DEFAULT_CSCV_PARTITIONS = 16;

  /**
   * Which bars to hold out: exactly one of {@code fraction} (the last fraction of the bars, in (0,
   * 0.9]) and {@code from} (every bar from that day on, in the symbol's zone).
   */
  record OutOfSampleSpec(
      @Schema(nullable = true, example = "0.3") Double fraction,
      @Schema(nullable = true, example = "2012-01-01") LocalDate from) {}

  /** Values {@code from}, {@code from + step}, ... up to {@code to}. */
  public record RangeSpec(
      @NotNull(message = "is required") Double from,
      @NotNull(message = "is required") Double to,
      @NotNull(message = "is required") Double step) {}

  /** {@code metric op value}, e.g. {@code trade_count >= 10} or {@code max_drawdown > -0.25}. */
  public record ConstraintSpec(
      @Schema(example = "trade_count") @NotBlank(message = "is required") String metric,
      @Schema(
              example = ">=",
              allowableValues = {">", ">=", "<", "<="})
          @NotBlank(message = "is required")
          @Pattern(regexp = ">|>=|<|<=", message = "must be >, >=, < or <=")
          String op,
      @Schema(example = "10") @NotNull(message = "is required") Double value) {}
}
