package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunNotCompleted;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.backtest.RunStatus;
import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.common.web.TimeParameters;
import com.tradingbacktest.engine.series.Downsampling;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A portfolio run's holdings read back: per symbol over a range within a point budget, or every
 * symbol at one time. Never all of them over all times at once (docs/SECURITY.md).
 */
@Service
class HoldingsService {

  /** The most symbols one range read returns. */
  static final int MAX_SYMBOLS = 20;

  private final BacktestRepository runs;
  private final JsonMapper json;

  HoldingsService(BacktestRepository runs, JsonMapper json) {
    this.runs = runs;
    this.json = json;
  }

  /**
   * The holdings of {@code symbols} (comma-separated; absent: the run's first {@link #MAX_SYMBOLS})
   * over {@code [from, to]}, downsampled to {@code points}: each bucket keeps its first and last
   * time and those of each chosen weight's lowest and highest value.
   */
  HoldingsResponse range(UUID userId, UUID id, String symbols, String from, String to, int points) {
    BacktestRow row = completedPortfolio(userId, id);
    ZoneId zone = zone(row);
    long fromTime = TimeParameters.parse("from", from, zone, false, Long.MIN_VALUE);
    long toTime = TimeParameters.parse("to", to, zone, true, Long.MAX_VALUE);
    if (fromTime > toTime) {
      throw new FieldValidationException("to", "must not be before from");
    }
    List<String> held = runs.holdingSymbols(id);
    List<BacktestRepository.Holdings> chosen = runs.holdings(id, chosen(held, symbols));
    long[] times = times(id);
    double[][] columns =
        chosen.stream().map(BacktestRepository.Holdings::weight).toArray(double[][]::new);
    int[] range = Downsampling.range(times, fromTime, toTime);
    int[] keep = Downsampling.indices(range[0], range[1], points, columns);
    long[] time = new long[keep.length];
    for (int k = 0; k < keep.length; k++) {
      time[k] = times[keep[k]];
    }
    List<HoldingsResponse.SymbolHoldings> out = new ArrayList<>(chosen.size());
    for (BacktestRepository.Holdings h : chosen) {
      out.add(
          new HoldingsResponse.SymbolHoldings(
              h.symbol(), at(h.weight(), keep), at(h.quantity(), keep)));
    }
    return new HoldingsResponse(time, out, range[1] - range[0], held.size());
  }

  /** Every symbol's quantity and weight at the last of the run's times at or before {@code at}. */
  HoldingsResponse.At at(UUID userId, UUID id, String at) {
    BacktestRow row = completedPortfolio(userId, id);
    if (at == null || at.isBlank()) {
      throw new FieldValidationException("at", "is required");
    }
    long time = TimeParameters.parse("at", at, zone(row), true, Long.MAX_VALUE);
    long[] times = times(id);
    int index = Downsampling.range(times, Long.MIN_VALUE, time)[1] - 1;
    List<String> held = runs.holdingSymbols(id);
    List<HoldingsResponse.Holding> holdings = new ArrayList<>(held.size());
    for (BacktestRepository.Holdings h : runs.holdings(id, held)) {
      holdings.add(
          new HoldingsResponse.Holding(
              h.symbol(),
              index < 0 ? null : finite(h.quantity()[index]),
              index < 0 ? null : finite(h.weight()[index])));
    }
    return new HoldingsResponse.At(index < 0 ? null : Instant.ofEpochMilli(times[index]), holdings);
  }

  private BacktestRow completedPortfolio(UUID userId, UUID id) {
    BacktestRow row = runs.findSummary(id, userId).orElseThrow(() -> BacktestService.notFound(id));
    if (row.status() != RunStatus.COMPLETED) {
      throw new RunNotCompleted(id, row.status().code());
    }
    if (!row.isPortfolio()) {
      throw new FieldValidationException(
          "id", "this run trades one symbol; holdings over time are kept for portfolio runs");
    }
    return row;
  }

  private ZoneId zone(BacktestRow row) {
    return ZoneId.of(json.readValue(row.settings(), RunSettings.class).timeZone());
  }

  private long[] times(UUID id) {
    return runs.times(id)
        .orElseThrow(() -> new IllegalStateException("completed run " + id + " has no series"));
  }

  /** The symbols asked for, each one the run holds; the first {@link #MAX_SYMBOLS} when none. */
  private static List<String> chosen(List<String> held, String names) {
    if (names == null || names.isBlank()) {
      return held.subList(0, Math.min(MAX_SYMBOLS, held.size()));
    }
    Set<String> known = new LinkedHashSet<>(held);
    Set<String> chosen = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String name : names.split(",", -1)) {
      String symbol = name.trim();
      if (symbol.isEmpty()) {
        continue;
      }
      if (known.contains(symbol)) {
        chosen.add(symbol);
      } else {
        unknown.add(symbol.length() > 40 ? symbol.substring(0, 40) + "..." : symbol);
      }
    }
    if (!unknown.isEmpty()) {
      throw new FieldValidationException(
          "symbols",
          "this run holds no "
              + RunSettingsResolver.named(unknown)
              + "; its symbols are "
              + RunSettingsResolver.named(held));
    }
    if (chosen.size() > MAX_SYMBOLS) {
      throw new FieldValidationException(
          "symbols", "at most " + MAX_SYMBOLS + " symbols at once, got " + chosen.size());
    }
    return List.copyOf(chosen);
  }

  private static Double[] at(double[] values, int[] keep) {
    Double[] out = new Double[keep.length];
    for (int k = 0; k < keep.length; k++) {
      out[k] = finite(values[keep[k]]);
    }
    return out;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
