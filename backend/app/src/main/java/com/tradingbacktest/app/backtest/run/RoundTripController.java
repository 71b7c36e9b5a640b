package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.auth.AuthenticatedUser;
import com.tradingbacktest.app.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A run's round trips (closed positions), paged and filtered in the database: they are not part of
 * GET /api/v1/backtests/{id}, whose size must not grow with the number of trades.
 */
@RestController
@Validated
@RequestMapping(BacktestController.PATH)
@Tag(name = "Backtests")
class RoundTripController {

  private static final String FILTERS =
      " Filters: `side` (long, short), `outcome` (win: pnl above 0, loss: pnl below 0; a break-even "
          + "trade is neither), `symbol` (the run's symbol; another matches nothing), `from`/`to` on the "
          + "exit time, both inclusive (an ISO instant, or an ISO date meaning that day in the symbol's zone).";

  private final RoundTripService roundTrips;

  RoundTripController(RoundTripService roundTrips) {
    this.roundTrips = roundTrips;
  }

  @GetMapping(path = "/{id}/round-trips", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "The run's round trips in exit order, a page at a time",
      description =
          "Each closed position once, numbered from 1 in exit order (a filter keeps the numbers). "
              + "The position still open at the end is the result's `open_trade`. `format=csv` streams every "
              + "match as a CSV download instead (same path)."
              + FILTERS,
      responses = {
        @ApiResponse(responseCode = "200", description = "A page of round trips"),
        @ApiResponse(
            responseCode = "404",
            description = "No such run of yours (`/problems/not-found`)"),
        @ApiResponse(
            responseCode = "422",
            description =
                "A parameter out of range or unreadable, each in `errors` (`/problems/validation-failed`)")
      })
  PageResponse<RoundTripView> roundTrips(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
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
      @Parameter(description = "Exited at or after: ISO instant or date", example = "2024-01-01")
          @RequestParam(required = false)
          @Size(max = 40, message = "must be at most {max} characters")
          String from,
      @Parameter(description = "Exited at or before: ISO instant or date", example = "2024-12-31")
          @RequestParam(required = false)
          @Size(max = 40, message = "must be at most {max} characters")
          String to,
      @Parameter(description = "json (default); csv is served by the CSV variant of this path")
          @RequestParam(defaultValue = "json")
          @Pattern(regexp = "json", message = "must be json or csv")
          String format) {
    return roundTrips.page(
        user.id(), id, new RoundTripService.Query(side, outcome, symbol, from, to), page, size);
  }

  @GetMapping(path = "/{id}/summary", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "The run's performance summary: all, long and short trades",
      description =
          "TradingView's Performance Summary from the run's stored round trips and equity: net, gross "
              + "profit and loss, commission paid, profit factor, trade counts, percent profitable, "
              + "average, largest and consecutive wins and losses, bars held, in three columns (all, "
              + "long, short); the equity's max run-up and drawdown and buy & hold once. Money in the "
              + "run's currency, fractions not percent, losses negative, undefined values null "
              + "(docs/METRICS.md).",
      responses = {
        @ApiResponse(responseCode = "200", description = "The summary"),
        @ApiResponse(
            responseCode = "404",
            description = "No such run of yours (`/problems/not-found`)"),
        @ApiResponse(
            responseCode = "409",
            description = "The run has not completed (`/problems/run-not-completed`)")
      })
  TradeSummaryResponse summary(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    return roundTrips.summary(user.id(), id);
  }

  @GetMapping(path = "/{id}/round-trips", params = "format=csv", produces = "text/csv")
  @Operation(
      summary = "The run's round trips as a CSV download (`?format=csv`), with the same filters",
      description =
          "Columns: number, side, quantity, entry_time, entry_price, exit_time, exit_price, pnl, "
              + "return_pct, costs, mae, mfe, bars_held, exit_reason (times UTC, ISO 8601; fractions as "
              + "fractions). Streamed, so any number downloads in constant memory."
              + FILTERS,
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))),
        @ApiResponse(
            responseCode = "404",
            description = "No such run of yours (`/problems/not-found`)"),
        @ApiResponse(
            responseCode = "422",
            description = "A filter unreadable, each in `errors` (`/problems/validation-failed`)")
      })
  ResponseEntity<StreamingResponseBody> roundTripsCsv(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @RequestParam(required = false)
          @Pattern(regexp = "long|short", message = "must be long or short")
          String side,
      @RequestParam(required = false) @Size(max = 40, message = "must be at most {max} characters")
          String symbol,
      @RequestParam(required = false) @Pattern(regexp = "win|loss", message = "must be win or loss")
          String outcome,
      @RequestParam(required = false) @Size(max = 40, message = "must be at most {max} characters")
          String from,
      @RequestParam(required = false) @Size(max = 40, message = "must be at most {max} characters")
          String to) {
    RoundTripService.Csv file =
        roundTrips.csv(user.id(), id, new RoundTripService.Query(side, outcome, symbol, from, to));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(file.fileName()).build().toString())
        .body(file.body()::writeTo);
  }
}
