package com.tradingbacktest.engine.series;

import java.util.List;
import java.util.stream.Collectors;

/** Bars that break the OHLC rules or the time order; carries every problem found. */
public final class InvalidBarSeriesException extends IllegalArgumentException {

  private final transient List<BarSeries.BarProblem> problems;

  InvalidBarSeriesException(String symbol, List<BarSeries.BarProblem> problems) {
    super(
        problems.size()
            + (problems.size() >= BarSeries.MAX_PROBLEMS ? "+" : "")
            + " invalid bar(s) in "
            + symbol
            + ": "
            + problems.stream().limit(5).map(Object::toString).collect(Collectors.joining("; "))
            + (problems.size() > 5 ? "; ..." : ""));
    this.problems = List.copyOf(problems);
  }

  public List<BarSeries.BarProblem> problems() {
    return problems;
  }
}
