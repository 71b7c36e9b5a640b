package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.auth.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A completed run as a self-contained HTML report to keep, send or print. */
@RestController
@Tag(name = "Backtests")
class RunReportController {

  private final RunReportService reports;

  RunReportController(RunReportService reports) {
    this.reports = reports;
  }

  @GetMapping(path = BacktestController.PATH + "/{id}/report", produces = MediaType.TEXT_HTML_VALUE)
  @Operation(
      operationId = "getBacktestReport",
      summary = "One of your completed runs as a self-contained HTML report (a download)",
      description =
          "Its name, settings, every metric, equity and drawdown as inline SVG, monthly returns, its"
              + " trades (the first 5,000, saying so when there are more) and its code, in the"
              + " language of `Accept-Language` (ko or en; Korean won read in 만 and 억). No script and"
              + " no external reference of any kind; it has its own print styles.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The HTML document, as an attachment named after the run",
            content = @Content(mediaType = "text/html", schema = @Schema(type = "string"))),
        @ApiResponse(
            responseCode = "404",
            description = "No such run of yours (`/problems/not-found`)"),
        @ApiResponse(
            responseCode = "409",
            description = "The run is not completed (`/problems/run-not-completed`)")
      })
  ResponseEntity<String> report(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id, Locale locale) {
    RunReportService.Report report = reports.report(user.id(), id, locale);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(report.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(report.html());
  }
}
