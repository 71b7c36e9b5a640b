package com.tradingbacktest.engine.sim;

import static com.tradingbacktest.engine.sim.Bars.at;
import static com.tradingbacktest.engine.sim.Bars.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.series.BarSeries;
import org.junit.jupiter.api.Test;

class MarketOrderTests {

  private static final BarSeries BARS =
      Bars.of(
          row(10, 11, 9, 10), // 0: entry signal
          row(12, 13, 11, 12.5), // 1: fills at open 12
          row(13, 14, 12, 13), // 2: exit signal
          row(15, 16, 14, 15)); // 3: exit fills at open 15

  @Test
  void fillsAtTheNextOpenByDefault() {
    Signals signals = Signals.builder(4).longEntry(at(4, 0)).longExit(at(4, 2)).build();

    Simulation sim =
        Simulator.run(BARS, signals, BacktestConfig.builder().initialCapital(1000).build());

    // 1000 / 12 = 83.33 -> 83 whole units at 12 = 996, cash 4.
    assertThat(sim.fills()).hasSize(2);
    Fill buy = sim.fills().get(0);
    assertThat(buy.barIndex()).isEqualTo(1);
    assertThat(buy.price()).isEqualTo(12);
    assertThat(buy.quantity()).isEqualTo(83);
    assertThat(sim.fills().get(1).barIndex()).isEqualTo(3);
    assertThat(sim.fills().get(1).price()).isEqualTo(15);
    // Equity: bar 0 1000; bar 1 4 + 83 x 12.5 = 1041.5; bar 2 4 + 83 x 13 = 1083; bar 3 4 + 83 x 15
    // = 1249.
    assertThat(sim.equity()).containsExactly(1000, 1041.5, 1083, 1249);
    Trade trade = sim.trades().get(0);
    assertThat(trade.pnl()).isEqualTo(83 * 3.0);
    assertThat(trade.returnPct()).isCloseTo(0.25, within(1e-12));
    assertThat(trade.barsHeld()).isEqualTo(2);
    assertThat(trade.exitReason()).isEqualTo(ExitReason.SIGNAL);
  }

  @Test
  void fillsAtTheSignalBarsCloseInCloseMode() {
    Signals signals = Signals.builder(4).longEntry(at(4, 0)).longExit(at(4, 2)).build();

    Simulation sim =
        Simulator.run(
            BARS,
            signals,
            BacktestConfig.builder().initialCapital(1000).fillMode(FillMode.CLOSE).build());

    // Buys 100 at close 10 on bar 0, sells at close 13 on bar 2.
    assertThat(sim.fills().get(0).barIndex()).isZero();
    assertThat(sim.fills().get(0).quantity()).isEqualTo(100);
    assertThat(sim.fills().get(1).barIndex()).isEqualTo(2);
    assertThat(sim.trades().get(0).pnl()).isEqualTo(300);
    assertThat(sim.equity()).containsExactly(1000, 1250, 1300, 1300);
  }

  @Test
  void sizesLikeBacktestingPyWithTheCommissionIncluded() {
    BarSeries bars = Bars.of(row(100, 100, 100, 100), row(101, 102, 100, 101));
    Signals signals = Signals.builder(2).longEntry(at(2, 0)).build();

    Simulation sim =
        Simulator.run(
            bars,
            signals,
            BacktestConfig.builder()
                .initialCapital(10_000)
                .costs(CostModel.ofCommissionRate(0.002))
                .build());

    // floor(10000 / (101 x 1.002)) = floor(98.81) = 98; cost 98 x 101 = 9898 plus 0.2% = 19.796.
    Fill buy = sim.fills().get(0);
    assertThat(buy.quantity()).isEqualTo(98);
    assertThat(buy.commission()).isCloseTo(19.796, within(1e-9));
    assertThat(sim.equity()[1]).isCloseTo(10_000 - 19.796, within(1e-9));
  }

  @Test
  void ignoresASignalOnTheLastBarWhenThereIsNoNextOpen() {
    Signals signals = Signals.builder(4).longEntry(at(4, 3)).build();

    Simulation sim = Simulator.run(BARS, signals, BacktestConfig.defaults());

    assertThat(sim.fills()).isEmpty();
  }

  @Test
  void doesNotPyramidARepeatedEntrySignal() {
    Signals signals = Signals.builder(4).longEntry(at(4, 0, 1, 2)).build();

    Simulation sim =
        Simulator.run(BARS, signals, BacktestConfig.builder().initialCapital(1000).build());

    assertThat(sim.fills()).hasSize(1);
  }

  @Test
  void closesAtTheEndWhenAsked() {
    Signals signals = Signals.builder(4).longEntry(at(4, 0)).build();

    Simulation open =
        Simulator.run(BARS, signals, BacktestConfig.builder().initialCapital(1000).build());
    Simulation closed =
        Simulator.run(
            BARS, signals, BacktestConfig.builder().initialCapital(1000).closeAtEnd(true).build());

    assertThat(open.trades()).isEmpty();
    assertThat(open.openTrade().exitPrice()).isEqualTo(15);
    assertThat(open.openTrade().pnl()).isEqualTo(83 * 3.0);
    assertThat(closed.trades()).hasSize(1);
    assertThat(closed.trades().get(0).exitReason()).isEqualTo(ExitReason.END_OF_DATA);
    assertThat(closed.trades().get(0).exitIndex()).isEqualTo(3);
    assertThat(closed.finalEquity()).isEqualTo(open.finalEquity());
    assertThat(closed.position()[3]).isZero();
  }

  @Test
  void aStrategyThatNeverTradesKeepsItsCapital() {
    Simulation sim = Simulator.run(BARS, Signals.builder(4).build(), BacktestConfig.defaults());

    assertThat(sim.equity()).containsOnly(10_000);
    assertThat(sim.fills()).isEmpty();
  }
}
