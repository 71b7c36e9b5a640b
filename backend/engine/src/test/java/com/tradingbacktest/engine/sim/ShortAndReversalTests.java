package com.tradingbacktest.engine.sim;

import static com.tradingbacktest.engine.sim.Bars.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.series.BarSeries;
import org.junit.jupiter.api.Test;

class ShortAndReversalTests {

  private static final BarSeries BARS = Bars.flat(100, 100, 90, 80, 85, 100);

  @Test
  void aShortProfitsFromAFall() {
    Signals signals = Signals.builder(6).shortEntry(at(6, 0)).shortExit(at(6, 2)).build();

    Simulation sim =
        Simulator.run(
            BARS, signals, BacktestConfig.builder().initialCapital(1000).allowShort(true).build());

    // Short 10 at 100 (bar 1), cover at 80 (bar 3): +200. Equity at bar 2 = cash 2000 - 10 x 90 =
    // 1100.
    assertThat(sim.equity()).containsExactly(1000, 1000, 1100, 1200, 1200, 1200);
    Trade trade = sim.trades().get(0);
    assertThat(trade.side()).isEqualTo(Side.SHORT);
    assertThat(trade.pnl()).isEqualTo(200);
    assertThat(trade.returnPct()).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void anOppositeEntryReversesThePosition() {
    Signals signals = Signals.builder(6).longEntry(at(6, 0, 3)).shortEntry(at(6, 1)).build();

    Simulation sim =
        Simulator.run(
            BARS, signals, BacktestConfig.builder().initialCapital(1000).allowShort(true).build());

    // Long 10 at 100 (bar 1); short signal at bar 1 -> at bar 2's open (90): sell 10, then short
    // 1000 - 100 = 900 / 90 = 10; long signal at bar 3 -> at bar 4's open (85): cover, buy again.
    assertThat(sim.fills()).extracting(Fill::barIndex).containsExactly(1, 2, 2, 4, 4);
    assertThat(sim.trades())
        .extracting(Trade::exitReason)
        .containsExactly(ExitReason.REVERSAL, ExitReason.REVERSAL);
    assertThat(sim.trades().get(0).pnl()).isEqualTo(-100);
    assertThat(sim.trades().get(1).pnl()).isEqualTo(50);
    assertThat(sim.position()[4]).isPositive();
  }

  @Test
  void withoutShortsAShortEntryOnlyClosesTheLong() {
    Signals signals = Signals.builder(6).longEntry(at(6, 0)).shortEntry(at(6, 1)).build();

    Simulation sim =
        Simulator.run(BARS, signals, BacktestConfig.builder().initialCapital(1000).build());

    assertThat(sim.fills()).hasSize(2);
    assertThat(sim.position()[5]).isZero();
    assertThat(sim.trades().get(0).exitReason()).isEqualTo(ExitReason.SIGNAL);
  }

  @Test
  void contradictorySignalsOnOneBarDoNothing() {
    Signals signals = Signals.builder(6).longEntry(at(6, 0)).shortEntry(at(6, 0)).build();

    Simulation sim =
        Simulator.run(BARS, signals, BacktestConfig.builder().allowShort(true).build());

    assertThat(sim.fills()).isEmpty();
  }
}
