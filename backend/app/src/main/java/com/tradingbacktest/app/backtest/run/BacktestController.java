package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.auth.AuthenticatedUser;
import com.tradingbacktest.app.backtest.RunStatus;
import com.tradingbacktest.app.common.ratelimit.RateLimited;
import com.tradingbacktest.app.common.ratelimit.RequestLimit;
import com.tradingbacktest.app.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Backtest runs (seed section 4.3). A run is queued and answered at once (202); a worker runs it;
 * its status, live events, result and fills are read here. Someone else's run is a 404, exactly as
 * a missing one.
 */
@RestController
@Validated
@RequestMapping(BacktestController.PATH)
@Tag(
    name = "Backtests",
    description = "Run a strategy on historical data; follow it; read its result and fills")
public class BacktestController {

  public static final String PATH = "/api/v1/backtests";

  /** Every endpoint that names one run answers this for a missing run and for someone else's. */
  private static final String NOT_FOUND = "No such run of yours";

  private final BacktestService backtests;
  private final PlotService plots;
  private final RunStreams streams;

  BacktestController(BacktestService backtests, PlotService plots, RunStreams streams) {
    this.backtests = backtests;
    this.plots = plots;
    this.streams = streams;
  }

  @PostMapping
  @RateLimited(RequestLimit.RUNS)
  @Operation(
      summary = "Start a backtest",
      description =
          "Checks everything (strategy, symbol, interval, data in the date range, capital, parameter "
              + "values against the strategy's `param ... in` ranges, costs, sizing), stores a pending run and queues it. "
              + "Follow it at the `Location` + `/events` (SSE) or `/status`.",
      responses = {
        @ApiResponse(responseCode = "202", description = "Queued; Location names the run"),
        @ApiResponse(
            responseCode = "422",
            description =
                "Invalid fields, every one listed in `errors` "
                    + "(`/problems/validation-failed`), or code that no longer compiles (`/problems/invalid-strategy`)"),
        @ApiResponse(
            responseCode = "429",
            description =
                "Too many of your runs queued or running "
                    + "(`/problems/too-many-runs`); Retry-After says when to try again")
      })
  ResponseEntity<BacktestStatusResponse> create(
      @AuthenticationPrincipal AuthenticatedUser user,
      @Valid @RequestBody BacktestRequest request) {
    BacktestStatusResponse created = backtests.create(user.id(), request);
    return ResponseEntity.accepted().location(URI.create(PATH + "/" + created.id())).body(created);
  }

  @PostMapping("/{id}/rerun")
  @RateLimited(RequestLimit.RUNS)
  @Operation(
      operationId = "rerunBacktest",
      summary = "Run one of your runs again",
      description =
          "Queues a new run with the stored code, resolved settings and parameter values on the same "
              + "series (dataset) and dates. Its `rerun_of` names the original, and once it has read its bars, "
              + "`same_data_as_original` says whether they are exactly the bars the original read (then every "
              + "number of the result is the same).",
      responses = {
        @ApiResponse(responseCode = "202", description = "Queued; Location names the new run"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND),
        @ApiResponse(
            responseCode = "422",
            description = "The stored code no longer compiles (`/problems/invalid-strategy`)"),
        @ApiResponse(
            responseCode = "429",
            description =
                "Too many of your runs queued or running "
                    + "(`/problems/too-many-runs`); Retry-After says when to try again")
      })
  ResponseEntity<BacktestStatusResponse> rerun(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    BacktestStatusResponse created = backtests.rerun(user.id(), id);
    return ResponseEntity.accepted().location(URI.create(PATH + "/" + created.id())).body(created);
  }

