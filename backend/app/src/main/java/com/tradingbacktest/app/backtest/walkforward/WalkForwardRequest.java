package com.tradingbacktest.app.backtest.walkforward;

import com.tradingbacktest.app.backtest.optimize.OptimizeRequest;
import com.tradingbacktest.app.backtest.run.BacktestRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A walk-forward optimisation: the grid of an optimisation searched on each window's train part,
 * the best feasible combination traded on the test part after it.
 *
 * @param backtest the run to vary, as an optimisation takes it (portfolio runs too); its dates span
 *     every window
 * @param ranges the grid, as an optimisation's; omitted: every declared range
 * @param objective the metric each train part maximises
 * @param constraints conditions a combination must meet to be chosen
 * @param paramConstraints conditions on the parameters, as an optimisation's
 * @param windows how the bars are cut into windows; omitted: five rolling windows
 */
record WalkForwardRequest(
    @NotNull(message = "is required") @Valid BacktestRequest backtest,
    @Valid Map<String, OptimizeRequest.RangeSpec> ranges,
    @Schema(example = "sharpe_ratio", defaultValue = "sharpe_ratio") String objective,
    @Size(max = 20, message = "must have at most {max} entries")
        List<OptimizeRequest.@Valid ConstraintSpec> constraints,
    @Schema(example = "[\"fast < slow\"]")
        @Size(max = 20, message = "must have at most {max} entries")
        List<
                @NotBlank(message = "is required")
                @Size(max = 200, message = "must be at most {max} characters") String>
            paramConstraints,
    @Valid WindowsSpec windows) {

  /**
   * How the bars are cut: {@code count} windows whose train parts are {@code train_test_ratio}
   * times as long as their test parts, or parts of {@code train_bars} and {@code test_bars} bars,
   * or of {@code train_period} and {@code test_period} (ISO-8601, e.g. P2Y and P6M) on the
   * calendar; lengths or periods override the count. {@code gap_bars} bars between each train part
   * and its test part are left out of both. In a response, every default is filled in.
   */
  @Schema(name = "WalkForwardWindowsSpec")
  record WindowsSpec(
      @Schema(
              defaultValue = "rolling",
              allowableValues = {"rolling", "anchored"})
          @Pattern(
              regexp = "(?i)\\s*(rolling|anchored)\\s*",
              message = "must be rolling or anchored")
          String mode,
      @Schema(defaultValue = "5")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 100, message = "must be at most 100")
          Integer count,
      @Schema(defaultValue = "3")
          @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
          @DecimalMax(value = "20", message = "must be at most 20")
          Double trainTestRatio,
      @Schema(nullable = true)
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 100_000_000, message = "must be at most 100000000")
          Integer trainBars,
      @Schema(nullable = true)
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 100_000_000, message = "must be at most 100000000")
          Integer testBars,
      @Schema(nullable = true, example = "P2Y")
          @Size(max = 20, message = "must be at most {max} characters")
          String trainPeriod,
      @Schema(nullable = true, example = "P6M")
          @Size(max = 20, message = "must be at most {max} characters")
          String testPeriod,
      @Schema(defaultValue = "0")
          @Min(value = 0, message = "must be at least 0")
          @Max(value = 10_000, message = "must be at most 10000")
          Integer gapBars) {}
}
