package com.tradingbacktest.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.app.backtest.RunResult;
import com.tradingbacktest.app.backtest.RunResult.MonthlyReturnView;
import com.tradingbacktest.app.backtest.RunResult.YearlyReturnView;
import com.tradingbacktest.app.backtest.RunSeries;
import com.tradingbacktest.engine.metrics.Metrics;
import com.tradingbacktest.engine.metrics.MetricsInput;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** How the responses are cut from a run: metric order, return periods, ranges, the monthly grid. */
class AnalyticsResponsesTests {

  private static final long DAY = 86_400_000L;
  private static final long T0 = Instant.parse("2013-01-02T00:00:00Z").toEpochMilli();

  @Test
  void metricOrderIsTheEnginesToMapOrder() {
    double[] equity = {100, 101, 99};
    var metrics =
        Metrics.compute(
            new MetricsInput(
                new long[] {T0, T0 + DAY, T0 + 2 * DAY},
                equity,
                equity,
                new boolean[3],
                List.of(),
                0,
                100,
                MarketCalendar.STOCK,
                Interval.D1,
                ZoneOffset.UTC,
                0));

    assertThat(MetricNames.ORDER).containsExactlyElementsOf(metrics.toMap().keySet());
    assertThat(MetricNames.ORDER)
        .startsWith("start", "end", "duration", "duration_days", "exposure_time")
        .endsWith("long_trades", "short_trades")
        .contains("max_drawdown_duration_bars", "sqn", "cagr");
  }

  @Test
  void storedMetricsComeBackInTheDocumentedOrderWithUnknownNamesLast() {
    Map<String, Object> stored = new TreeMap<>(); // jsonb gives no useful order either
    stored.put("total_return", 0.1);
    stored.put("start", 1L);
    stored.put("sharpe_ratio", null);
    stored.put("a_new_metric", 3);

    Map<String, Number> ordered = MetricNames.ordered(stored);

    assertThat(ordered.keySet())
        .containsExactly("start", "total_return", "sharpe_ratio", "a_new_metric");
    assertThat(ordered.get("sharpe_ratio")).isNull();
    assertThat(MetricNames.ordered(null)).isNull();
    List<Map<String, Object>> several =
        new ArrayList<>(Arrays.asList(Map.of("cagr", 1.0), null, Map.of("end", 2L)));
    assertThat(MetricNames.names(several)).containsExactly("end", "cagr");
  }

  @Test
  void aBenchmarksMetricsFollowTheRunsOwnInTheirDocumentedOrderBeforeUnknownNames() {
    Map<String, Object> stored = new TreeMap<>();
    stored.put("beta", 0.8);
    stored.put("a_new_metric", 3);
    stored.put("alpha", null);
    stored.put("down_capture", 0.5);
    stored.put("total_return", 0.1);

    assertThat(MetricNames.ordered(stored).keySet())
        .containsExactly("total_return", "alpha", "beta", "down_capture", "a_new_metric");
  }

  @Test
  void dailyAndWeeklyRunsMeasureReturnsPerBar() {
    RunSeries series =
        new RunSeries(
            new long[] {T0, T0 + DAY, T0 + 2 * DAY}, new double[] {100, 110, 99}, new double[3]);

    ReturnSeries daily = ReturnSeries.of(series, Interval.D1, ZoneOffset.UTC, MarketCalendar.STOCK);
    assertThat(daily.period()).isEqualTo("bar");
    assertThat(daily.periodsPerYear()).isEqualTo(252);
    assertThat(daily.defaultWindow()).isEqualTo(63);
    assertThat(daily.returns()).containsExactly(new double[] {0.1, -0.1}, within(1e-12));

    ReturnSeries weekly =
        ReturnSeries.of(series, Interval.W1, ZoneOffset.UTC, MarketCalendar.CRYPTO);
    assertThat(weekly.periodsPerYear()).isEqualTo(52);
    assertThat(weekly.defaultWindow()).isEqualTo(13);
  }

