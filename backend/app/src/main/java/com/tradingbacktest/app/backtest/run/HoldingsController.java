package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.auth.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A portfolio run's holdings and weights over time, read with a range, a budget and symbols. */
@RestController
@Validated
@RequestMapping(BacktestController.PATH)
@Tag(name = "Backtests")
class HoldingsController {

  private static final String NOT_FOUND = "No such run of yours";

  private final HoldingsService holdings;

  HoldingsController(HoldingsService holdings) {
    this.holdings = holdings;
  }

  @GetMapping("/{id}/holdings")
  @Operation(
      operationId = "getBacktestHoldings",
      summary =
          "A completed portfolio run's weights and quantities per symbol, over a time range,"
              + " within a point budget",
      description =
          "Every symbol's quantity and weight (its value in the base currency over the equity) at "
              + "each of the run's times is stored in full. This returns the chosen symbols "
              + "(`symbols`, comma-separated, at most 20; absent: the run's first 20, and "
              + "`total_symbols` says how many it has) on one time axis (epoch ms), downsampled to "
              + "`points` by keeping, per bucket, the first and last time and those of each "
              + "symbol's lowest and highest weight. The range parameters are those of "
              + "GET /api/v1/analytics/chart.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The holdings"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND),
        @ApiResponse(
            responseCode = "409",
            description = "The run is not completed (`/problems/run-not-completed`)"),
        @ApiResponse(
            responseCode = "422",
            description =
                "A single-symbol run, a symbol the run does not hold, more than 20 symbols, a "
                    + "malformed or reversed range, or points out of bounds "
                    + "(`/problems/validation-failed`)")
      })
  HoldingsResponse holdings(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @Parameter(description = "Comma-separated symbols of the run, at most 20", example = "A,B")
          @RequestParam(required = false)
          @Size(max = 1000, message = "must be at most {max} characters")
          String symbols,
      @Parameter(
              description =
                  "Start of the range, inclusive: an ISO instant, or an ISO date (its first moment"
                      + " in the run's zone); default the run's first time")
          @RequestParam(required = false)
          @Size(max = 40, message = "must be at most {max} characters")
          String from,
      @Parameter(
              description =
                  "End of the range, inclusive: an ISO instant, or an ISO date (to its end in the"
                      + " run's zone); default the run's last time")
          @RequestParam(required = false)
          @Size(max = 40, message = "must be at most {max} characters")
          String to,
      @Parameter(description = "Most points per symbol, 16-5000")
          @RequestParam(defaultValue = "500")
          @Min(value = 16, message = "must be at least 16")
          @Max(value = 5_000, message = "must be at most 5000")
          int points) {
    return holdings.range(user.id(), id, symbols, from, to, points);
  }

  @GetMapping("/{id}/holdings/at")
  @Operation(
      operationId = "getBacktestHoldingsAt",
      summary = "Every symbol's holding in a completed portfolio run at one time",
      description =
          "The quantity and weight of each of the run's symbols (at most 500) at the last of its "
              + "times at or before `at` (an ISO date means the end of that day in the run's zone).",
      responses = {
        @ApiResponse(responseCode = "200", description = "The holdings at that time"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND),
        @ApiResponse(
            responseCode = "409",
            description = "The run is not completed (`/problems/run-not-completed`)"),
        @ApiResponse(
            responseCode = "422",
            description =
                "A single-symbol run, or `at` missing or malformed (`/problems/validation-failed`)")
      })
  HoldingsResponse.At holdingsAt(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @Parameter(description = "An ISO instant or date", example = "2020-06-30")
          @RequestParam(required = false)
          @Size(max = 40, message = "must be at most {max} characters")
          String at) {
    return holdings.at(user.id(), id, at);
  }
}
