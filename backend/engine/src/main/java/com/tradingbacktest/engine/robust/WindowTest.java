package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.sim.Trade;
import java.util.List;

/**
 * One combination traded on one test part.
 *
 * @param times the test part's bar times
 * @param equity the equity at each of them, starting from the capital carried in
 * @param trades the round trips closed in the part (an open position is closed at its last close);
 *     bar indices count from the part's first bar
 * @param metrics the part's metrics, as a run over exactly these bars would report them
 */
public record WindowTest(
    long[] times, double[] equity, List<Trade> trades, PerformanceMetrics metrics) {

  public double startEquity() {
    return equity.length == 0 ? Double.NaN : equity[0];
  }

  public double endEquity() {
    return equity.length == 0 ? Double.NaN : equity[equity.length - 1];
  }
}
