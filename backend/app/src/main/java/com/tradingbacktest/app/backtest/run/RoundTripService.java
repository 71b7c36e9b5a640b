package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunNotCompleted;
import com.tradingbacktest.app.backtest.RunSeries;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.backtest.RunStatus;
import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.common.web.PageResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run's round trips as the API reads them: a page at a time or all of them as a streamed CSV,
 * filtered by side, outcome, exit time and symbol, from the database rather than the stored result.
 */
@Service
class RoundTripService {

  static final String CSV_HEADER =
      "number,side,quantity,entry_time,entry_price,exit_time,exit_price,pnl,return_pct,costs,mae,"
          + "mfe,bars_held,exit_reason,funding,borrow_cost,dividends\n";

  private final BacktestRepository runs;
  private final RoundTripRepository roundTrips;
  private final JsonMapper json;

  RoundTripService(BacktestRepository runs, RoundTripRepository roundTrips, JsonMapper json) {
    this.runs = runs;
    this.roundTrips = roundTrips;
    this.json = json;
  }

  /**
   * What the query parameters ask for, unchecked.
   *
   * @param symbol a run trades one symbol: another one matches nothing
   * @param from an ISO instant, or an ISO date meaning that day's start in the symbol's zone
   * @param to an ISO instant, or an ISO date meaning that day's end in the symbol's zone
   */
  record Query(String side, String outcome, String symbol, String from, String to) {}

  PageResponse<RoundTripView> page(UUID userId, UUID id, Query query, int page, int size) {
    Resolved resolved = resolve(userId, id, query);
    RoundTripFilter filter = resolved.filter();
    if (filter == null) {
      return PageResponse.of(List.of(), page, size, 0);
    }
    long total = roundTrips.count(id, filter);
    List<RoundTripView> items =
        (long) page * size >= total
            ? List.of()
            : roundTrips.page(id, filter, page * size, size).stream()
                .map(
                    t ->
                        t.complete(
                            resolved.row().symbol(), resolved.row().initialCapital().doubleValue()))
                .toList();
    return PageResponse.of(items, page, size, total);
  }

  /**
   * The performance summary of a completed run from its stored round trips and equity, so a run
   * stored before the summary existed has one too.
   */
  TradeSummaryResponse summary(UUID userId, UUID id) {
    BacktestRow row = runs.findSummary(id, userId).orElseThrow(() -> BacktestService.notFound(id));
    if (row.status() != RunStatus.COMPLETED) {
      throw new RunNotCompleted(id, row.status().code());
    }
    RunSeries series =
        runs.series(id).orElse(new RunSeries(new long[0], new double[0], new double[0]));
    double capital = row.initialCapital().doubleValue();
    TradeSummary all = new TradeSummary(capital);
    TradeSummary longs = new TradeSummary(capital);
    TradeSummary shorts = new TradeSummary(capital);
    roundTrips.streamForSummary(
        id,
        trip -> {
          all.add(trip.pnl(), trip.returnPct(), trip.costs(), trip.barsHeld());
          (trip.isLong() ? longs : shorts)
              .add(trip.pnl(), trip.returnPct(), trip.costs(), trip.barsHeld());
        });
    RunSettings settings = json.readValue(row.settings(), RunSettings.class);
    return TradeSummaryResponse.of(
        settings.currency(),
        row.initialCapital(),
        series.equity(),
        series.benchmark(),
        all,
        longs,
        shorts);
  }

  /** Checks access and the filters before the response starts; the body streams the rows. */
  Csv csv(UUID userId, UUID id, Query query) {
    Resolved resolved = resolve(userId, id, query);
    return new Csv(
        resolved.row().symbol() + "-" + id.toString().substring(0, 8) + "-round-trips.csv",
        out -> writeCsv(id, resolved.filter(), out));
  }

  record Csv(String fileName, BacktestService.CsvBody body) {}

  /** The run and the filter of {@code query} on it; the filter is null when nothing can match. */
  private record Resolved(BacktestRow row, RoundTripFilter filter) {}

  private Resolved resolve(UUID userId, UUID id, Query query) {
    BacktestRow row = runs.findSummary(id, userId).orElseThrow(() -> BacktestService.notFound(id));
    ZoneId zone = zone(json.readValue(row.settings(), RunSettings.class).timeZone());
    Map<String, String> errors = new LinkedHashMap<>();
    Instant from = time(errors, "from", query.from(), zone, false);
    Instant to = time(errors, "to", query.to(), zone, true);
    if (from != null && to != null && to.isBefore(from)) {
      errors.put("to", "must not be before from");
    }
    if (!errors.isEmpty()) {
      throw new FieldValidationException(errors);
    }
    String symbol =
        query.symbol() == null || query.symbol().isBlank() ? null : query.symbol().trim();
    if (row.isPortfolio()) {
      return new Resolved(
          row, new RoundTripFilter(query.side(), query.outcome(), from, to, symbol));
    }
    if (symbol != null && !symbol.equalsIgnoreCase(row.symbol())) {
      return new Resolved(row, null);
    }
    return new Resolved(row, new RoundTripFilter(query.side(), query.outcome(), from, to, null));
  }

  private static ZoneId zone(String name) {
    try {
      return name == null ? ZoneId.of("UTC") : ZoneId.of(name);
    } catch (DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }

  private static Instant time(
      Map<String, String> errors, String field, String text, ZoneId zone, boolean endOfDay) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.trim();
    try {
      if (trimmed.length() == 10) {
        LocalDate day = LocalDate.parse(trimmed);
        return endOfDay
            ? day.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1)
            : day.atStartOfDay(zone).toInstant();
      }
      return Instant.parse(trimmed);
    } catch (DateTimeParseException e) {
      errors.put(field, "must be an ISO instant (2024-01-01T00:00:00Z) or date (2024-01-01)");
      return null;
    }
  }

  private void writeCsv(UUID id, RoundTripFilter filter, OutputStream out) throws IOException {
    Writer writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    writer.write(CSV_HEADER);
    if (filter != null) {
      try {
        roundTrips.stream(
            id,
            filter,
            t -> {
              try {
                writer.write(line(t));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    writer.flush();
  }

  static String line(RoundTripView t) {
    return String.join(
            ",",
            Integer.toString(t.number()),
            t.side(),
            number(t.quantity()),
            t.entryTime().toString(),
            number(t.entryPrice()),
            t.exitTime().toString(),
            number(t.exitPrice()),
            number(t.pnl()),
            number(t.returnPct()),
            number(t.costs()),
            number(t.mae()),
            number(t.mfe()),
            Integer.toString(t.barsHeld()),
            t.exitReason(),
            number(t.funding()),
            number(t.borrowCost()),
            number(t.dividends()))
        + "\n";
  }

  /** Full precision, never in exponent notation (a spreadsheet reads 1.0E-4 as text). */
  private static String number(double v) {
    return Double.isFinite(v)
        ? new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString()
        : "";
  }
}
