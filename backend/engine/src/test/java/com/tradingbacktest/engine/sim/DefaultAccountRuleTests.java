package com.tradingbacktest.engine.sim;

import static com.tradingbacktest.engine.sim.Bars.at;
import static com.tradingbacktest.engine.sim.Bars.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.series.BarSeries;
import org.junit.jupiter.api.Test;

/**
 * The default account rule of a cash account (docs/ENGINE.md, "Margin, borrowing and funding"):
 * when a short brings the equity to zero it is liquidated at the price where the equity is zero (at
 * the open when the bar gaps beyond it) and the account stops trading.
 */
class DefaultAccountRuleTests {

  private static final BacktestConfig SHORTS =
      BacktestConfig.builder().initialCapital(10_000).allowShort(true).build();

  /**
   * The case in small: a long/short strategy goes short at 100 with 10,000 and holds the
   * short while the price triples until the next reversal. Without the rule the reversal covers it
   * at bar 4's open (300): cash 20,000 - 30,000 = -10,000, and no long can be bought with that: the
   * run ends at -10,000 (the issue's -866,181 on BTC). With it the account ends at zero.
   */
  @Test
  void aShortThatLosesEverythingIsLiquidatedAtZeroEquityAndTheAccountStops() {
    BarSeries bars =
        Bars.of(
            row(100, 100, 100, 100), // 0: short signal
            row(100, 150, 95, 140), // 1: short 100 at 100, cash 20,000; equity 20,000 - 14,000
            row(150, 210, 145, 205), // 2: the high 210 reaches 20,000 / 100 = 200: liquidated
            row(250, 300, 240, 300), // 3: long signal (a reversal had the short lived)
            row(300, 320, 290, 310)); // 4: nothing: the account stopped
    Signals signals =
        Signals.builder(5).shortEntry(at(5, 0)).longEntry(at(5, 3)).longExit(at(5, 4)).build();

    Simulation sim = Simulator.run(bars, signals, SHORTS);

    // Short 10,000 / 100 = 100 units at bar 1's open; cash 10,000 + 10,000 = 20,000.
    // Equity zero at p = 20,000 / 100 = 200; bar 2 opens at 150 < 200 and reaches 210: the
    // short is bought back at 200 and the account holds 20,000 - 100 x 200 = 0.
    assertThat(sim.equity()).containsExactly(10_000, 6_000, 0, 0, 0);
    assertThat(sim.fills()).hasSize(2);
    Trade trade = sim.trades().get(0);
    assertThat(trade.exitReason()).isEqualTo(ExitReason.LIQUIDATION);
    assertThat(trade.exitPrice()).isEqualTo(200);
    assertThat(trade.pnl()).isEqualTo(-10_000); // (100 - 200) x 100
    assertThat(trade.mae()).isEqualTo(-1.0); // 1 - 200 / 100: the range up to the fill
    assertThat(sim.liquidations()).hasSize(1);
    Liquidation liquidation = sim.accountStop();
    assertThat(liquidation.time()).isEqualTo(Bars.START + 2 * Bars.DAY);
    assertThat(liquidation.gap()).isFalse();
    assertThat(liquidation.marginCall()).isFalse();
    assertThat(liquidation.equityAfter()).isZero();
    assertThat(liquidation.message())
        .startsWith("2024-01-03: the equity reached zero")
        .contains("the account stopped trading");
  }

  @Test
  void aGapBeyondTheLevelLiquidatesAtTheOpenAndTheRunSaysTheEquityWentBelowZero() {
    BarSeries bars =
        Bars.of(
            row(100, 100, 100, 100),
            row(100, 150, 95, 140),
            row(250, 260, 240, 255), // opens at 250, beyond the level 200
            row(255, 255, 255, 255));
    Signals signals = Signals.builder(4).shortEntry(at(4, 0)).build();

    Simulation sim = Simulator.run(bars, signals, SHORTS);

    // Bought back at the open 250: 20,000 - 100 x 250 = -5,000, the gap's loss beyond zero.
    assertThat(sim.equity()).containsExactly(10_000, 6_000, -5_000, -5_000);
    assertThat(sim.trades().get(0).exitPrice()).isEqualTo(250);
    Liquidation liquidation = sim.accountStop();
    assertThat(liquidation.gap()).isTrue();
    assertThat(liquidation.equityAfter()).isEqualTo(-5_000);
    assertThat(liquidation.message()).contains("jumped beyond it").contains("-5000.00");
  }

  @Test
  void aStopBelowTheLevelClosesTheShortFirstAndTheAccountGoesOn() {
    BarSeries bars =
        Bars.of(
            row(100, 100, 100, 100),
            row(100, 150, 95, 140),
            row(150, 210, 145, 205),
            row(205, 205, 205, 205));
    double[] stop = Bars.nan(4);
    stop[0] = 0.6; // 100 x 1.6 = 160, below the level 200
    Signals signals =
        Signals.builder(4).shortEntry(at(4, 0)).stopLoss(stop).longEntry(at(4, 2)).build();

    Simulation sim = Simulator.run(bars, signals, SHORTS);

    // Bar 1's high 150 stays under the stop; bar 2 opens at 150 and reaches 160 first: -6,000.
    assertThat(sim.trades().get(0).exitReason()).isEqualTo(ExitReason.STOP_LOSS);
    assertThat(sim.trades().get(0).pnl()).isEqualTo(-6_000);
    assertThat(sim.liquidations()).isEmpty();
    // Still trading: the long signal of bar 2 buys at bar 3's open.
    assertThat(sim.fills()).hasSize(3);
  }

