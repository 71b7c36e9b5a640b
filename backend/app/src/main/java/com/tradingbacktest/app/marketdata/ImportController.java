package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.auth.Administrators;
import com.tradingbacktest.app.auth.AuthenticatedUser;
import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.common.ratelimit.RateLimited;
import com.tradingbacktest.app.common.ratelimit.RequestLimit;
import com.tradingbacktest.app.marketdata.fetch.DataSource;
import com.tradingbacktest.engine.prices.PriceBasis;
import com.tradingbacktest.engine.series.Interval;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports are for signed-in users. A CSV upload goes to the uploader's own series of the symbol,
 * which nobody else reads, unless an administrator sends {@code dataset=shared}; an exchange fetch
 * writes the shared series (it is the exchange's data, whoever asks for it).
 */
@RestController
@RequestMapping("/api/v1/data")
@Tag(name = "Market data")
class ImportController {

  private final ImportService imports;
  private final Administrators administrators;

  ImportController(ImportService imports, Administrators administrators) {
    this.imports = imports;
    this.administrators = administrators;
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @RateLimited(RequestLimit.IMPORTS)
  @Operation(
      summary = "Import bars from a CSV file (all or nothing)",
      description =
          "Formats: a header with date/time, open, high, low, close, volume in any case (Yahoo Finance, "
              + "pandas, Upbit's field names, Korean 날짜/시가/고가/저가/종가/거래량), or Binance's headerless kline files. "
              + "Times without a zone are in the symbol's zone. Any bad row (unreadable number or time, high below low, "
              + "duplicate time...) rejects the whole file with every bad row listed, unless skip_bad_rows=true, which "
              + "skips exactly those rows. Existing bars at the same times are updated in place. An unknown symbol is "
              + "created from the name/market/currency/time_zone/tick_size/lot_size fields. The bars go to your own "
              + "series of the symbol, which only you read (dataset=own, the default); administrators may send "
              + "dataset=shared to write the series everyone reads.",
      responses = {
        @ApiResponse(responseCode = "201", description = "Imported; the import record with counts"),
        @ApiResponse(
            responseCode = "403",
            description = "dataset=shared from someone who is not an administrator"),
        @ApiResponse(responseCode = "413", description = "File larger than MAX_UPLOAD_SIZE"),
        @ApiResponse(
            responseCode = "422",
            description =
                "Bad rows (listed in bad_rows), bad fields, or likely splits (suspected_splits) with"
                    + " reject_on_suspected_split=true")
      })
  ResponseEntity<ImportView> importCsv(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestPart("file") MultipartFile file,
      @RequestParam String symbol,
      @Parameter(description = "1m, 5m, 15m, 1h, 4h, 1d, 1w or 1M (a month; 1m is a minute)")
          @RequestParam
          String interval,
      @RequestParam(name = "skip_bad_rows", defaultValue = "false") boolean skipBadRows,
      @Parameter(description = "own (default) or shared (administrators only)")
          @RequestParam(required = false)
          String dataset,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String market,
      @RequestParam(name = "asset_class", required = false) String assetClass,
      @RequestParam(required = false) String currency,
      @RequestParam(name = "time_zone", required = false) String timeZone,
      @RequestParam(name = "tick_size", required = false) BigDecimal tickSize,
      @RequestParam(name = "lot_size", required = false) BigDecimal lotSize,
      @Parameter(
              description =
                  "The basis of the file's prices: raw (as traded each day, the default) or"
                      + " split_adjusted (earlier prices divided by later splits, as Yahoo's Close)")
          @RequestParam(name = "price_basis", required = false)
          String priceBasis,
      @Parameter(
              description =
                  "Refuse the file, storing nothing, when its daily prices jump by a whole ratio"
                      + " (2:1, 1:10...) on a day no known split explains; default: import and report"
                      + " them in suspected_splits")
          @RequestParam(name = "reject_on_suspected_split", defaultValue = "false")
          boolean rejectOnSuspectedSplit)
      throws IOException {
    if (file.isEmpty()) {
      throw new FieldValidationException("file", "is empty");
    }
    ImportView view =
        imports.importCsv(
            user.id(),
            administrators.isAdmin(user),
            Dataset.parse("dataset", dataset),
            file,
            file.getOriginalFilename(),
            symbol.trim(),
            RequestValues.interval("interval", interval),
            skipBadRows,
            new NewSymbol(name, market, assetClass, currency, timeZone, tickSize, lotSize),
            basis(priceBasis),
            rejectOnSuspectedSplit);
    return ResponseEntity.created(URI.create("/api/v1/data/imports/" + view.id())).body(view);
  }

  private static PriceBasis basis(String code) {
    if (code == null || code.isBlank()) {
      return PriceBasis.RAW;
    }
    try {
      return PriceBasis.parse(code);
    } catch (IllegalArgumentException e) {
      throw new FieldValidationException("price_basis", "must be raw or split_adjusted");
    }
  }

  /** A fetch from an exchange. */
  record FetchRequest(
      @NotBlank(message = "is required") String source,
      @NotBlank(message = "is required") String symbol,
      @NotBlank(message = "is required") String interval,
      @NotBlank(message = "is required") String start,
      String end,
      String market) {}

  @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
  @RateLimited(RequestLimit.IMPORTS)
  @Operation(
      summary = "Fetch bars from an exchange in the background (only what is missing)",
      description =
          "source: upbit (KRW-BTC...), binance (BTCUSDT...) or yahoo (AAPL, 005930.KS, 035720.KQ...). "
              + "The bars go to the shared series of the symbol: they are the exchange's. "
              + "start/end are ISO dates or instants; end defaults to now. Answers 202 at once; follow progress at the "
              + "Location.",
      responses = {
        @ApiResponse(responseCode = "202", description = "Started"),
        @ApiResponse(
            responseCode = "422",
            description = "Unknown source, interval the source lacks, bad dates")
      })
  ResponseEntity<ImportView> fetch(
      @AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody FetchRequest request) {
    DataSource source;
    try {
      source = DataSource.valueOf(request.source().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new FieldValidationException("source", "must be upbit, binance or yahoo");
    }
    Interval interval = RequestValues.interval("interval", request.interval());
    ZoneId utc = ZoneId.of("UTC");
    var from = RequestValues.instant("start", request.start().trim(), utc);
    var to =
        request.end() == null || request.end().isBlank()
            ? java.time.Instant.now()
            : RequestValues.instant("end", request.end().trim(), utc);
    if (!to.isAfter(from)) {
      throw new FieldValidationException("end", "must be after start");
    }
    ImportView view =
        imports.startFetch(
            user.id(), source, request.symbol().trim(), interval, from, to, request.market());
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/data/imports/" + view.id()))
        .body(view);
  }

  @GetMapping("/imports")
  @Operation(summary = "Your recent imports, newest first")
  List<ImportView> recent(@AuthenticationPrincipal AuthenticatedUser user) {
    return imports.recent(user.id());
  }

  @GetMapping("/imports/{id}")
  @Operation(
      summary = "One of your imports: status, progress, counts, bad rows",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The import: status, progress, counts, bad rows"),
        @ApiResponse(responseCode = "404", description = "No such import of yours")
      })
  ImportView one(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    return imports.find(user.id(), id);
  }
}
