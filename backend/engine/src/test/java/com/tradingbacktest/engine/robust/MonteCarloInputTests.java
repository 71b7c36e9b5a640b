package com.tradingbacktest.engine.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.Trade;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonteCarloInputTests {

  @Test
  void takesTradeAndBarReturnsFromARealRun() {
    // Closes 10 .. 15 and back; two round trips, flat in between. Entries at bars 0 and 6, exits at
    // bars 3 and 9 (filled at the next open).
    BarSeries bars = Walks.closes(10, 11, 12, 13, 12, 11, 10, 12, 14, 13, 12, 11);
    boolean[] entries = new boolean[12];
    boolean[] exits = new boolean[12];
    entries[0] = true;
    exits[3] = true;
    entries[6] = true;
    exits[9] = true;
    BacktestResult run = Walks.run(bars, entries, exits);
    double[] equity = run.simulation().equity();
    List<Trade> trades = run.simulation().trades();
    PerformanceMetrics metrics = run.metrics();

    MonteCarloInput input = MonteCarloInput.of(10_000, equity, bars.times(), trades);

    assertThat(trades).hasSize(2);
    assertThat(input.tradeReturns()).hasSize(2);
    for (int k = 0; k < 2; k++) {
      Trade t = trades.get(k);
      assertThat(input.tradeReturns()[k])
          .isCloseTo(t.pnl() / (equity[t.exitIndex()] - t.pnl()), within(1e-15));
    }
    // Flat between trades: compounding the trade returns from the capital gives the final equity.
    double compounded = 10_000;
    for (double r : input.tradeReturns()) {
      compounded *= 1 + r;
    }
    assertThat(compounded).isCloseTo(metrics.finalEquity(), within(1e-6));
    assertThat(input.barReturns()).hasSize(11);
    assertThat(input.barReturns()[4]).isCloseTo(equity[5] / equity[4] - 1, within(1e-15));
    assertThat(input.years()).isCloseTo(11 / 365.25, within(1e-12));
    // The original outcome is the run's own, as its metrics report it.
    assertThat(input.original().finalEquity()).isEqualTo(metrics.finalEquity());
    assertThat(input.original().maxDrawdown()).isCloseTo(metrics.maxDrawdown(), within(1e-12));
    assertThat(input.original().cagr()).isCloseTo(metrics.cagr(), within(1e-9));
    assertThat((double) input.original().longestDrawdown())
        .isEqualTo(metrics.maxDrawdownDurationBars());
  }

  @Test
  void countsAPositionStillOpenAtTheEndAsOneMoreTrade() {
    // One round trip (entry signal at bar 0, exit at bar 3), then an entry at bar 6 that the data
    // ends before closing: the run's final equity holds that position marked at the last close.
    BarSeries bars = Walks.closes(10, 11, 12, 13, 12, 11, 10, 12, 14, 13, 15, 16);
    boolean[] entries = new boolean[12];
    boolean[] exits = new boolean[12];
    entries[0] = true;
    exits[3] = true;
    entries[6] = true;
    BacktestResult run = Walks.run(bars, entries, exits);
    double[] equity = run.simulation().equity();
    List<Trade> trades = run.simulation().trades();
    int lastExit = trades.get(trades.size() - 1).exitIndex();

    MonteCarloInput input = MonteCarloInput.of(10_000, equity, bars.times(), trades);

    assertThat(trades).hasSize(1);
    assertThat(input.tradeReturns()).hasSize(2);
    assertThat(input.tradeReturns()[1])
        .isCloseTo(equity[equity.length - 1] / equity[lastExit] - 1, within(1e-15));
    double compounded = 10_000;
    for (double r : input.tradeReturns()) {
      compounded *= 1 + r;
    }
    assertThat(compounded).isCloseTo(run.metrics().finalEquity(), within(1e-6));
  }

  @Test
  void putsTradesInExitOrderAndSkipsThoseWithoutABase() {
    double[] equity = {100, 100, 110, 110, 0, 0};
    long[] times = {0, 1, 2, 3, 4, 5};
    Trade second = trade(4, -110); // the account went to 0 on it: base 110
    Trade first = trade(2, 10); // base 100
    Trade after = trade(5, 5); // after the account was gone: base -5, left out

    MonteCarloInput input = MonteCarloInput.of(100, equity, times, List.of(second, after, first));

    assertThat(input.tradeReturns()).containsExactly(0.1, -1.0);
    assertThat(input.barReturns()).containsExactly(new double[] {0, 0.1, 0, -1, 0}, within(1e-15));
  }

  @Test
  void findsAPortfolioTradesExitBarByTimeAndUsesItsBaseCurrencyPnl() {
    // Calendar times 0, 10, 20, 30. One trade exits at time 20 (bar 2), one at time 25 (the bar at
    // or before it: 2 as well). P&L in base: 10 and -20; their own currency's P&L is ignored.
    double[] equity = {100, 100, 110, 90};
    long[] times = {0, 10, 20, 30};
    List<com.tradingbacktest.engine.portfolio.PortfolioTrade> trades =
        List.of(
            new com.tradingbacktest.engine.portfolio.PortfolioTrade("A", 0, trade(1, 999, 20), 10),
            new com.tradingbacktest.engine.portfolio.PortfolioTrade(
                "B", 1, trade(0, 999, 25), -20));

    MonteCarloInput input = MonteCarloInput.ofPortfolio(100, equity, times, trades);

    // 10 / (110 - 10) and -20 / (110 + 20), then the fall to 90 after the last exit.
    assertThat(input.tradeReturns())
        .containsExactly(new double[] {0.1, -20.0 / 130, 90.0 / 110 - 1}, within(1e-15));
  }

  @Test
  void rejectsMismatchedArrays() {
    assertThatThrownBy(
            () -> MonteCarloInput.of(100, new double[] {1, 2}, new long[] {1}, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 equity values for 1 bars");
    assertThatThrownBy(() -> MonteCarloInput.of(0, new double[] {1}, new long[] {1}, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parsesMethodNames() {
    assertThat(MonteCarloMethod.parse(" Block_Bootstrap "))
        .isEqualTo(MonteCarloMethod.BLOCK_BOOTSTRAP);
    assertThat(MonteCarloMethod.parse("shuffle")).isEqualTo(MonteCarloMethod.SHUFFLE);
    assertThatThrownBy(() -> MonteCarloMethod.parse("jackknife"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown Monte Carlo method 'jackknife'; use one of shuffle, bootstrap,"
                + " block_bootstrap");
  }

  private static Trade trade(int exitIndex, double pnl) {
    return trade(exitIndex, pnl, exitIndex);
  }

  private static Trade trade(int exitIndex, double pnl, long exitTime) {
    return new Trade(
        com.tradingbacktest.engine.sim.Side.LONG,
        1,
        0,
        0,
        1,
        exitIndex,
        exitTime,
        1,
        pnl,
        0,
        0,
        0,
        0,
        com.tradingbacktest.engine.sim.ExitReason.SIGNAL,
        0,
        0);
  }
}
