package com.tradingbacktest.engine.sim;

import static com.tradingbacktest.engine.sim.Bars.at;
import static com.tradingbacktest.engine.sim.Bars.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.series.BarSeries;
import org.junit.jupiter.api.Test;

/**
 * Stop-loss, take-profit and trailing stop attached to a position; gaps; both touched in one bar.
 */
class ProtectiveExitTests {

  private static final BacktestConfig ONE_THOUSAND =
      BacktestConfig.builder().initialCapital(1000).build();

  @Test
  void stopLossExitsAtItsLevelInsideTheBar() {
    BarSeries bars = Bars.of(row(100, 100, 100, 100), row(100, 101, 97, 98), row(98, 99, 94, 96));
    Signals signals = Signals.builder(3).longEntry(at(3, 0)).stopLoss(0.05).build();

    Simulation sim = Simulator.run(bars, signals, ONE_THOUSAND);

    // Entry 10 units at 100 (bar 1); stop at 95; bar 2's low 94 touches it: exit at 95.
    Trade trade = sim.trades().get(0);
    assertThat(trade.exitIndex()).isEqualTo(2);
    assertThat(trade.exitPrice()).isEqualTo(95);
    assertThat(trade.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
    assertThat(trade.pnl()).isEqualTo(-50);
    assertThat(sim.finalEquity()).isEqualTo(950);
  }

  @Test
  void aGapThroughTheStopFillsAtTheOpen() {
    BarSeries bars = Bars.of(row(100, 100, 100, 100), row(100, 101, 99, 100), row(90, 92, 88, 91));
    Signals signals = Signals.builder(3).longEntry(at(3, 0)).stopLoss(0.05).build();

    Simulation sim = Simulator.run(bars, signals, ONE_THOUSAND);

    assertThat(sim.trades().get(0).exitPrice()).isEqualTo(90); // opened below the 95 stop
    assertThat(sim.finalEquity()).isEqualTo(900);
  }

  @Test
  void stopLossWorksFromTheEntryBarWhenFilledAtTheOpen() {
    BarSeries bars = Bars.of(row(100, 100, 100, 100), row(100, 101, 94, 99));
    Signals signals = Signals.builder(2).longEntry(at(2, 0)).stopLoss(0.05).build();

    Simulation sim = Simulator.run(bars, signals, ONE_THOUSAND);

    assertThat(sim.trades()).hasSize(1);
    assertThat(sim.trades().get(0).exitIndex()).isEqualTo(1);
    assertThat(sim.trades().get(0).exitPrice()).isEqualTo(95);
  }

  @Test
  void takeProfitExitsAtItsLevelOrAtABetterOpen() {
    BarSeries inside =
        Bars.of(row(100, 100, 100, 100), row(100, 101, 99, 100), row(101, 111, 100, 105));
    BarSeries gap =
        Bars.of(row(100, 100, 100, 100), row(100, 101, 99, 100), row(115, 116, 113, 114));
    Signals signals = Signals.builder(3).longEntry(at(3, 0)).takeProfit(0.10).build();

    Trade atLevel = Simulator.run(inside, signals, ONE_THOUSAND).trades().get(0);
    Trade atOpen = Simulator.run(gap, signals, ONE_THOUSAND).trades().get(0);

    assertThat(atLevel.exitPrice()).isCloseTo(110, within(1e-9));
    assertThat(atLevel.exitReason()).isEqualTo(ExitReason.TAKE_PROFIT);
    assertThat(atOpen.exitPrice()).isEqualTo(115);
  }

  @Test
  void aBarTouchingBothStopAndTargetIsAssumedToHitTheStopFirst() {
    BarSeries bars =
        Bars.of(row(100, 100, 100, 100), row(100, 101, 99, 100), row(100, 112, 93, 105));
    Signals signals =
        Signals.builder(3).longEntry(at(3, 0)).stopLoss(0.05).takeProfit(0.10).build();

    Trade trade = Simulator.run(bars, signals, ONE_THOUSAND).trades().get(0);

    assertThat(trade.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
    assertThat(trade.exitPrice()).isEqualTo(95);
  }

  @Test
  void trailingStopFollowsTheHighestHighUpToThePreviousBar() {
    BarSeries bars =
        Bars.of(
            row(100, 100, 100, 100),
            row(100, 110, 99, 108), // entry at 100; peak becomes 110 after this bar
            row(108, 120, 105, 118), // trail level 110 x 0.9 = 99: low 105 is above; peak -> 120
            row(118, 119, 107, 110)); // trail level 120 x 0.9 = 108: low 107 touches: exit at 108
    Signals signals = Signals.builder(4).longEntry(at(4, 0)).trailingStop(0.10).build();

    Trade trade = Simulator.run(bars, signals, ONE_THOUSAND).trades().get(0);

    assertThat(trade.exitIndex()).isEqualTo(3);
    assertThat(trade.exitPrice()).isCloseTo(108, within(1e-9));
    assertThat(trade.exitReason()).isEqualTo(ExitReason.TRAILING_STOP);
    // MFE: best high 120 over entry 100 = +20%; MAE: worst low 99 = -1%.
    assertThat(trade.mfe()).isCloseTo(0.20, within(1e-12));
    assertThat(trade.mae()).isCloseTo(-0.01, within(1e-12));
  }

  @Test
  void shortStopLossIsAboveTheEntry() {
    BarSeries bars =
        Bars.of(row(100, 100, 100, 100), row(100, 101, 99, 100), row(101, 106, 100, 104));
    Signals signals = Signals.builder(3).shortEntry(at(3, 0)).stopLoss(0.05).build();

    Simulation sim =
        Simulator.run(bars, signals, ONE_THOUSAND.toBuilder().allowShort(true).build());

    // Short 10 at 100; stop at 105 touched by high 106: buy back at 105, loss 50.
    Trade trade = sim.trades().get(0);
    assertThat(trade.side()).isEqualTo(Side.SHORT);
    assertThat(trade.exitPrice()).isCloseTo(105, within(1e-9));
    assertThat(trade.pnl()).isCloseTo(-50, within(1e-9));
    assertThat(sim.finalEquity()).isCloseTo(950, within(1e-9));
  }
}
