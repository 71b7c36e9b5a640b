package com.tradingbacktest.app.backtest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tradingbacktest.app.common.web.NullableValues;
import com.tradingbacktest.engine.metrics.BenchmarkStats;
import com.tradingbacktest.engine.metrics.MonthlyReturn;
import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.metrics.YearlyReturn;
import com.tradingbacktest.engine.sim.Liquidation;
import com.tradingbacktest.engine.sim.Simulation;
import com.tradingbacktest.engine.sim.Trade;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a finished run produced, as {@code backtests.result} stores it and GET
 * /api/v1/backtests/{id} shows it. The full per-bar series is kept separately ({@code
 * backtest_series}); {@code equity} here is its overview, downsampled; GET /api/v1/analytics/chart
 * serves any range of it at any resolution.
 *
 * @param metrics every metric of docs/METRICS.md under its snake_case name; null where undefined
 * @param equity equity, drawdown and buy-and-hold over the whole run, downsampled
 * @param roundTripCount closed round trips; they are paged at GET
 *     /api/v1/backtests/{id}/round-trips (kept out of here so the result stays small however many
 *     there are), the fills at GET /api/v1/backtests/{id}/trades
 * @param openTrade the position still open after the last bar (valued at the last close), or null
 * @param barCount bars the run saw
 * @param fillCount executions stored in backtest_trades
 * @param rejectedOrders entries skipped because the cash did not afford one quantity step
 * @param benchmark the symbol the run was measured against, whose metrics ({@code alpha}, {@code
 *     beta}, ... of docs/METRICS.md, "Benchmark") are in {@code metrics}; null without one
 * @param portfolio what a portfolio run adds (per-symbol contribution, final holdings, turnover,
 *     notes); null for a single-symbol run
 * @param liquidations the account's liquidations in order (margin calls, or the equity reaching
 *     zero), the first {@link #MAX_LIQUIDATIONS}; empty when none (and in results stored before)
 */
public record RunResult(
    @Schema(description = "Metric name to value; null when undefined (e.g. Sharpe of a flat curve)")
        @NullableValues
        Map<String, Number> metrics,
    List<MonthlyReturnView> monthlyReturns,
    List<YearlyReturnView> yearlyReturns,
    EquityChart equity,
    int roundTripCount,
    @Schema(nullable = true) RoundTrip openTrade,
    int barCount,
    int fillCount,
    int rejectedOrders,
    @Schema(nullable = true) BenchmarkSummary benchmark,
    @Schema(nullable = true) PortfolioSummary portfolio,
    List<LiquidationView> liquidations) {

  /** The most liquidations a result lists; the metric {@code liquidations} counts them all. */
  public static final int MAX_LIQUIDATIONS = 100;

  public RunResult {
    liquidations = liquidations == null ? List.of() : List.copyOf(liquidations);
  }

  /**
   * One liquidation of the account.
   *
   * @param time the bar it happened in
   * @param marginCall true when the maintenance margin called it, false when the equity reached
   *     zero (the default account rule)
   * @param gap true when prices jumped beyond the level, so positions closed at the first price
   *     after the jump
   * @param equityAfter the equity once everything was closed (below zero after a gap)
   * @param stopped true when the account stopped trading then: nothing was left to trade with
   * @param message the same in an English sentence
   */
  @Schema(name = "RunLiquidation")
  public record LiquidationView(
      Instant time,
      boolean marginCall,
      boolean gap,
      double equityAfter,
      boolean stopped,
      String message) {

    static List<LiquidationView> of(List<Liquidation> liquidations) {
      return liquidations.stream()
          .limit(MAX_LIQUIDATIONS)
          .map(
              l ->
                  new LiquidationView(
                      Instant.ofEpochMilli(l.time()),
                      l.marginCall(),
                      l.gap(),
                      l.equityAfter(),
                      l.stopped(),
                      l.message()))
          .toList();
    }
  }

  /** A result without a benchmark. */
  public RunResult(
      Map<String, Number> metrics,
      List<MonthlyReturnView> monthlyReturns,
      List<YearlyReturnView> yearlyReturns,
      EquityChart equity,
      int roundTripCount,
      RoundTrip openTrade,
      int barCount,
      int fillCount,
      int rejectedOrders) {
    this(
        metrics,
        monthlyReturns,
        yearlyReturns,
        equity,
        roundTripCount,
        openTrade,
        barCount,
        fillCount,
        rejectedOrders,
        null,
        null,
        List.of());
  }

  public static RunResult of(
      Simulation simulation,
      PerformanceMetrics metrics,
      RunSeries series,
      int chartPoints,
      int barCount) {
    return of(simulation, metrics, series, chartPoints, barCount, null, null);
  }

  /**
   * With {@code benchmarkSymbol} and its {@code benchmarkStats} (both null for a run without one):
   * the benchmark's metrics follow the run's own in {@code metrics}.
   */
  public static RunResult of(
      Simulation simulation,
      PerformanceMetrics metrics,
      RunSeries series,
      int chartPoints,
      int barCount,
      String benchmarkSymbol,
      BenchmarkStats benchmarkStats) {
    return from(
        metrics,
        series,
        chartPoints,
        simulation.trades().size(),
        simulation.openTrade() == null ? null : RoundTrip.of(simulation.openTrade()),
        barCount,
        simulation.fills().size(),
        simulation.rejectedOrders(),
        benchmarkSymbol,
        benchmarkStats,
        null,
        LiquidationView.of(simulation.liquidations()));
  }

  /**
   * The result of a portfolio run over its metrics: {@code metrics} are the portfolio's, {@code
   * round_trip_count} and {@code fill_count} count every symbol's, {@code bar_count} the union of
   * the symbols' bar times, and {@code open_trade} is null (each symbol's open position is in
   * {@code symbols}).
   */
  public static RunResult ofPortfolio(
      PerformanceMetrics metrics,
      RunSeries series,
      int chartPoints,
      int roundTrips,
      int fills,
      int rejectedOrders,
      String benchmarkSymbol,
      BenchmarkStats benchmarkStats,
      PortfolioSummary portfolio,
      List<Liquidation> liquidations) {
    return from(
        metrics,
        series,
        chartPoints,
        roundTrips,
        null,
        series.size(),
        fills,
        rejectedOrders,
        benchmarkSymbol,
        benchmarkStats,
        portfolio,
        LiquidationView.of(liquidations));
  }

  /** The benchmark's metrics follow the run's own in {@code metrics}. */
  private static RunResult from(
      PerformanceMetrics metrics,
      RunSeries series,
      int chartPoints,
      int roundTrips,
      RoundTrip openTrade,
      int barCount,
      int fills,
      int rejectedOrders,
      String benchmarkSymbol,
      BenchmarkStats benchmarkStats,
      PortfolioSummary portfolio,
      List<LiquidationView> liquidations) {
    Map<String, Number> all = metrics.toMap();
    if (benchmarkStats != null) {
      all.putAll(benchmarkStats.toMap());
    }
    return new RunResult(
        all,
        metrics.monthlyReturns().stream().map(MonthlyReturnView::of).toList(),
        metrics.yearlyReturns().stream().map(YearlyReturnView::of).toList(),
        EquityChart.of(series, chartPoints),
        roundTrips,
        openTrade,
        barCount,
        fills,
        rejectedOrders,
        benchmarkStats == null
            ? null
            : new BenchmarkSummary(benchmarkSymbol, benchmarkStats.returns()),
        portfolio,
        liquidations);
  }

  /**
   * What a portfolio run adds to its result. Everything in it is bounded by the symbols (at most
   * 500) and the notes (at most 100): the holdings over time are read at GET
   * /api/v1/backtests/{id}/holdings with a range and a point budget.
   *
   * @param baseCurrency the account's currency: money here and in {@code metrics} is in it
   * @param rebalance the schedule the run traded its weights on; null when it had no weights
   * @param timeZone the zone of its calendar periods
   * @param turnover traded value over mean equity
   * @param annualTurnover turnover per year; null over no time
   * @param tradedValue the traded value of every fill, in the base currency
   * @param commissions commissions and taxes of every fill, in the base currency
   * @param symbols per symbol, in the request's order
   * @param fx the FX series used, per foreign currency
   * @param notes what the run did unasked (weights or buys scaled down), in time order
   * @param notesOmitted notes beyond those kept, counted only
   */
  public record PortfolioSummary(
      String baseCurrency,
      @Schema(nullable = true) String rebalance,
      String timeZone,
      double turnover,
      @Schema(nullable = true) Double annualTurnover,
      double tradedValue,
      double commissions,
      List<SymbolSummary> symbols,
      Map<String, String> fx,
      List<Note> notes,
      int notesOmitted) {}

  /**
   * One symbol of a portfolio run.
   *
   * @param contribution its pnl in the base currency (costs included); the contributions add up to
   *     final equity less initial capital
   * @param roundTrips its closed round trips
   * @param finalQuantity units held after its last bar (negative when short)
   * @param finalPrice its last close, in its currency
   * @param finalValue the final holding in the base currency
   * @param finalWeight the final holding over the final equity
   */
  public record SymbolSummary(
      String symbol,
      String currency,
      double contribution,
      int roundTrips,
      double finalQuantity,
      double finalPrice,
      double finalValue,
      @Schema(nullable = true) Double finalWeight) {}

  /**
   * Something a portfolio run did that was not literally asked for.
   *
   * @param time the bar time it concerns
   * @param kind weights_scaled (target weights summed to more than 1 and were scaled to 1) or
   *     buys_scaled (a rebalance's buys cost more than the cash and were scaled down)
   * @param message an English sentence with the date and figures (the web app words the kind in the
   *     reader's language)
   */
  public record Note(Instant time, String kind, String message) {}

  /**
   * The benchmark of a run.
   *
   * @param symbol its ticker
   * @param returns the return pairs its metrics come from: the run's bars from the benchmark's
   *     first bar on, less one; below 2 its metrics are null
   */
  public record BenchmarkSummary(String symbol, int returns) {}

  /** A month's return as a fraction; null when undefined. */
  public record MonthlyReturnView(
      int year, int month, @Schema(nullable = true) @JsonProperty("return") Double value) {
    static MonthlyReturnView of(MonthlyReturn m) {
      return new MonthlyReturnView(m.year(), m.month(), finite(m.value()));
    }
  }

  public record YearlyReturnView(
      int year, @Schema(nullable = true) @JsonProperty("return") Double value) {
    static YearlyReturnView of(YearlyReturn y) {
      return new YearlyReturnView(y.year(), finite(y.value()));
    }
  }

  /**
   * A position opened and closed. Prices after slippage; pnl net of both fills' commissions and
   * taxes; return_pct is pnl over the capital put in; mae/mfe are the worst and best price moves
   * while open, as fractions of the entry price; dividends are the cash dividends received while
   * open (negative when a short paid them; 0 in results stored before dividends), in pnl.
   */
  public record RoundTrip(
      String side,
      double quantity,
      Instant entryTime,
      double entryPrice,
      Instant exitTime,
      double exitPrice,
      double pnl,
      double returnPct,
      double costs,
      double mae,
      double mfe,
      int barsHeld,
      String exitReason,
      double funding,
      double borrowCost,
      double dividends) {

    static RoundTrip of(Trade t) {
      return new RoundTrip(
          t.side().name().toLowerCase(Locale.ROOT),
          t.quantity(),
          Instant.ofEpochMilli(t.entryTime()),
          t.entryPrice(),
          Instant.ofEpochMilli(t.exitTime()),
          t.exitPrice(),
          t.pnl(),
          t.returnPct(),
          t.costs(),
          t.mae(),
          t.mfe(),
          t.barsHeld(),
          t.exitReason().name().toLowerCase(Locale.ROOT),
          t.funding(),
          t.borrowCost(),
          t.dividends());
    }
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
