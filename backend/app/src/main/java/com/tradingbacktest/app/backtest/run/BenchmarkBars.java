package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.marketdata.DataRange;
import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Loads a run's benchmark: the bars of its series key over the run's own span, the days counted in
 * the run's zone (not the benchmark's), so both cover the same instants whatever their markets.
 */
final class BenchmarkBars {

  /**
   * Bytes a loaded bar takes: its time and five doubles, plus the aligned close and rebased value.
   */
  static final long BYTES_PER_BAR = 8L * 8;

  private BenchmarkBars() {}

  /**
   * @param memoryBytes what the run may use: a benchmark whose stored bars of this interval could
   *     take more is refused before it is read
   * @throws RunFailure when the benchmark's series is gone, too large, or has no bars in the span
   */
  static RunExecution.Benchmark load(
      MarketDataService marketData,
      String symbol,
      String seriesKey,
      Interval interval,
      LocalDate start,
      LocalDate end,
      ZoneId runZone,
      long memoryBytes) {
    if (marketData.series(seriesKey).isEmpty()) {
      throw new RunFailure("The data of the benchmark " + symbol + " no longer exists.");
    }
    long stored = marketData.range(seriesKey, interval).map(DataRange::barCount).orElse(0L);
    if (stored * BYTES_PER_BAR > memoryBytes) {
      throw new RunFailure(
          "The benchmark "
              + symbol
              + " has "
              + stored
              + " "
              + interval.code()
              + " bars, more than the run's memory limit can hold; pick a longer interval.");
    }
    BarSeries bars = read(marketData, seriesKey, interval, start, end, runZone);
    if (bars.size() == 0) {
      throw RunFailure.noBars(symbol + " (the benchmark)", interval.code(), start, end);
    }
    return new RunExecution.Benchmark(symbol, bars);
  }

  /** The benchmark's bars opening within the run's days {@code start} to {@code end}. */
  static BarSeries read(
      MarketDataService marketData,
      String seriesKey,
      Interval interval,
      LocalDate start,
      LocalDate end,
      ZoneId runZone) {
    Instant from = start.atStartOfDay(runZone).toInstant();
    Instant to = end.plusDays(1).atStartOfDay(runZone).toInstant();
    return marketData.loadSeries(seriesKey, interval, from, to);
  }
}
