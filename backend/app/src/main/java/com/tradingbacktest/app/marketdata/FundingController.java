package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.auth.Administrators;
import com.tradingbacktest.app.auth.AuthenticatedUser;
import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.common.ratelimit.RateLimited;
import com.tradingbacktest.app.common.ratelimit.RequestLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Funding-rate series of perpetual futures: import, fetch and read (docs/DATA.md). */
@RestController
@RequestMapping("/api/v1/data/funding")
@Validated
@Tag(name = "Market data")
class FundingController {

  /** The longest range one fetch may ask for: about 11 pages of 8-hourly funding a year. */
  static final Duration MAX_FETCH_RANGE = Duration.ofDays(366 * 10);

  private final FundingService funding;
  private final Administrators administrators;

  FundingController(FundingService funding, Administrators administrators) {
    this.funding = funding;
    this.administrators = administrators;
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @RateLimited(RequestLimit.IMPORTS)
  @Operation(
      summary = "Import a funding-rate CSV (time,rate; all or nothing)",
      description =
          "One funding event a line: time (ISO instant, ISO date or date-time in the symbol's zone, or epoch "
              + "milliseconds) and rate (a fraction: 0.0001 is 0.01 %, a long pays it). A header time,rate or "
              + "fundingTime,fundingRate is optional. Any bad line rejects the file, each listed with its number. "
              + "Rates at times already stored are replaced. The rates go to your own upload of the symbol "
              + "(its bars must be imported first); administrators may send dataset=shared. Storing funding "
              + "marks the symbol a perpetual.",
      responses = {
        @ApiResponse(responseCode = "201", description = "Imported; the series' extent"),
        @ApiResponse(responseCode = "403", description = "dataset=shared from a non-administrator"),
        @ApiResponse(responseCode = "413", description = "File over 8 MB"),
        @ApiResponse(responseCode = "422", description = "Bad lines (bad_rows) or bad fields")
      })
  @ResponseStatus(HttpStatus.CREATED)
  FundingSeriesView importCsv(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestPart("file") MultipartFile file,
      @RequestParam String symbol,
      @Parameter(description = "own (default) or shared (administrators only)")
          @RequestParam(required = false)
          String dataset)
      throws IOException {
    return funding.importCsv(
        user.id(),
        administrators.isAdmin(user),
        Dataset.parse("dataset", dataset),
        file,
        symbol.trim());
  }

  /** A fetch of Binance's funding history. */
  record FundingFetchRequest(
      @NotBlank(message = "is required") String symbol,
      @NotBlank(message = "is required") String start,
      String end) {}

  @PostMapping(path = "/fetch", consumes = MediaType.APPLICATION_JSON_VALUE)
  @RateLimited(RequestLimit.IMPORTS)
  @Operation(
      summary = "Fetch a symbol's funding history from Binance USD-M futures",
      description =
          "Fetches GET /fapi/v1/fundingRate for the symbol (BTCUSDT...) over [start, end) (ISO dates or "
              + "instants in UTC; end defaults to now; at most ten years) into the shared series of the "
              + "symbol, whose bars must exist, and marks it a perpetual. Answers when done.",
      responses = {
        @ApiResponse(responseCode = "200", description = "Fetched; the series' extent"),
        @ApiResponse(
            responseCode = "422",
            description = "Unknown symbol, bad dates, or Binance refused the request"),
        @ApiResponse(responseCode = "503", description = "Binance unavailable or rate-limiting")
      })
  FundingSeriesView fetch(
      @AuthenticationPrincipal AuthenticatedUser user,
      @Valid @RequestBody FundingFetchRequest request) {
    ZoneId utc = ZoneId.of("UTC");
    Instant from = RequestValues.instant("start", request.start().trim(), utc);
    Instant to =
        request.end() == null || request.end().isBlank()
            ? Instant.now()
            : RequestValues.instant("end", request.end().trim(), utc);
    if (!to.isAfter(from)) {
      throw new FieldValidationException("end", "must be after start");
    }
    if (Duration.between(from, to).compareTo(MAX_FETCH_RANGE) > 0) {
      throw new FieldValidationException("end", "must be at most ten years after start");
    }
    return funding.fetchFromBinance(user.id(), request.symbol().trim(), from, to);
  }

  @GetMapping("/{symbol}")
  @Operation(
      summary = "A symbol's funding-rate series: its extent and a page of rates",
      responses = {
        @ApiResponse(responseCode = "200", description = "The series"),
        @ApiResponse(responseCode = "404", description = "Unknown symbol")
      })
  FundingSeriesView read(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String symbol,
      @Parameter(description = MarketDataController.DATASET) @RequestParam(required = false)
          String dataset,
      @Parameter(description = "ISO date or instant (UTC); default: the first rate")
          @RequestParam(required = false)
          String start,
      @Parameter(description = "ISO date or instant (UTC), exclusive; default: after the last")
          @RequestParam(required = false)
          String end,
      @RequestParam(defaultValue = "1000")
          @Min(value = 0, message = "must be at least 0")
          @Max(value = FundingService.MAX_PAGE, message = "must be at most 10000")
          int limit) {
    ZoneId utc = ZoneId.of("UTC");
    Instant from = start == null ? Instant.EPOCH : RequestValues.instant("start", start, utc);
    Instant to =
        end == null
            ? Instant.parse("9999-01-01T00:00:00Z")
            : RequestValues.instant("end", end, utc);
    return funding.read(user.id(), symbol, Dataset.parse("dataset", dataset), from, to, limit);
  }
}
