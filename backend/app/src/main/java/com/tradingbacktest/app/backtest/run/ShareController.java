package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.auth.AuthenticatedUser;
import com.tradingbacktest.app.common.ratelimit.RateLimited;
import com.tradingbacktest.app.common.ratelimit.RequestLimit;
import com.tradingbacktest.app.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public read-only links to runs: the owner shares and revokes under the run's path; anyone with
 * the token reads the run under {@value #SHARED}, signed in or not (SecurityConfiguration permits
 * that path alone).
 */
@RestController
@Validated
@Tag(name = "Sharing", description = "Public read-only links to runs")
class ShareController {

  static final String SHARED = "/api/v1/shared";

  private static final String NOT_SHARED =
      "No run is shared under this token: unknown and revoked alike (`/problems/not-found`)";

  private final ShareService shares;

  ShareController(ShareService shares) {
    this.shares = shares;
  }

  @PostMapping(BacktestController.PATH + "/{id}/share")
  @Operation(
      operationId = "shareBacktest",
      summary = "Create the public link of one of your completed runs, or get its existing one",
      description =
          "The link's token (192 random bits) opens the run's settings, metrics, charts and trades "
              + "to anyone at `/shared?token=...`, and its strategy code only with `include_code`. Asking "
              + "again returns the same link with `include_code` as now sent. The owner's account, other "
              + "runs, notes and tags are never shown.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The run's link"),
        @ApiResponse(
            responseCode = "404",
            description = "No such run of yours (`/problems/not-found`)"),
        @ApiResponse(
            responseCode = "409",
            description = "The run is not completed (`/problems/run-not-completed`)")
      })
  ShareResponse share(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @RequestBody(required = false) ShareRequest request) {
    return shares.share(user.id(), id, request != null && request.withCode());
  }

  @DeleteMapping(BacktestController.PATH + "/{id}/share")
  @Operation(
      operationId = "unshareBacktest",
      summary = "Revoke the public link of one of your runs",
      description = "Its token answers 404 from now on; sharing again makes a new one.",
      responses = {
        @ApiResponse(responseCode = "204", description = "Revoked (or was not shared)"),
        @ApiResponse(
            responseCode = "404",
            description = "No such run of yours (`/problems/not-found`)")
      })
  ResponseEntity<Void> revoke(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    shares.revoke(user.id(), id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping(SHARED + "/{token}")
  @SecurityRequirements
  @RateLimited(RequestLimit.PUBLIC_READS)
  @Operation(
      operationId = "getSharedRun",
      summary = "A shared run, read through its public link (no sign-in)",
      description =
          "Its name, settings, parameters, every metric, the equity and drawdown overview, monthly "
              + "and yearly returns; the strategy code only when its owner included it. Nothing about "
              + "the owner. `RATE_LIMIT_PUBLIC_READS` a minute per client address.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The run"),
        @ApiResponse(responseCode = "404", description = NOT_SHARED),
        @ApiResponse(
            responseCode = "429",
            description = "Too many reads from your address (`/problems/rate-limited`)")
      })
  SharedRunResponse sharedRun(@PathVariable @Size(max = 64) String token) {
    return shares.sharedRun(token);
  }

  @GetMapping(SHARED + "/{token}/round-trips")
  @SecurityRequirements
  @RateLimited(RequestLimit.PUBLIC_READS)
  @Operation(
      operationId = "getSharedRoundTrips",
      summary = "A shared run's round trips in exit order, a page at a time (no sign-in)",
      description =
          "As GET /api/v1/backtests/{id}/round-trips, with the same filters, for the run behind the "
              + "token.",
      responses = {
        @ApiResponse(responseCode = "200", description = "A page of round trips"),
        @ApiResponse(responseCode = "404", description = NOT_SHARED),
        @ApiResponse(
            responseCode = "422",
            description = "A parameter out of range or unreadable (`/problems/validation-failed`)"),
        @ApiResponse(
            responseCode = "429",
            description = "Too many reads from your address (`/problems/rate-limited`)")
      })
  PageResponse<RoundTripView> sharedRoundTrips(
      @PathVariable @Size(max = 64) String token,
      @Parameter(description = "Page number, from 0")
          @RequestParam(defaultValue = "0")
          @Min(value = 0, message = "must be at least 0")
          @Max(value = 10_000_000, message = "must be at most 10000000")
          int page,
      @Parameter(description = "Round trips per page, 1-1000")
          @RequestParam(defaultValue = "100")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 1000, message = "must be at most 1000")
          int size,
      @Parameter(
              description = "Only long or only short positions",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"long", "short"}))
          @RequestParam(required = false)
          @Pattern(regexp = "long|short", message = "must be long or short")
          String side,
      @Parameter(description = "Only positions in this symbol")
          @RequestParam(required = false)
          @Size(max = 40, message = "must be at most {max} characters")
          String symbol,
      @Parameter(
              description = "Only winners (pnl > 0) or only losers (pnl < 0)",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"win", "loss"}))
          @RequestParam(required = false)
          @Pattern(regexp = "win|loss", message = "must be win or loss")
          String outcome,
      @Parameter(description = "Exited at or after: ISO instant or date")
          @RequestParam(required = false)
          @Size(max = 40, message = "must be at most {max} characters")
          String from,
      @Parameter(description = "Exited at or before: ISO instant or date")
          @RequestParam(required = false)
          @Size(max = 40, message = "must be at most {max} characters")
          String to) {
    return shares.sharedRoundTrips(
        token, new RoundTripService.Query(side, outcome, symbol, from, to), page, size);
  }
}