  @Test
  void aGapBeyondTheLevelLiquidatesEvenAShortWithAStopBelowIt() {
    BarSeries bars =
        Bars.of(
            row(100, 100, 100, 100),
            row(100, 150, 95, 140),
            row(250, 260, 240, 255), // opens beyond both the stop (160) and the level (200)
            row(255, 255, 255, 255));
    double[] stop = Bars.nan(4);
    stop[0] = 0.6;
    Signals signals =
        Signals.builder(4).shortEntry(at(4, 0)).stopLoss(stop).longEntry(at(4, 2)).build();

    Simulation sim = Simulator.run(bars, signals, SHORTS);

    // The equity was 20,000 - 100 x 250 = -5,000 at the open: a liquidation, not a stop, and the
    // account stops (the long signal of bar 2 buys nothing).
    assertThat(sim.trades().get(0).exitReason()).isEqualTo(ExitReason.LIQUIDATION);
    assertThat(sim.trades().get(0).exitPrice()).isEqualTo(250);
    assertThat(sim.accountStop().gap()).isTrue();
    assertThat(sim.fills()).hasSize(2);
    assertThat(sim.finalEquity()).isEqualTo(-5_000);
  }

  @Test
  void aLongInACashAccountIsNeverLiquidated() {
    BarSeries bars = Bars.of(row(100, 100, 100, 100), row(100, 100, 1, 2), row(2, 3, 1, 1));
    Signals signals = Signals.builder(3).longEntry(at(3, 0)).build();

    Simulation sim = Simulator.run(bars, signals, SHORTS);

    // 100 units at 100, marked at 2 then 1: the equity shrinks towards zero but stays positive.
    assertThat(sim.equity()).containsExactly(10_000, 200, 100);
    assertThat(sim.liquidations()).isEmpty();
  }

  @Test
  void closeAtEndPriceOpenClosesAtTheLastOpenAndTradesNothingElseThen() {
    BarSeries bars =
        Bars.of(
            row(100, 100, 100, 100),
            row(100, 110, 90, 105),
            row(110, 120, 100, 115),
            row(130, 160, 120, 150));
    Signals signals = Signals.builder(4).longEntry(at(4, 0, 2)).longExit(at(4, 3)).build();
    BacktestConfig atOpen =
        BacktestConfig.builder().initialCapital(10_000).closeAtEnd(true).build().toBuilder()
            .closeAtEndPrice(EndPrice.OPEN)
            .build();

    Simulation open = Simulator.run(bars, signals, atOpen);
    Simulation close =
        Simulator.run(bars, signals, atOpen.toBuilder().closeAtEndPrice(EndPrice.CLOSE).build());

    // 100 units at 100 (bar 1); at the last open (130) instead of the last close (150).
    assertThat(open.trades()).hasSize(1);
    assertThat(open.trades().get(0).exitPrice()).isEqualTo(130);
    assertThat(open.trades().get(0).exitReason()).isEqualTo(ExitReason.END_OF_DATA);
    assertThat(open.trades().get(0).exitIndex()).isEqualTo(3);
    assertThat(open.finalEquity()).isEqualTo(13_000);
    assertThat(close.trades().get(0).exitPrice()).isEqualTo(150);
    assertThat(close.finalEquity()).isEqualTo(15_000);
  }

  @Test
  void theQuietBarPathChecksTheLevelToo() {
    // No signal after the entry: every later bar is a quiet bar, and the fast path must still stop
    // at the bar that reaches the level (20,000 / 100 = 200).
    double[][] rows = new double[40][];
    for (int i = 0; i < rows.length; i++) {
      double price = i < 30 ? 100 : 100 + 20 * (i - 29); // 120, 140, ... from bar 30
      rows[i] = row(price, price, price, price);
    }
    BarSeries bars = Bars.of(rows);
    Signals signals = Signals.builder(40).shortEntry(at(40, 0)).build();

    BacktestResult result = Backtest.run(bars, signals, SHORTS);

    // Bar 34 opens at 200 (= the level): liquidated at the open, equity exactly 0.
    Simulation sim = result.simulation();
    assertThat(sim.trades()).hasSize(1);
    assertThat(sim.trades().get(0).exitIndex()).isEqualTo(34);
    assertThat(sim.equity()[33]).isEqualTo(2_000); // 20,000 - 100 x 180
    assertThat(sim.equity()[39]).isZero();
    assertThat(result.metrics().liquidations()).isEqualTo(1);
    assertThat(result.metrics().finalEquity()).isZero();
  }
}
