package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.auth.Administrators;
import com.tradingbacktest.app.auth.AuthenticatedUser;
import com.tradingbacktest.app.common.ratelimit.RateLimited;
import com.tradingbacktest.app.common.ratelimit.RequestLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Corporate actions of a series: read and import (docs/DATA.md, "Corporate actions"). */
@RestController
@RequestMapping("/api/v1/data")
@Tag(name = "Market data")
class ActionsController {

  private final CorporateActionsService actions;
  private final Administrators administrators;

  ActionsController(CorporateActionsService actions, Administrators administrators) {
    this.actions = actions;
    this.administrators = administrators;
  }

  @GetMapping("/symbols/{symbol}/actions")
  @Operation(
      summary = "The corporate actions of a symbol's series: splits, cash dividends, halts",
      description =
          "Oldest first. Dates are days in the symbol's zone; a dividend's amount is per share as traded"
              + " on its ex-date, a split's ratio new shares per old.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The actions"),
        @ApiResponse(responseCode = "404", description = "Unknown symbol")
      })
  ActionsView list(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String symbol,
      @Parameter(description = MarketDataController.DATASET) @RequestParam(required = false)
          String dataset) {
    return actions.list(user.id(), symbol, Dataset.parse("dataset", dataset));
  }

  @PostMapping(path = "/actions/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @RateLimited(RequestLimit.IMPORTS)
  @Operation(
      summary = "Import a CSV of corporate actions (date,type,value,end_date; all or nothing)",
      description =
          "One action a line, an optional header: split (value 2, 2:1 or 1:10: new shares per old),"
              + " dividend (cash per share as traded on the ex-date) or halt (from date to end_date,"
              + " inclusive). A bad line rejects the file, naming the line. An action of the same type"
              + " and day is replaced. The actions go to your own upload of the symbol (its bars must be"
              + " imported first); administrators may send dataset=shared.",
      responses = {
        @ApiResponse(responseCode = "201", description = "Imported; the series' actions"),
        @ApiResponse(responseCode = "403", description = "dataset=shared from a non-administrator"),
        @ApiResponse(responseCode = "413", description = "File over 1 MB"),
        @ApiResponse(
            responseCode = "422",
            description = "A bad line, too many actions or bad fields")
      })
  @ResponseStatus(HttpStatus.CREATED)
  ActionsView importCsv(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestPart("file") MultipartFile file,
      @RequestParam String symbol,
      @Parameter(description = "own (default) or shared (administrators only)")
          @RequestParam(required = false)
          String dataset)
      throws IOException {
    return actions.importCsv(
        user.id(),
        administrators.isAdmin(user),
        Dataset.parse("dataset", dataset),
        file,
        symbol.trim());
  }
}