  @Test
  void intradayRunsMeasureReturnsFromCloseToCloseOfEachDayInTheSymbolsZone() {
    long hour = 3_600_000L;
    // Hourly crypto bars over three UTC days; each day's close is its last bar's equity.
    long[] times = {
      T0, T0 + hour, T0 + 23 * hour, T0 + DAY, T0 + DAY + 5 * hour, T0 + 2 * DAY + hour
    };
    double[] equity = {100, 101, 104, 103, 110, 99};
    RunSeries series = new RunSeries(times, equity, new double[times.length]);

    ReturnSeries days = ReturnSeries.of(series, Interval.H1, ZoneOffset.UTC, MarketCalendar.CRYPTO);

    assertThat(days.period()).isEqualTo("day");
    assertThat(days.periodsPerYear()).isEqualTo(365);
    assertThat(days.defaultWindow()).isEqualTo(91);
    assertThat(days.times())
        .containsExactly(T0 + 23 * hour, T0 + DAY + 5 * hour, T0 + 2 * DAY + hour);
    assertThat(days.equity()).containsExactly(104, 110, 99);
    // In Seoul (UTC+9) the bar at 23:00 UTC opens on the next day.
    ReturnSeries seoul =
        ReturnSeries.of(series, Interval.H1, ZoneId.of("Asia/Seoul"), MarketCalendar.STOCK);
    assertThat(seoul.equity()).containsExactly(101, 110, 99);
    assertThat(seoul.periodsPerYear()).isEqualTo(252);
  }

  @Test
  void histogramCountsOnlyReturnsBetweenPointsInsideTheRange() {
    ReturnSeries series =
        new ReturnSeries(
            "bar", new long[] {0, 10, 20, 30, 40}, new double[] {100, 200, 210, 189, 1000}, 252);

    // Points 10, 20 and 30 are in range: returns +5% and -10%; not the +100% into it nor the jump
    // out of it.
    RunChartResponse.ReturnsHistogram h = RunChartResponse.ReturnsHistogram.of(series, 5, 30, 2);

    assertThat(h.total()).isEqualTo(2);
    assertThat(h.edges()).containsExactly(new double[] {-0.1, -0.025, 0.05}, within(1e-12));
    assertThat(h.counts()).containsExactly(1, 1);
    assertThat(RunChartResponse.ReturnsHistogram.of(series, 10, 10, 2).total()).isZero();
  }

  @Test
  void rollingSharpeIsStampedAtEachWindowsLastPointAndCutToTheRange() {
    double[] equity = {100, 101, 104, 103, 103, 103, 105};
    long[] times = {0, 10, 20, 30, 40, 50, 60};
    ReturnSeries series = new ReturnSeries("bar", times, equity, 4);
    double[] expected = AnalyticsMath.rollingSharpe(AnalyticsMath.simpleReturns(equity), 2, 4, 0);

    RunChartResponse.RollingSharpe all =
        RunChartResponse.RollingSharpe.of(series, 2, 0, Long.MIN_VALUE, Long.MAX_VALUE, 100);
    RunChartResponse.RollingSharpe cut =
        RunChartResponse.RollingSharpe.of(series, 2, 0, 30, 50, 100);

    // Five windows of two returns: the first ends at point 2 (time 20).
    assertThat(all.time()).containsExactly(20, 30, 40, 50, 60);
    assertThat(all.sharpe().get(0)).isCloseTo(expected[0], within(1e-12));
    assertThat(all.sharpe().get(3)).isNull(); // returns 0 and 0: flat
    assertThat(all.totalPoints()).isEqualTo(5);
    assertThat(cut.time()).containsExactly(30, 40, 50);
    assertThat(cut.sharpe().get(0)).isCloseTo(expected[1], within(1e-12));
    assertThat(cut.window()).isEqualTo(2);
  }

  @Test
  void monthlyGridHasARowForEveryYearAndAColumnForEveryMonth() {
    RunResult result =
        new RunResult(
            new LinkedHashMap<>(),
            List.of(
                new MonthlyReturnView(2012, 12, 0.01),
                new MonthlyReturnView(2014, 1, -0.02),
                new MonthlyReturnView(2014, 3, null)),
            List.of(new YearlyReturnView(2012, 0.01), new YearlyReturnView(2014, -0.02)),
            null,
            0,
            null,
            0,
            0,
            0);

    RunChartResponse.MonthlyReturnsGrid grid = RunChartResponse.MonthlyReturnsGrid.of(result);

    assertThat(grid.years()).containsExactly(2012, 2013, 2014);
    assertThat(grid.months()).hasSize(3).allSatisfy(row -> assertThat(row).hasSize(12));
    assertThat(grid.months().get(0).get(11)).isEqualTo(0.01);
    assertThat(grid.months().get(1)).containsOnlyNulls();
    assertThat(grid.months().get(2).get(0)).isEqualTo(-0.02);
    assertThat(grid.months().get(2).get(2)).isNull();
    assertThat(grid.yearly()).containsExactly(0.01, null, -0.02);

    RunResult empty = new RunResult(Map.of(), List.of(), List.of(), null, 0, null, 0, 0, 0);
    assertThat(RunChartResponse.MonthlyReturnsGrid.of(empty).years()).isEmpty();
  }
}
