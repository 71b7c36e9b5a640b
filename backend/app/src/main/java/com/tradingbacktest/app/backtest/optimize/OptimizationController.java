package com.tradingbacktest.app.backtest.optimize;

import com.tradingbacktest.app.auth.AuthenticatedUser;
import com.tradingbacktest.app.backtest.run.BacktestController;
import com.tradingbacktest.app.backtest.run.BacktestService;
import com.tradingbacktest.app.backtest.run.BacktestStatusResponse;
import com.tradingbacktest.app.common.ratelimit.RateLimited;
import com.tradingbacktest.app.common.ratelimit.RequestLimit;
import com.tradingbacktest.app.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Parameter optimisation: grid search over a strategy's parameters, ranked by an objective. */
@RestController
@Validated
@RequestMapping(OptimizationController.PATH)
@Tag(
    name = "Optimisation",
    description = "Grid search over strategy parameters, shared by all workers")
class OptimizationController {

  static final String PATH = "/api/v1/backtests/optimize";

  /** For a missing optimisation and for someone else's alike. */
  private static final String NOT_FOUND = "No such optimisation of yours";

  private static final String TOO_MANY_RUNS = "Too many of your runs queued or running";

  private final OptimizationService optimizations;
  private final BacktestService backtests;

  OptimizationController(OptimizationService optimizations, BacktestService backtests) {
    this.optimizations = optimizations;
    this.backtests = backtests;
  }

  @PostMapping
  @RateLimited(RequestLimit.RUNS)
  @Operation(
      summary = "Start an optimisation",
      description =
          "Runs `backtest` once per combination of the parameter grid: `ranges` per parameter, or by "
              + "default every parameter declared with `param ... in a..b [step s]`; other parameters stay at the "
              + "backtest's values. Combinations are ranked by `objective`; `constraints` (e.g. trade_count >= 10) "
              + "decide which are feasible. The grid is split into slices that run as separate jobs on every worker. "
              + "Grids over MAX_OPTIMIZATION_COMBINATIONS (10,000 by default) are refused.",
      responses = {
        @ApiResponse(responseCode = "202", description = "Queued; Location names it"),
        @ApiResponse(
            responseCode = "422",
            description =
                "Invalid backtest fields, ranges, objective or "
                    + "constraints, or a grid over the limit; every problem listed in `errors`"),
        @ApiResponse(responseCode = "429", description = TOO_MANY_RUNS)
      })
  ResponseEntity<OptimizationResponse> create(
      @AuthenticationPrincipal AuthenticatedUser user,
      @Valid @RequestBody OptimizeRequest request) {
    UUID id = optimizations.create(user.id(), request);
    return ResponseEntity.accepted()
        .location(URI.create(PATH + "/" + id))
        .body(optimizations.get(user.id(), id, 0, null, null));
  }

  @GetMapping
  @Operation(summary = "Your optimisations, newest first")
  PageResponse<OptimizationSummary> list(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "0")
          @Min(value = 0, message = "must be at least 0")
          @Max(value = 1_000_000, message = "must be at most 1000000")
          int page,
      @RequestParam(defaultValue = "20")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 100, message = "must be at most 100")
          int size) {
    return optimizations.list(user.id(), page, size);
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "An optimisation: status, progress and the best results so far, with heatmap data",
      responses = {
        @ApiResponse(responseCode = "200", description = "The optimisation"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND)
      })
  OptimizationResponse get(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @Parameter(description = "How many ranked results, 0-1000")
          @RequestParam(defaultValue = "50")
          @Min(value = 0, message = "must be at least 0")
          @Max(value = 1000, message = "must be at most 1000")
          int limit,
      @Parameter(description = "Heatmap x parameter; default the first varying one")
          @RequestParam(required = false)
          @Size(max = 64, message = "must be at most {max} characters")
          String x,
      @Parameter(description = "Heatmap y parameter; default the second varying one")
          @RequestParam(required = false)
          @Size(max = 64, message = "must be at most {max} characters")
          String y) {
    return optimizations.get(user.id(), id, limit, x, y);
  }

  @DeleteMapping("/{id}")
  @Operation(
      summary = "Cancel a running optimisation, or delete a finished one with its results",
      responses = {
        @ApiResponse(responseCode = "202", description = "Cancelled"),
        @ApiResponse(responseCode = "204", description = "Deleted"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND)
      })
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    return switch (optimizations.remove(user.id(), id)) {
      case CANCELLED -> ResponseEntity.accepted().build();
      case DELETED -> ResponseEntity.noContent().build();
    };
  }

  @PostMapping("/{id}/results/{combination}/backtest")
  @RateLimited(RequestLimit.RUNS)
  @Operation(
      summary = "Re-run one combination as a full backtest (equity curve, trades, fills)",
      responses = {
        @ApiResponse(responseCode = "202", description = "Queued; Location names the new run"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND + ", or no such result yet"),
        @ApiResponse(responseCode = "429", description = TOO_MANY_RUNS)
      })
  ResponseEntity<BacktestStatusResponse> rerun(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @PathVariable long combination) {
    UUID run = optimizations.rerun(user.id(), id, combination);
    return ResponseEntity.accepted()
        .location(URI.create(BacktestController.PATH + "/" + run))
        .body(backtests.status(user.id(), run));
  }
}
