package com.tradingbacktest.app.backtest.walkforward;

import com.tradingbacktest.app.auth.AuthenticatedUser;
import com.tradingbacktest.app.common.ratelimit.RateLimited;
import com.tradingbacktest.app.common.ratelimit.RequestLimit;
import com.tradingbacktest.app.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
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

/** Walk-forward optimisation: a grid searched window by window, tested out of sample. */
@RestController
@Validated
@RequestMapping(WalkForwardController.PATH)
@Tag(
    name = "Walk-forward",
    description =
        "A parameter grid searched on each window's train part, the best combination traded on the"
            + " test part after it, capital carried")
class WalkForwardController {

  static final String PATH = "/api/v1/backtests/walk-forward";

  /** For a missing walk-forward and for someone else's alike. */
  private static final String NOT_FOUND = "No such walk-forward of yours";

  private final WalkForwardService walkForwards;
  private final WalkForwardStreams streams;

  WalkForwardController(WalkForwardService walkForwards, WalkForwardStreams streams) {
    this.walkForwards = walkForwards;
    this.streams = streams;
  }

  @PostMapping
  @RateLimited(RequestLimit.RUNS)
  @Operation(
      summary = "Start a walk-forward",
      description =
          "Cuts the backtest's bars into `windows` (rolling or anchored train parts, each followed by"
              + " a test part; the test parts tile the bars after the first train part). In each window"
              + " the grid (`ranges`, `objective`, `constraints`, `param_constraints`, as an optimisation"
              + " takes them) is searched on the train part and the best feasible combination is traded"
              + " on the test part with the capital carried from the window before; the test parts are"
              + " stitched into one out-of-sample run. Windows x valid combinations over"
              + " MAX_WALK_FORWARD_BACKTESTS (100,000 by default) are refused.",
      responses = {
        @ApiResponse(responseCode = "202", description = "Queued; Location names it"),
        @ApiResponse(
            responseCode = "422",
            description =
                "Invalid backtest fields, ranges, objective, constraints or windows, windows the"
                    + " bars cannot hold, or a budget over the limit; every problem listed in"
                    + " `errors`"),
        @ApiResponse(
            responseCode = "429",
            description = "Too many of your runs queued or running, or too many requests")
      })
  ResponseEntity<WalkForwardResponse> createWalkForward(
      @AuthenticationPrincipal AuthenticatedUser user,
      @Valid @RequestBody WalkForwardRequest request) {
    UUID id = walkForwards.create(user.id(), request);
    return ResponseEntity.accepted()
        .location(URI.create(PATH + "/" + id))
        .body(walkForwards.get(user.id(), id));
  }

  @GetMapping
  @Operation(summary = "Your walk-forwards, newest first")
  PageResponse<WalkForwardSummary> listWalkForwards(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "0")
          @Min(value = 0, message = "must be at least 0")
          @Max(value = 1_000_000, message = "must be at most 1000000")
          int page,
      @RequestParam(defaultValue = "20")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 100, message = "must be at most 100")
          int size) {
    return walkForwards.list(user.id(), page, size);
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "A walk-forward: status, progress, each window and the stitched out-of-sample run",
      responses = {
        @ApiResponse(responseCode = "200", description = "The walk-forward"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND)
      })
  WalkForwardResponse getWalkForward(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    return walkForwards.get(user.id(), id);
  }

  @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      summary = "Server-Sent Events of a walk-forward's status and progress",
      description =
          "Each event is named `status` and carries `{id, status, progress, error}` as JSON: first"
              + " the current state, then every change, whichever instance runs it. The stream ends"
              + " after a final state (completed, failed, cancelled).",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE)),
        @ApiResponse(responseCode = "404", description = NOT_FOUND)
      })
  SseEmitter walkForwardEvents(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    return streams.open(user.id(), id);
  }

  @DeleteMapping("/{id}")
  @Operation(
      summary = "Cancel a queued or running walk-forward, or delete a finished one",
      responses = {
        @ApiResponse(responseCode = "204", description = "Cancelled or deleted"),
        @ApiResponse(responseCode = "404", description = NOT_FOUND)
      })
  ResponseEntity<Void> deleteWalkForward(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    walkForwards.remove(user.id(), id);
    return ResponseEntity.noContent().build();
  }
}
