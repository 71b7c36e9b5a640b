package com.tradingbacktest.app.backtest.walkforward;

import java.time.Instant;

/**
 * One row of {@code walk_forward_windows}: bar indices (half-open) into the bars the walk-forward
 * was planned on, the parts' first and last bar times, and, once the finish step ran, the chosen
 * combination (null when none was feasible) and its runs; JSON columns as text.
 */
record WindowRow(
    int number,
    int trainFrom,
    int trainTo,
    int testFrom,
    int testTo,
    Instant trainStart,
    Instant trainEnd,
    Instant testStart,
    Instant testEnd,
    String status,
    Long combination,
    String parameters,
    Double inSampleScore,
    String inSampleMetrics,
    String outOfSampleMetrics,
    Double startEquity,
    Double endEquity,
    Integer tradeCount) {

  /** A window as planned, before any of its slices ran. */
  static WindowRow planned(
      int number,
      int trainFrom,
      int trainTo,
      int testFrom,
      int testTo,
      Instant trainStart,
      Instant trainEnd,
      Instant testStart,
      Instant testEnd) {
    return new WindowRow(
        number,
        trainFrom,
        trainTo,
        testFrom,
        testTo,
        trainStart,
        trainEnd,
        testStart,
        testEnd,
        "queued",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
