package com.tradingbacktest.app.backtest.montecarlo;

import com.tradingbacktest.app.auth.AuthenticatedUser;
import com.tradingbacktest.app.common.ratelimit.RateLimited;
import com.tradingbacktest.app.common.ratelimit.RequestLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
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
import org.springframework.web.bind.annotation.RestController;

/** Monte Carlo analyses of a completed run: other orders of its trades, other luck. */
@RestController
@Validated
@RequestMapping(MonteCarloController.PATH)
@Tag(
    name = "Monte Carlo",
    description = "Resampling a completed run's trades or bar returns into many paths")
class MonteCarloController {

  static final String PATH = "/api/v1/backtests/{id}/monte-carlo";

  private static final String NOT_FOUND = "No such run or analysis of yours";

  private final MonteCarloService analyses;

  MonteCarloController(MonteCarloService analyses) {
    this.analyses = analyses;
  }

  @PostMapping
  @RateLimited(RequestLimit.RUNS)
  @Operation(
      summary = "Start a Monte Carlo analysis of a completed run",
      description =
          "Executes the run again (its final equity must still be the stored one) and draws `paths`"
              + " paths from it: `shuffle` reorders its trade returns, `bootstrap` draws them with"
              + " replacement, `block_bootstrap` draws blocks of `block_length` bar returns. The"
              + " seed (given, or drawn and returned) makes it repeatable. Paths x steps is at"
              + " most 1,000,000,000; the 20 newest analyses of a run are kept.",
      responses = {
        @ApiResponse(responseCode = "202", description = "Queued; Location names it"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND),
        @ApiResponse(responseCode = "409", description = "The run is not completed"),
        @ApiResponse(
            responseCode = "422",
            description = "Invalid fields, nothing to resample, or over the budget; see `errors`"),
        @ApiResponse(responseCode = "429", description = "Too many of your analyses running")
      })
  ResponseEntity<MonteCarloResponse> create(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable("id") UUID backtestId,
      @Valid @RequestBody(required = false) MonteCarloRequest request) {
    MonteCarloRequest given =
        request == null ? new MonteCarloRequest(null, null, null, null, null) : request;
    UUID id = analyses.create(user.id(), backtestId, given);
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/backtests/" + backtestId + "/monte-carlo/" + id))
        .body(analyses.get(user.id(), backtestId, id));
  }

  @GetMapping
  @Operation(
      summary = "A run's Monte Carlo analyses, newest first (without bands and histograms)",
      responses = {
        @ApiResponse(responseCode = "200", description = "The analyses"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND)
      })
  List<MonteCarloSummary> list(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable("id") UUID backtestId) {
    return analyses.list(user.id(), backtestId);
  }

  @GetMapping("/{mcId}")
  @Operation(
      summary = "One Monte Carlo analysis: percentiles, probability of ruin, fan chart, histograms",
      responses = {
        @ApiResponse(responseCode = "200", description = "The analysis"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND)
      })
  MonteCarloResponse get(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable("id") UUID backtestId,
      @PathVariable("mcId") UUID id) {
    return analyses.get(user.id(), backtestId, id);
  }

  @DeleteMapping("/{mcId}")
  @Operation(
      summary = "Delete a Monte Carlo analysis (a running one stops)",
      responses = {
        @ApiResponse(responseCode = "204", description = "Deleted"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND)
      })
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable("id") UUID backtestId,
      @PathVariable("mcId") UUID id) {
    analyses.delete(user.id(), backtestId, id);
    return ResponseEntity.noContent().build();
  }
}
