package com.tradingbacktest.engine.sim;

import static com.tradingbacktest.engine.sim.Bars.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.series.BarSeries;
import org.junit.jupiter.api.Test;

/** Stop, limit and stop-limit entry orders working during a bar. */
class EntryOrderTests {

  private static final BacktestConfig CONFIG =
      BacktestConfig.builder().initialCapital(1050).build();

  @Test
  void buyStopFillsAtItsLevelWhenTheBarReachesIt() {
    BarSeries bars = Bars.of(row(100, 106, 99, 104), row(104, 105, 103, 104));
    double[] stop = Bars.nan(2);
    stop[0] = 105;

    Simulation sim = Simulator.run(bars, Signals.builder(2).longEntryStop(stop).build(), CONFIG);

    // Bought in bar 0 at 105: 1050 / 105 = 10 units.
    assertThat(sim.fills()).hasSize(1);
    assertThat(sim.fills().get(0).barIndex()).isZero();
    assertThat(sim.fills().get(0).price()).isEqualTo(105);
    assertThat(sim.fills().get(0).quantity()).isEqualTo(10);
  }

  @Test
  void buyStopGappedOverFillsAtTheOpen() {
    assertThat(Simulator.entryFill(true, 105, Double.NaN, 107, 108, 106)).isEqualTo(107);
  }

  @Test
  void buyStopNotReachedDoesNotFill() {
    assertThat(Simulator.entryFill(true, 105, Double.NaN, 100, 104.9, 99)).isNaN();
  }

  @Test
  void buyLimitFillsAtTheLimitOrABetterOpen() {
    assertThat(Simulator.entryFill(true, Double.NaN, 98, 100, 101, 97)).isEqualTo(98);
    assertThat(Simulator.entryFill(true, Double.NaN, 98, 96, 99, 95)).isEqualTo(96);
    assertThat(Simulator.entryFill(true, Double.NaN, 98, 100, 101, 98.5)).isNaN();
  }

  @Test
  void buyStopLimitDoesNotChaseAGapAboveTheLimit() {
    assertThat(Simulator.entryFill(true, 105, 106, 100, 107, 99))
        .isEqualTo(105); // triggers at 105 <= 106
    assertThat(Simulator.entryFill(true, 105, 106, 107, 108, 106.5))
        .isNaN(); // opens at 107 > limit
  }

  @Test
  void sellStopAndSellLimitMirrorTheBuys() {
    assertThat(Simulator.entryFill(false, 95, Double.NaN, 100, 101, 94)).isEqualTo(95);
    assertThat(Simulator.entryFill(false, 95, Double.NaN, 93, 94, 92)).isEqualTo(93);
    assertThat(Simulator.entryFill(false, Double.NaN, 102, 100, 103, 99)).isEqualTo(102);
    assertThat(Simulator.entryFill(false, Double.NaN, 102, 104, 105, 103)).isEqualTo(104);
  }

  @Test
  void volatilityBreakoutBuysInsideTheBarAndItsStopWorksFromTheNextBar() {
    // Level for bar 1 = open 100 + 0.5 x (bar 0's high - low = 10) = 105.
    BarSeries bars =
        Bars.of(row(100, 105, 95, 100), row(100, 107, 90, 106), row(106, 107, 99, 100));
    double[] stop = Bars.nan(3);
    stop[1] = 100 + 0.5 * (105 - 95);
    Signals signals = Signals.builder(3).longEntryStop(stop).stopLoss(0.05).build();

    Simulation sim = Simulator.run(bars, signals, CONFIG);

    // Bar 1's low of 90 is not a stop-out: the order filled at 105 somewhere inside bar 1 and the
    // order of what followed is unknown. From bar 2 the stop at 105 x 0.95 = 99.75 works: low 99
    // hits it.
    Trade trade = sim.trades().get(0);
    assertThat(trade.entryIndex()).isEqualTo(1);
    assertThat(trade.exitIndex()).isEqualTo(2);
    assertThat(trade.exitPrice()).isEqualTo(105 * 0.95);
  }

  @Test
  void shortEntryOrdersNeedShortsAllowed() {
    BarSeries bars = Bars.of(row(100, 101, 94, 95), row(95, 96, 94, 95));
    double[] stop = Bars.nan(2);
    stop[0] = 95;

    Simulation longOnly =
        Simulator.run(bars, Signals.builder(2).shortEntryStop(stop).build(), CONFIG);
    Simulation withShorts =
        Simulator.run(
            bars,
            Signals.builder(2).shortEntryStop(stop).build(),
            CONFIG.toBuilder().allowShort(true).build());

    assertThat(longOnly.fills()).isEmpty();
    assertThat(withShorts.fills()).hasSize(1);
    assertThat(withShorts.fills().get(0).buy()).isFalse();
    assertThat(withShorts.position()[0]).isEqualTo(-11); // 1050 / 95 = 11.05 -> 11
  }
}
