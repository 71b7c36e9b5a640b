package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.auth.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A run as a document its owner keeps: its name, notes and tags. */
@RestController
@Tag(name = "Backtests")
class RunDocumentController {

  private final BacktestService backtests;

  RunDocumentController(BacktestService backtests) {
    this.backtests = backtests;
  }

  @PatchMapping(BacktestController.PATH + "/{id}")
  @Operation(
      operationId = "editBacktest",
      summary = "Rename one of your runs, or change its notes or tags",
      description =
          "Each field sent replaces the stored one; an absent field stays. `name` 1-200 characters;"
              + " `notes` at most 10,000; `tags` the whole list, at most 20 of at most 40 characters,"
              + " trimmed, duplicates ignoring case dropped. Answers the run as GET does.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The run, edited"),
        @ApiResponse(
            responseCode = "404",
            description = "No such run of yours (`/problems/not-found`)"),
        @ApiResponse(
            responseCode = "422",
            description = "Fields out of bounds, each in `errors` (`/problems/validation-failed`)")
      })
  BacktestResponse edit(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @Valid @RequestBody RunDocumentRequest request) {
    return backtests.edit(user.id(), id, request);
  }
}
