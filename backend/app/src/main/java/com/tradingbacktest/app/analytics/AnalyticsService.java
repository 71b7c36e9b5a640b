package com.tradingbacktest.app.analytics;

import com.tradingbacktest.app.backtest.BacktestResults;
import com.tradingbacktest.app.backtest.EquityChart;
import com.tradingbacktest.app.backtest.RunNotCompleted;
import com.tradingbacktest.app.backtest.RunSeries;
import com.tradingbacktest.app.backtest.StoredRun;
import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.common.error.NotFoundException;
import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.app.marketdata.SymbolInfo;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Reads the user's stored runs and derives what the analytics screens show. Only the user's own
 * runs are visible: anyone else's is "not found", exactly like a missing one.
 */
@Service
class AnalyticsService {

  private final BacktestResults results;
  private final MarketDataService marketData;

  AnalyticsService(BacktestResults results, MarketDataService marketData) {
    this.results = results;
    this.marketData = marketData;
  }

  RunMetricsResponse metrics(UUID userId, List<UUID> ids) {
    List<RunOverview> runs = ids.stream().map(id -> RunOverview.of(owned(userId, id))).toList();
    return new RunMetricsResponse(
        MetricNames.names(runs.stream().map(RunOverview::metrics).toList()), runs);
  }

  /**
   * @param from ISO instant or date, inclusive; null for the run's start
   * @param to ISO instant or date, inclusive (a date: to its end); null for the run's end
   * @param window returns per rolling-Sharpe window; null for a quarter of a year
   */
  RunChartResponse chart(
      UUID userId, UUID id, String from, String to, int points, int bins, Integer window) {
    StoredRun run = owned(userId, id);
    ZoneId zone = ZoneId.of(run.timeZone());
    long fromTime = RequestValues.time("from", from, zone, false, Long.MIN_VALUE);
    long toTime = RequestValues.time("to", to, zone, true, Long.MAX_VALUE);
    if (fromTime > toTime) {
      throw new FieldValidationException("to", "must not be before from");
    }
    RunSeries series = seriesOf(run);
    Interval interval = Interval.fromCode(run.interval());
    ReturnSeries returns = ReturnSeries.of(series, interval, zone, calendarOf(run));
    int windowSize = window == null ? returns.defaultWindow() : window;
    return new RunChartResponse(
        run.id(),
        run.symbol(),
        run.interval(),
        run.timeZone(),
        run.currency(),
        EquityChart.of(series, fromTime, toTime, points),
        returns.period(),
        returns.periodsPerYear(),
        RunChartResponse.ReturnsHistogram.of(returns, fromTime, toTime, bins),
        RunChartResponse.RollingSharpe.of(
            returns, windowSize, run.riskFreeRate(), fromTime, toTime, points),
        RunChartResponse.MonthlyReturnsGrid.of(run.result()),
        DrawdownPeriod.deepest(series.times(), series.equity(), RunChartResponse.DRAWDOWN_PERIODS));
  }

  RunComparisonResponse compare(UUID userId, List<UUID> ids, int points) {
    List<StoredRun> runs = ids.stream().map(id -> owned(userId, id)).toList();
    long[][] days = new long[runs.size()][];
    double[][] equity = new double[runs.size()][];
    for (int r = 0; r < runs.size(); r++) {
      StoredRun run = runs.get(r);
      RunSeries series = seriesOf(run);
      ZoneId zone = ZoneId.of(run.timeZone());
      int[] last = AnalyticsMath.lastBarOfEachDay(series.times(), zone);
      days[r] = new long[last.length];
      equity[r] = new double[last.length];
      for (int k = 0; k < last.length; k++) {
        days[r][k] = AnalyticsMath.epochDay(series.times()[last[k]], zone);
        equity[r][k] = series.equity()[last[k]];
      }
    }
    List<RunOverview> overviews = runs.stream().map(RunOverview::of).toList();
    return new RunComparisonResponse(
        MetricNames.names(overviews.stream().map(RunOverview::metrics).toList()),
        overviews,
        RunComparisonResponse.RebasedEquity.of(AnalyticsMath.rebase(days, equity), points),
        RunComparisonResponse.ReturnCorrelation.of(AnalyticsMath.correlations(days, equity)));
  }

  private StoredRun owned(UUID userId, UUID id) {
    return results.find(userId, id).orElseThrow(() -> new NotFoundException("Backtest " + id));
  }

  /** The full series of a completed run; anything else has none to analyse. */
  private RunSeries seriesOf(StoredRun run) {
    if (!run.isCompleted() || run.result() == null) {
      throw new RunNotCompleted(run.id(), run.status());
    }
    return results
        .series(run.id())
        .filter(s -> s.size() > 0)
        .orElseThrow(
            () -> new IllegalStateException("completed run " + run.id() + " has no stored series"));
  }

  /**
   * As the run was annualised: its symbol's calendar (a symbol no longer listed counts as a stock).
   */
  private MarketCalendar calendarOf(StoredRun run) {
    return marketData
        .series(run.seriesKey())
        .map(SymbolInfo::calendar)
        .orElse(MarketCalendar.STOCK);
  }
}
