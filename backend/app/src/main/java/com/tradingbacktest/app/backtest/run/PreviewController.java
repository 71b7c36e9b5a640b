package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.auth.AuthenticatedUser;
import com.tradingbacktest.app.common.ratelimit.RateLimited;
import com.tradingbacktest.app.common.ratelimit.RequestLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The workbench's previews: a backtest answered in the request, not stored. */
@RestController
@RequestMapping(BacktestController.PATH)
@Tag(name = "Backtests")
class PreviewController {

  private final PreviewService previews;

  PreviewController(PreviewService previews) {
    this.previews = previews;
  }

  @PostMapping("/preview")
  @RateLimited(RequestLimit.PREVIEWS)
  @Operation(
      operationId = "previewBacktest",
      summary = "Preview a backtest: computed now, answered at once, not stored",
      description =
          "Takes a run request whose strategy is a saved one (`strategy_id`) or source (`code`), "
              + "checks it exactly as POST /api/v1/backtests does, and computes it in this request: "
              + "the result a completed run would show, the latest 2000 fills, the plotted series "
              + "and the engine's time. Nothing is stored and it does not count toward your runs. "
              + "A newer preview of yours cancels one still in progress (which answers 409). To "
              + "keep a preview, POST the same request without `code` and `points` to "
              + "/api/v1/backtests.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The preview"),
        @ApiResponse(
            responseCode = "409",
            description =
                "A newer preview of yours replaced this one (`/problems/preview-superseded`)"),
        @ApiResponse(
            responseCode = "422",
            description =
                "Invalid fields, every one listed in `errors`, neither or both of strategy_id and"
                    + " code (`/problems/validation-failed`); code that does not compile, with"
                    + " line and column (`/problems/invalid-strategy`); the strategy fails on this"
                    + " data (`/problems/preview-failed`) or computes past PREVIEW_TIME_LIMIT"
                    + " (`/problems/preview-time-limit`)"),
        @ApiResponse(
            responseCode = "429",
            description =
                "More than RATE_LIMIT_PREVIEWS previews this minute (`/problems/rate-limited`);"
                    + " Retry-After says when to try again"),
        @ApiResponse(
            responseCode = "503",
            description =
                "The server computes as many previews as it may at once"
                    + " (`/problems/previews-busy`); Retry-After: 1")
      })
  PreviewResponse preview(
      @AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody PreviewRequest request) {
    return previews.preview(user.id(), request);
  }
}