  @GetMapping
  @Operation(
      summary = "Your runs, newest first, a page at a time",
      description =
          "Completed runs carry their headline metrics in `key_metrics`, and every run its `name` and"
              + " `tags`. `q` searches, `tag` filters; both ignore case.")
  PageResponse<BacktestSummary> list(
      @AuthenticationPrincipal AuthenticatedUser user,
      @Parameter(description = "Page number, from 0")
          @RequestParam(defaultValue = "0")
          @Min(value = 0, message = "must be at least 0")
          @Max(value = 1_000_000, message = "must be at most 1000000")
          int page,
      @Parameter(description = "Items per page, 1-100")
          @RequestParam(defaultValue = "20")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 100, message = "must be at most 100")
          int size,
      @Parameter(description = RunSort.DESCRIPTION, example = "total_return,desc")
          @RequestParam(defaultValue = RunSort.DEFAULT)
          @Pattern(regexp = RunSort.PATTERN, message = RunSort.MESSAGE)
          String sort,
      @Parameter(description = "Only runs of this strategy")
          @RequestParam(name = "strategy_id", required = false)
          UUID strategyId,
      @Parameter(description = "Only runs on this symbol")
          @RequestParam(required = false)
          @Size(max = 40, message = "must be at most {max} characters")
          String symbol,
      @Parameter(
              description = "Only runs in this state",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"pending", "running", "completed", "failed", "cancelled"}))
          @RequestParam(required = false)
          @Pattern(
              regexp = "pending|running|completed|failed|cancelled",
              message = "must be pending, running, completed, failed or cancelled")
          String status,
      @Parameter(
              description =
                  "Only runs with this text, ignoring case, in their name, notes, strategy name or"
                      + " symbol")
          @RequestParam(required = false)
          @Size(max = RunFilter.MAX_QUERY, message = "must be at most {max} characters")
          String q,
      @Parameter(description = "Only runs with this tag, ignoring case")
          @RequestParam(required = false)
          @Size(max = RunDocument.MAX_TAG, message = "must be at most {max} characters")
          String tag) {
    return backtests.list(
        user.id(),
        new RunFilter(strategyId, symbol, status == null ? null : RunStatus.of(status), q, tag),
        page,
        size,
        sort);
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "One run: settings, resolved parameters and, once completed, its result summary",
      description =
          "The result holds every metric, monthly and yearly returns, the count of round trips, the "
              + "position still open at the end and an equity/drawdown/buy-and-hold overview downsampled to "
              + "about 2000 points. Its size does not grow with the trades or the bars: the round "
              + "trips are paged at `/round-trips`, the fills at `/trades`, and GET /api/v1/analytics/chart "
              + "serves any range of the full series.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The run"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND)
      })
  BacktestResponse get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    return backtests.get(user.id(), id);
  }

  @GetMapping("/{id}/series")
  @Operation(
      operationId = "getBacktestSeries",
      summary =
          "The series a completed run's strategy plotted, over a time range, within a point budget",
      description =
          "Every `plot(...)` of the strategy is stored in full with the run. This returns the chosen ones "
              + "(`names`, comma-separated titles; all when absent) on one time axis shared by every series "
              + "(bar open times, epoch ms), downsampled to `points` by keeping, per bucket, the first and last "
              + "bar and the bars of each chosen series' lowest and highest value, so peaks survive any zoom. "
              + "A value is null where the series is na (its warm-up). `total_points` counts the bars in the "
              + "range before downsampling. The range parameters are those of GET /api/v1/analytics/chart.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The plotted series"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND),
        @ApiResponse(
            responseCode = "409",
            description = "The run is not completed (`/problems/run-not-completed`)"),
        @ApiResponse(
            responseCode = "422",
            description =
                "A name the run did not plot, a malformed or reversed range, or points out of bounds "
                    + "(`/problems/validation-failed`)")
      })
  PlotSeriesResponse series(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @Parameter(
              description = "Comma-separated plot titles, as in the run's `plots`; all when absent",
              example = "SMA fast,SMA slow")
          @RequestParam(required = false)
          @Size(max = 1000, message = "must be at most {max} characters")
          String names,
      @Parameter(
              description =
                  "Start of the range, inclusive: an ISO instant, or an ISO date (its first moment in "
                      + "the symbol's zone); default the run's first bar",
              example = "2013-06-01T00:00:00Z")
          @RequestParam(required = false)
          @Size(max = 40, message = "must be at most {max} characters")
          String from,
      @Parameter(
              description =
                  "End of the range, inclusive: an ISO instant, or an ISO date (to its end in the "
                      + "symbol's zone); default the run's last bar",
              example = "2013-09-30")
          @RequestParam(required = false)
          @Size(max = 40, message = "must be at most {max} characters")
          String to,
      @Parameter(description = "Most points per series, 16-10000")
          @RequestParam(defaultValue = "1000")
          @Min(value = 16, message = "must be at least 16")
          @Max(value = 10_000, message = "must be at most 10000")
          int points) {
    return plots.series(user.id(), id, names, from, to, points);
  }

  @GetMapping("/{id}/status")
  @Operation(
      summary = "Status, progress (0-100), timing and error of a run",
      responses = {
        @ApiResponse(responseCode = "200", description = "The run's state"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND)
      })
  BacktestStatusResponse status(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    return backtests.status(user.id(), id);
  }

  @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      summary = "Server-Sent Events of a run's status and progress",
      description =
          "Each event is named `status` and carries `{id, status, progress, error}` as JSON: first the "
              + "current state, then every change, whichever instance runs it. The stream ends after a final state "
              + "(completed, failed, cancelled); a comment every 15 s keeps it open through proxies.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE)),
        @ApiResponse(responseCode = "404", description = NOT_FOUND)
      })
  SseEmitter events(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    return streams.open(user.id(), id);
  }

  @DeleteMapping("/{id}")
  @Operation(
      summary = "Cancel a queued or running run, or delete a finished one with its fills",
      responses = {
        @ApiResponse(
            responseCode = "202",
            description =
                "Cancelled: the worker stops at its next check; the run "
                    + "stays listed as cancelled (DELETE it again to remove it)"),
        @ApiResponse(responseCode = "204", description = "Deleted"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND)
      })
  ResponseEntity<BacktestStatusResponse> delete(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    return switch (backtests.remove(user.id(), id)) {
      case CANCELLED -> ResponseEntity.accepted().body(backtests.status(user.id(), id));
      case DELETED -> ResponseEntity.noContent().build();
    };
  }

  @GetMapping(path = "/{id}/trades", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "The run's fills (executions) in time order, a page at a time",
      description = "`format=csv` streams all of them as a CSV download instead (same path).",
      responses = {
        @ApiResponse(responseCode = "200", description = "A page of fills"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND)
      })
  PageResponse<FillView> trades(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @Parameter(description = "Page number, from 0")
          @RequestParam(defaultValue = "0")
          @Min(value = 0, message = "must be at least 0")
          @Max(value = 10_000_000, message = "must be at most 10000000")
          int page,
      @Parameter(description = "Fills per page, 1-1000")
          @RequestParam(defaultValue = "100")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 1000, message = "must be at most 1000")
          int size,
      @Parameter(description = "json (default); csv is served by the CSV variant of this path")
          @RequestParam(defaultValue = "json")
          @Pattern(regexp = "json", message = "must be json or csv")
          String format,
      @Parameter(
              description =
                  "Only this symbol's fills (a portfolio run's); a single-symbol run's are all of"
                      + " its symbol")
          @RequestParam(required = false)
          @Size(max = 40, message = "must be at most {max} characters")
          String symbol) {
    return backtests.fills(user.id(), id, symbol, page, size);
  }

  @GetMapping(path = "/{id}/trades", params = "format=csv", produces = "text/csv")
  @Operation(
      summary = "All the run's fills as a CSV download (`?format=csv`)",
      description =
          "Columns: timestamp (UTC, ISO 8601), type, price, quantity, commission, tax, bar_index. "
              + "Streamed, so a run with millions of fills downloads in constant memory.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))),
        @ApiResponse(responseCode = "404", description = NOT_FOUND)
      })
  ResponseEntity<StreamingResponseBody> tradesCsv(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    BacktestService.FillsCsv file = backtests.fillsCsv(user.id(), id);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(file.fileName()).build().toString())
        .body(file.body()::writeTo);
  }
}
