package com.tradingbacktest.engine.sim;

import static com.tradingbacktest.engine.sim.Bars.at;
import static com.tradingbacktest.engine.sim.Bars.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.series.BarSeries;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pyramiding and partial exits, computed by hand (docs/ENGINE.md, "Pyramiding and partial exits"):
 * lots added up to the limit, closed first in, first out, one trade per lot part with its own entry
 * and its share of the costs.
 */
class PyramidingTests {

  private static final double E = 1e-9;

  /** Flat prices: entries on bars 0-3 (the 4th over the limit), scale-outs on 4 and 5, exit 6. */
  private static final double[] PRICES = {10, 10, 12, 14, 15, 16, 18, 20};

  private static Signals threeLotsSignals(int n) {
    double[] size = column(n, Double.NaN);
    size[0] = 10;
    size[1] = 20;
    size[2] = 30;
    size[3] = 5;
    double[] fraction = column(n, Double.NaN);
    if (n > 4) {
      fraction[4] = 0.25;
    }
    if (n > 5) {
      fraction[5] = 0.5;
    }
    boolean[] exit = new boolean[n];
    if (n > 6) {
      exit[6] = true;
    }
    return Signals.builder(n)
        .longEntry(at(n, 0, 1, 2, 3))
        .longExit(exit)
        .size(size)
        .exitFraction(fraction)
        .build();
  }

  private static BacktestConfig pyramiding(int n) {
    return BacktestConfig.builder()
        .initialCapital(10_000)
        .costs(CostModel.ofCommissionRate(0.001))
        .pyramiding(n)
        .build();
  }

  @Test
  void threeLotsCloseFirstInFirstOutInTwoScaleOutsAndAnExit() {
    Simulation sim =
        Backtest.run(Bars.flat(PRICES), threeLotsSignals(8), pyramiding(3)).simulation();

    // Lots: A 10 @ 10 (bar 1), B 20 @ 12 (bar 2), C 30 @ 14 (bar 3); bar 3's entry is the 4th and
    // is ignored. Entry commissions 0.1% of the value: A 0.1, B 0.24, C 0.42.
    assertThat(sim.fills())
        .extracting(Fill::barIndex, Fill::buy, Fill::price, Fill::quantity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, true, 10.0, 10.0),
            org.assertj.core.groups.Tuple.tuple(2, true, 12.0, 20.0),
            org.assertj.core.groups.Tuple.tuple(3, true, 14.0, 30.0),
            // 25% of 60 = 15 at 16; 50% of 45 = 22.5, rounded down to 22, at 18; the last 23 at 20.
            org.assertj.core.groups.Tuple.tuple(5, false, 16.0, 15.0),
            org.assertj.core.groups.Tuple.tuple(6, false, 18.0, 22.0),
            org.assertj.core.groups.Tuple.tuple(7, false, 20.0, 23.0));
    assertThat(sim.position()).containsExactly(0, 10, 30, 60, 60, 45, 23, 0);

    List<Trade> trades = sim.trades();
    assertThat(trades).hasSize(5);
    // Scale-out 1 (commission 0.24): all of A (10 of 15 units: 0.16 of it), 5 of B (0.08).
    assertTrade(trades.get(0), 1, 10, 5, 16, 10, 0.1 + 0.16);
    assertThat(trades.get(0).pnl()).isCloseTo(60 - 0.26, within(E));
    // B's 5 of 20 units carry 5/20 of its 0.24 entry commission: 0.06.
    assertTrade(trades.get(1), 2, 12, 5, 16, 5, 0.06 + 0.08);
    assertThat(trades.get(1).pnl()).isCloseTo(20 - 0.14, within(E));
    // Scale-out 2 (commission 0.396): the rest of B (15 of 22 units: 0.27), 7 of C (0.126).
    assertTrade(trades.get(2), 2, 12, 6, 18, 15, 0.18 + 0.27);
    assertThat(trades.get(2).pnl()).isCloseTo(90 - 0.45, within(E));
    assertTrade(trades.get(3), 3, 14, 6, 18, 7, 0.098 + 0.126);
    assertThat(trades.get(3).pnl()).isCloseTo(28 - 0.224, within(E));
    // The exit (commission 0.46): the last 23 of C with the rest of its entry costs, 0.322.
    assertTrade(trades.get(4), 3, 14, 7, 20, 23, 0.322 + 0.46);
    assertThat(trades.get(4).pnl()).isCloseTo(138 - 0.782, within(E));
    assertThat(trades).allMatch(t -> t.exitReason() == ExitReason.SIGNAL);
    assertThat(trades.get(1).returnPct()).isCloseTo((20 - 0.14) / 60, within(E));

