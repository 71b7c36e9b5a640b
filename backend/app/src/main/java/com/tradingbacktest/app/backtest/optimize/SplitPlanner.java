package com.tradingbacktest.app.backtest.optimize;

import com.tradingbacktest.app.backtest.RunLimits;
import com.tradingbacktest.app.backtest.run.PortfolioBars;
import com.tradingbacktest.app.backtest.run.PortfolioSweep;
import com.tradingbacktest.app.backtest.run.ResolvedRun;
import com.tradingbacktest.app.backtest.run.RunPrices;
import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.engine.robust.OutOfSample;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Places an optimisation's held-out split on its bars when it is created, so a split that leaves
 * either part empty (or too short for CSCV) is a 422 before anything is stored or queued.
 */
@Component
class SplitPlanner {

  /** The largest held-out fraction: at least a tenth of the bars is always ranked. */
  static final double MAX_FRACTION = 0.9;

  private final MarketDataService marketData;
  private final RunPrices runPrices;
  private final RunLimits limits;

  SplitPlanner(MarketDataService marketData, RunPrices runPrices, RunLimits limits) {
    this.marketData = marketData;
    this.runPrices = runPrices;
    this.limits = limits;
  }

  /**
   * The split of {@code spec} on {@code run}'s bars (a portfolio's: the union of its symbols'
   * times), or null with its problems in {@code errors}.
   */
  OptimizationRobustness.Split plan(
      ResolvedRun run,
      OptimizeRequest.OutOfSampleSpec spec,
      int partitions,
      Map<String, String> errors) {
    if ((spec.fraction() == null) == (spec.from() == null)) {
      errors.put("out_of_sample", "give exactly one of fraction and from");
      return null;
    }
    if (spec.fraction() != null && !(spec.fraction() > 0 && spec.fraction() <= MAX_FRACTION)) {
      errors.put("out_of_sample.fraction", "must be above 0 and at most " + MAX_FRACTION);
      return null;
    }
    if (spec.from() != null
        && (!spec.from().isAfter(run.startDate()) || spec.from().isAfter(run.endDate()))) {
      errors.put(
          "out_of_sample.from",
          "must be after the start date "
              + run.startDate()
              + " and not after the end date "
              + run.endDate());
      return null;
    }
    long[] times;
    try {
      times = times(run);
    } catch (IllegalArgumentException e) { // a universe too large or a symbol without bars
      errors.put("out_of_sample", e.getMessage());
      return null;
    }
    String field = spec.fraction() != null ? "out_of_sample.fraction" : "out_of_sample.from";
    int split;
    try {
      split =
          spec.fraction() != null
              ? OutOfSample.splitByFraction(times.length, spec.fraction())
              : OutOfSample.splitByTime(
                  times,
                  spec.from()
                      .atStartOfDay(ZoneId.of(run.settings().timeZone()))
                      .toInstant()
                      .toEpochMilli());
    } catch (IllegalArgumentException e) {
      errors.put(field, e.getMessage() + " (the range has " + times.length + " bars)");
      return null;
    }
    // CSCV cuts the ranked part's returns (one fewer than its bars) into S blocks.
    if (split - 1 < partitions) {
      errors.put(
          "cscv_partitions",
          "the ranked part has "
              + split
              + " bars; "
              + partitions
              + " blocks need at least "
              + (partitions + 1)
              + ": hold out less or take fewer partitions");
      return null;
    }
    return new OptimizationRobustness.Split(
        spec.fraction(),
        spec.from(),
        Instant.ofEpochMilli(times[split]),
        split,
        times.length - split);
  }

  private long[] times(ResolvedRun run) {
    if (run.isPortfolio()) {
      PortfolioBars bars =
          PortfolioSweep.load(
              marketData,
              runPrices,
              run.settings().prices(),
              run.portfolio(),
              run.interval(),
              run.startDate(),
              run.endDate(),
              limits.memoryBytes());
      return PortfolioSweep.times(bars);
    }
    return marketData
        .loadDays(run.symbol().seriesKey(), run.interval(), run.startDate(), run.endDate())
        .times();
  }
}
