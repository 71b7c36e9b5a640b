package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.auth.Administrators;
import com.tradingbacktest.app.auth.AuthenticatedUser;
import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.common.ratelimit.RateLimited;
import com.tradingbacktest.app.common.ratelimit.RequestLimit;
import com.tradingbacktest.engine.series.Interval;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/data")
@Validated
@Tag(name = "Market data", description = "Symbols, historical bars and imports")
class MarketDataController {

  private static final String UNKNOWN_SYMBOL = "Unknown symbol";
  static final String DATASET =
      "own (your upload of the symbol) or shared; default: your own when you have one, else shared";

  private final MarketDataService data;
  private final Administrators administrators;
  private final HistoryPrices historyPrices;

  MarketDataController(
      MarketDataService data, Administrators administrators, HistoryPrices historyPrices) {
    this.data = data;
    this.administrators = administrators;
    this.historyPrices = historyPrices;
  }

  @GetMapping("/symbols")
  @Operation(
      summary = "List and search symbols, with the stored range of each interval",
      description =
          "The shared symbols and your own uploads; a ticker you uploaded that is also shared is listed twice,"
              + " once per dataset.")
  List<SymbolView> symbols(
      @AuthenticationPrincipal AuthenticatedUser user,
      @Parameter(description = "Part of the symbol or name, any case")
          @RequestParam(required = false)
          @Size(max = 100, message = "must be at most 100 characters")
          String query,
      @Parameter(description = "KRX, NASDAQ, NYSE, UPBIT, BINANCE or CUSTOM")
          @RequestParam(required = false)
          String market,
      @RequestParam(defaultValue = "200")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 1000, message = "must be at most 1000")
          int limit) {
    String m = market == null || market.isBlank() ? null : market.trim().toUpperCase(Locale.ROOT);
    return data.search(user.id(), query, m == null ? null : RequestValues.market(m), limit);
  }

  @GetMapping("/symbols/{symbol}")
  @Operation(
      summary = "One symbol with the stored range of each interval",
      responses = {
        @ApiResponse(responseCode = "200", description = "The symbol with its stored ranges"),
        @ApiResponse(responseCode = "404", description = UNKNOWN_SYMBOL)
      })
  SymbolView symbol(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String symbol,
      @Parameter(description = DATASET) @RequestParam(required = false) String dataset) {
    return data.describe(user.id(), symbol, Dataset.parse("dataset", dataset));
  }

  @PatchMapping(path = "/symbols/{symbol}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Set a symbol's Korean name or KRX board (administrators)",
      description =
          "Changes the shared symbol (dataset=shared, the default) or an upload you read"
              + " (dataset=own). Omitted fields stay as they are.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The symbol as changed"),
        @ApiResponse(responseCode = "403", description = "Not an administrator"),
        @ApiResponse(responseCode = "404", description = UNKNOWN_SYMBOL),
        @ApiResponse(responseCode = "422", description = "Bad name or board")
      })
  SymbolView edit(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String symbol,
      @Parameter(description = "shared (default) or own") @RequestParam(required = false)
          String dataset,
      @Valid @RequestBody SymbolEdit edit) {
    if (!administrators.isAdmin(user)) {
      throw new SymbolEditForbidden();
    }
    if (edit.nameKo() != null && Printable.hasControlCharacters(edit.nameKo())) {
      throw new FieldValidationException("name_ko", "may not contain control characters");
    }
    Dataset d = dataset == null ? Dataset.SHARED : Dataset.parse("dataset", dataset);
    return data.edit(
        user.id(), symbol, d, edit.board(), edit.nameKo() == null ? null : edit.nameKo().strip());
  }

  @GetMapping("/historical")
  @RateLimited(RequestLimit.HISTORY_READS)
  @Operation(
      summary = "OHLCV bars of a symbol, oldest first, paginated by cursor",
      description =
          "start and end are ISO dates (in the symbol's time zone) or ISO instants; the range is "
              + "[start, end). With resample_to the stored bars are aggregated on the fly into a coarser interval, "
              + "with days, weeks and stock sessions counted in the symbol's time zone. Pass next_cursor back as "
              + "cursor for the next page.",
      responses = {
        @ApiResponse(responseCode = "200", description = "A page of bars"),
        @ApiResponse(responseCode = "400", description = "Malformed parameter or cursor"),
        @ApiResponse(responseCode = "404", description = UNKNOWN_SYMBOL),
        @ApiResponse(responseCode = "422", description = "Invalid range or resampling")
      })
  HistoryPage historical(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam String symbol,
      @Parameter(description = DATASET) @RequestParam(required = false) String dataset,
      @Parameter(description = "1m, 5m, 15m, 1h, 4h, 1d, 1w or 1M (a month; 1m is a minute)")
          @RequestParam(defaultValue = "1d")
          String interval,
      @Parameter(description = "ISO date or instant; default: the first stored bar")
          @RequestParam(required = false)
          String start,
      @Parameter(description = "ISO date or instant, exclusive; default: after the last stored bar")
          @RequestParam(required = false)
          String end,
      @Parameter(description = "Aggregate into this coarser interval")
          @RequestParam(name = "resample_to", required = false)
          String resampleTo,
      @RequestParam(defaultValue = "5000")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = MarketDataService.MAX_PAGE, message = "must be at most 10000")
          int limit,
      @RequestParam(required = false) String cursor,
      @Parameter(
              description =
                  "The prices: raw (as traded), split_adjusted (default, what a run reads by"
                      + " default) or total_return (also back-adjusted by dividends)",
              schema =
                  @io.swagger.v3.oas.annotations.media.Schema(
                      allowableValues = {"raw", "split_adjusted", "total_return"}))
          @RequestParam(required = false)
          String adjustment) {
    Interval stored = RequestValues.interval("interval", interval);
    com.tradingbacktest.engine.prices.PriceBasis basis = HistoryPrices.parse(adjustment);
    Interval target =
        resampleTo == null || resampleTo.isBlank()
            ? null
            : RequestValues.interval("resample_to", resampleTo);
    SymbolInfo series = data.require(user.id(), symbol, Dataset.parse("dataset", dataset));
    ZoneId zone = series.zone();
    Instant from = start == null ? Instant.EPOCH : RequestValues.instant("start", start, zone);
    Instant to =
        end == null
            ? Instant.parse("9999-01-01T00:00:00Z")
            : RequestValues.instant("end", end, zone);
    return historyPrices.history(series, stored, from, to, target, limit, cursor, basis);
  }
}