    // Every trade part adds up to the account: 10,000 + 336 price gain - 1.856 commissions.
    double pnl = trades.stream().mapToDouble(Trade::pnl).sum();
    assertThat(pnl).isCloseTo(334.144, within(E));
    assertThat(sim.finalEquity()).isCloseTo(10_334.144, within(E));
    assertThat(sim.commissions()).isCloseTo(1.856, within(E));
    assertThat(trades.stream().mapToDouble(Trade::costs).sum()).isCloseTo(1.856, within(E));
    // Bar 3's close: cash 10,000 - 100.1 - 240.24 - 420.42, and 60 units at 14.
    assertThat(sim.equity()[3]).isCloseTo(9_239.24 + 840, within(E));
  }

  @Test
  void theOpenPositionKeepsTheAveragePriceOfItsLots() {
    // The same run cut after the first scale-out: B's 15 and C's 30 remain.
    Signals signals = threeLotsSignals(6);
    Simulation sim =
        Backtest.run(Bars.flat(Arrays.copyOf(PRICES, 6)), signals, pyramiding(3)).simulation();

    Trade open = sim.openTrade();
    assertThat(open.quantity()).isEqualTo(45);
    assertThat(open.entryIndex()).isEqualTo(2); // the oldest open lot's entry
    assertThat(open.entryPrice()).isCloseTo((12 * 15 + 14 * 30) / 45.0, within(E));
    // Entry costs not yet closed (0.18 + 0.42) and the exit's at the last close (45 x 16 x 0.1%).
    assertThat(open.costs()).isCloseTo(0.6 + 0.72, within(E));

    // Cut after the third lot: all three, at (100 + 240 + 420) / 60.
    Trade three =
        Backtest.run(Bars.flat(Arrays.copyOf(PRICES, 4)), threeLotsSignals(4), pyramiding(3))
            .simulation()
            .openTrade();
    assertThat(three.quantity()).isEqualTo(60);
    assertThat(three.entryIndex()).isEqualTo(1);
    assertThat(three.entryPrice()).isCloseTo(760 / 60.0, within(E));
  }

  @Test
  void aFourthEntryIsIgnoredAtALimitOfThreeUntilALotCloses() {
    int n = 8;
    double[] fraction = column(n, Double.NaN);
    fraction[4] = 1.0 / 3; // one of three units: the oldest lot
    Signals signals =
        Signals.builder(n)
            .longEntry(at(n, 0, 1, 2, 3, 5))
            .size(column(n, 1))
            .exitFraction(fraction)
            .build();

    Simulation sim =
        Backtest.run(Bars.flat(10, 11, 12, 13, 14, 15, 16, 17), signals, pyramiding(3))
            .simulation();

    // Entries of bars 0-2 fill on 1-3; bar 3's is the 4th and is dropped; the scale-out of bar 4
    // sells the lot of bar 1 on bar 5, which frees room for bar 5's entry on bar 6.
    assertThat(sim.position()).containsExactly(0, 1, 2, 3, 3, 2, 3, 3);
    assertThat(sim.fills()).extracting(Fill::barIndex).containsExactly(1, 2, 3, 5, 6);
    assertThat(sim.trades()).hasSize(1);
    assertThat(sim.trades().get(0).entryIndex()).isEqualTo(1);
    assertThat(sim.trades().get(0).entryPrice()).isEqualTo(11);
    assertThat(sim.trades().get(0).exitPrice()).isEqualTo(15);
    assertThat(sim.rejectedOrders()).isZero();
  }

  @Test
  void aReversalClosesEveryLotAndOpensTheOtherSide() {
    int n = 5;
    Signals signals =
        Signals.builder(n).longEntry(at(n, 0, 1)).shortEntry(at(n, 2)).size(column(n, 10)).build();
    BacktestConfig config = pyramiding(2).toBuilder().allowShort(true).build();

    Simulation sim = Backtest.run(Bars.flat(10, 10, 20, 15, 15), signals, config).simulation();

    // Lots 10 @ 10 and 10 @ 20 (commissions 0.1 and 0.2); the short signal of bar 2 sells both at
    // bar 3's open 15 (commission 0.3, half each), then sells 10 short.
    List<Trade> trades = sim.trades();
    assertThat(trades).hasSize(2);
    assertThat(trades).allMatch(t -> t.exitReason() == ExitReason.REVERSAL);
    assertTrade(trades.get(0), 1, 10, 3, 15, 10, 0.1 + 0.15);
    assertThat(trades.get(0).pnl()).isCloseTo(50 - 0.25, within(E));
    assertTrade(trades.get(1), 2, 20, 3, 15, 10, 0.2 + 0.15);
    assertThat(trades.get(1).pnl()).isCloseTo(-50 - 0.35, within(E));
    assertThat(sim.position()).containsExactly(0, 10, 20, -10, -10);
    assertThat(sim.fills().get(2).quantity()).isEqualTo(20);
    assertThat(sim.openTrade().side()).isEqualTo(Side.SHORT);
  }

  @Test
  void shortLotsScaleOutOldestFirst() {
    int n = 5;
    double[] fraction = column(n, Double.NaN);
    fraction[2] = 0.5;
    Signals signals =
        Signals.builder(n)
            .shortEntry(at(n, 0, 1))
            .size(column(n, 10))
            .exitFraction(fraction)
            .build();
    BacktestConfig config =
        BacktestConfig.builder().initialCapital(10_000).allowShort(true).pyramiding(2).build();

    Simulation sim = Backtest.run(Bars.flat(10, 20, 18, 12, 12), signals, config).simulation();

    // Short 10 @ 20 (bar 1), 10 @ 18 (bar 2); half of 20 bought back at 12 is the lot of bar 1.
    assertThat(sim.position()).containsExactly(0, -10, -20, -10, -10);
    assertThat(sim.trades()).hasSize(1);
    assertTrade(sim.trades().get(0), 1, 20, 3, 12, 10, 0);
    assertThat(sim.trades().get(0).side()).isEqualTo(Side.SHORT);
    assertThat(sim.trades().get(0).pnl()).isEqualTo(80);
    assertThat(sim.openTrade().entryPrice()).isEqualTo(18);
  }

  @Test
  void protectiveExitsOfAPyramidAreReArmedFromTheAveragePrice() {
    int n = 5;
    Signals signals =
        Signals.builder(n).longEntry(at(n, 0, 1)).size(column(n, 10)).stopLoss(0.1).build();
    BarSeries bars =
        Bars.of(
            row(10, 10, 10, 10),
            row(10, 10, 10, 10), // A: 10 @ 10, stop 9
            row(14, 14, 14, 14), // B: 10 @ 14, average 12, stop 10.8
            row(12, 12, 10.5, 11), // the low 10.5 crosses 10.8: both lots stop out at 10.8
            row(11, 11, 11, 11));

    Simulation sim =
        Backtest.run(bars, signals, pyramiding(2).toBuilder().costs(CostModel.none()).build())
            .simulation();

    assertThat(sim.trades()).hasSize(2);
    assertThat(sim.trades()).allMatch(t -> t.exitReason() == ExitReason.STOP_LOSS);
    assertThat(sim.trades()).extracting(Trade::exitPrice).containsOnly(10.8);
    assertThat(sim.trades().get(0).pnl()).isCloseTo(8, within(E));
    assertThat(sim.trades().get(1).pnl()).isCloseTo(-32, within(E));
    // Each lot's own excursions: B from 14 down to the stop's 10.8 (a stop's bar counts from its
    // open to the exit, as for a single entry), A from 10 up to 14 (+40%).
    assertThat(sim.trades().get(1).mae()).isCloseTo(10.8 / 14 - 1, within(E));
    assertThat(sim.trades().get(0).mfe()).isCloseTo(0.4, within(E));
  }

  @Test
  void aLotAddedAtTheCloseDoesNotLiveThroughItsOwnBar() {
    int n = 4;
    Signals signals =
        Signals.builder(n).longEntry(at(n, 0, 1)).longExit(at(n, 2)).size(column(n, 1)).build();
    BarSeries bars =
        Bars.of(
            row(10, 10, 10, 10), // A at this close
            row(10, 10, 5, 10), // B at this close: A lives through the low of 5, B does not
            row(10, 12, 10, 10), // both live through the high of 12; exit at this close
            row(10, 10, 10, 10));
    BacktestConfig config = pyramiding(2).toBuilder().fillMode(FillMode.CLOSE).build();

    Simulation sim = Backtest.run(bars, signals, config).simulation();

    assertThat(sim.trades()).hasSize(2);
    assertThat(sim.trades().get(0).mae()).isCloseTo(-0.5, within(E));
    assertThat(sim.trades().get(1).mae()).isZero();
    assertThat(sim.trades().get(1).mfe()).isCloseTo(0.2, within(E));
  }

  @Test
  void addingNeverBorrows() {
    // All in: the first lot takes the cash, so the second entry cannot add and is counted rejected.
    int n = 4;
    Signals signals = Signals.builder(n).longEntry(at(n, 0, 1)).build();

    Simulation sim =
        Backtest.run(
                Bars.flat(10, 10, 10, 10),
                signals,
                BacktestConfig.builder().initialCapital(1000).pyramiding(2).build())
            .simulation();

    assertThat(sim.position()).containsExactly(0, 100, 100, 100);
    assertThat(sim.rejectedOrders()).isEqualTo(1);
  }

  @Test
  void anExitSignalOutranksAScaleOutWhichOutranksAnAdd() {
    int n = 6;
    double[] fraction = column(n, Double.NaN);
    fraction[2] = 0.5; // with an entry on the same bar: the scale-out acts
    fraction[4] = 0.5; // with an exit on the same bar: the exit acts
    Signals signals =
        Signals.builder(n)
            .longEntry(at(n, 0, 1, 2))
            .longExit(at(n, 4))
            .size(column(n, 2))
            .exitFraction(fraction)
            .build();

    Simulation sim =
        Backtest.run(Bars.flat(10, 10, 10, 10, 10, 10), signals, pyramiding(3)).simulation();

    assertThat(sim.position()).containsExactly(0, 2, 4, 2, 2, 0);
  }

  @Test
  void atTheCloseLotsAreAddedAndScaledOutOnTheSignalBar() {
    int n = 4;
    double[] fraction = column(n, Double.NaN);
    fraction[2] = 0.75;
    Signals signals =
        Signals.builder(n)
            .longEntry(at(n, 0, 1))
            .size(column(n, 10))
            .exitFraction(fraction)
            .build();
    BacktestConfig config =
        pyramiding(2).toBuilder().fillMode(FillMode.CLOSE).costs(CostModel.none()).build();

    Simulation sim = Backtest.run(Bars.flat(10, 12, 14, 16), signals, config).simulation();

    // 10 @ 10 and 10 @ 12 at their closes; 75% of 20 = 15 sold at bar 2's close 14: all of the
    // first lot (+40) and 5 of the second (+10); 5 @ 12 stay open.
    assertThat(sim.position()).containsExactly(10, 20, 5, 5);
    assertThat(sim.trades()).extracting(Trade::quantity).containsExactly(10.0, 5.0);
    assertThat(sim.trades()).extracting(Trade::pnl).containsExactly(40.0, 10.0);
    assertThat(sim.trades()).extracting(Trade::exitIndex).containsOnly(2);
    assertThat(sim.openTrade().entryPrice()).isEqualTo(12);
    assertThat(sim.openTrade().quantity()).isEqualTo(5);
    assertThat(sim.finalEquity()).isEqualTo(10_000 + 40 + 10 + 5 * 4);
  }

  @Test
  void aShortAddNeverTakesMoreThanTheEquity() {
    // All in short: 100 units at 10 from 1,000 of capital leave 2,000 of cash but no free equity,
    // so the second short entry cannot add and is counted rejected.
    int n = 4;
    Signals signals = Signals.builder(n).shortEntry(at(n, 0, 1)).build();
    BacktestConfig config =
        BacktestConfig.builder().initialCapital(1000).allowShort(true).pyramiding(2).build();

    Simulation sim = Backtest.run(Bars.flat(10, 10, 10, 10), signals, config).simulation();

    assertThat(sim.position()).containsExactly(0, -100, -100, -100);
    assertThat(sim.rejectedOrders()).isEqualTo(1);
  }

  @Test
  void aScaleOutTooSmallForOneStepTradesNothing() {
    int n = 4;
    double[] fraction = column(n, Double.NaN);
    fraction[1] = 0.1; // a tenth of 5 units rounds down to none
    Signals signals =
        Signals.builder(n).longEntry(at(n, 0)).size(column(n, 5)).exitFraction(fraction).build();

    Simulation sim = Backtest.run(Bars.flat(10, 10, 10, 10), signals, pyramiding(1)).simulation();

    assertThat(sim.position()).containsExactly(0, 5, 5, 5);
    assertThat(sim.fills()).hasSize(1);
  }

  @Test
  void pyramidingIsBounded() {
    assertThatThrownBy(() -> BacktestConfig.builder().pyramiding(0).build())
        .hasMessageContaining("pyramiding must be from 1 to 100");
    assertThatThrownBy(() -> BacktestConfig.builder().pyramiding(101).build())
        .hasMessageContaining("pyramiding must be from 1 to 100");
  }

  private static void assertTrade(
      Trade t,
      int entryBar,
      double entryPrice,
      int exitBar,
      double exitPrice,
      double quantity,
      double costs) {
    assertThat(t.entryIndex()).isEqualTo(entryBar);
    assertThat(t.entryPrice()).isEqualTo(entryPrice);
    assertThat(t.exitIndex()).isEqualTo(exitBar);
    assertThat(t.exitPrice()).isEqualTo(exitPrice);
    assertThat(t.quantity()).isEqualTo(quantity);
    assertThat(t.costs()).isCloseTo(costs, within(E));
  }

  private static double[] column(int n, double value) {
    double[] c = new double[n];
    Arrays.fill(c, value);
    return c;
  }
}
