package com.tradingbacktest.engine.portfolio;

import static com.tradingbacktest.engine.portfolio.Krx.at;
import static com.tradingbacktest.engine.portfolio.Krx.flat;
import static com.tradingbacktest.engine.portfolio.Krx.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.series.BarEvents;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.ExitReason;
import com.tradingbacktest.engine.sim.Fill;
import com.tradingbacktest.engine.sim.FillMode;
import com.tradingbacktest.engine.sim.FillNote;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.Simulation;
import com.tradingbacktest.engine.sim.Trade;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing fills at a halted bar (거래정지): orders wait for the first bar that trades. */
class HaltTests {

  private static final BacktestConfig CONFIG =
      BacktestConfig.builder().initialCapital(10_000).build();

  /** Six bars; bars 2 and 3 halted. */
  private static BarSeries bars(double[]... rows) {
    boolean[] halted = at(rows.length, 2, 3);
    return Krx.daily("2024-03-04", rows).withEvents(new BarEvents(null, halted));
  }

  @Test
  void aMarketOrderWaitsThroughTheHaltAndFillsAtTheNextOpenWithANote() {
    BarSeries bars = bars(flat(100), flat(100), flat(100), flat(100), flat(110), flat(110));
    Signals signals = Signals.builder(6).longEntry(at(6, 1)).build();

    Simulation sim = Backtest.run(bars, signals, CONFIG).simulation();

    Fill fill = sim.fills().get(0);
    assertThat(fill.barIndex()).isEqualTo(4);
    assertThat(fill.price()).isEqualTo(110);
    assertThat(fill.quantity()).isEqualTo(90); // 10,000 / 110, whole shares
    assertThat(fill.note()).isEqualTo(FillNote.HALTED);
    assertThat(sim.position()).containsExactly(0, 0, 0, 0, 90, 90);
  }

  @Test
  void aStopLossDoesNotFillWhileHaltedAndFillsAtTheFirstBarThatTrades() {
    // Long from bar 1 at 100 with a 10% stop (90): the halted bars' lows of 50 reach it but trade
    // nothing; bar 4 opens at 80 below it and the stop fills at that open.
    BarSeries bars =
        bars(
            flat(100),
            flat(100),
            row(100, 100, 50, 60),
            row(60, 60, 50, 55),
            row(80, 85, 75, 80),
            flat(80));
    Signals signals = Signals.builder(6).longEntry(at(6, 0)).stopLoss(0.10).build();

    Trade trade = Backtest.run(bars, signals, CONFIG).simulation().trades().get(0);

    assertThat(trade.exitIndex()).isEqualTo(4);
    assertThat(trade.exitPrice()).isEqualTo(80);
    assertThat(trade.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
  }

  @Test
  void noEntryOrderFillsWhileHalted() {
    // A buy limit at 95 every bar: the halted bars' lows reach it, bar 4's does.
    BarSeries bars =
        bars(
            flat(100),
            flat(100),
            row(100, 100, 90, 95),
            row(95, 95, 90, 95),
            row(98, 99, 94, 96),
            flat(96));
    double[] limit = {Double.NaN, Double.NaN, 95, 95, 95, Double.NaN};
    Signals signals = Signals.builder(6).longEntryLimit(limit).build();

    Fill fill = Backtest.run(bars, signals, CONFIG).simulation().fills().get(0);

    assertThat(fill.barIndex()).isEqualTo(4);
    assertThat(fill.price()).isEqualTo(95);
    assertThat(fill.note()).isNull(); // an order of that bar's own, which did not wait
  }

  @Test
  void aCloseOrderAtAHaltedCloseWaitsForTheNextOpen() {
    BarSeries bars = bars(flat(100), flat(100), flat(100), flat(100), flat(120), flat(120));
    Signals signals = Signals.builder(6).longEntry(at(6, 2)).build();
    BacktestConfig closeMode = CONFIG.toBuilder().fillMode(FillMode.CLOSE).build();

    Fill fill = Backtest.run(bars, signals, closeMode).simulation().fills().get(0);

    assertThat(fill.barIndex()).isEqualTo(4);
    assertThat(fill.price()).isEqualTo(120);
    assertThat(fill.note()).isEqualTo(FillNote.HALTED);
  }

  @Test
  void aRebalanceWaitsForTheHaltedSymbolAndTheRunNotesIt() {
    BarSeries bars = bars(flat(100), flat(100), flat(100), flat(100), flat(125), flat(125));
    BarSeries halted = bars.slice(2, 6); // starts halted
    PortfolioLeg leg =
        PortfolioLeg.withWeights(halted, "KRW", CostModel.none(), 1, Daily.weights(4, 1.0));
    PortfolioConfig config =
        PortfolioConfig.builder()
            .initialCapital(10_000)
            .baseCurrency("KRW")
            .rebalance(Rebalance.MONTHLY)
            .build();

    PortfolioResult result = PortfolioBacktest.run(List.of(leg), config);

    PortfolioFill fill = result.fills().get(0);
    assertThat(fill.fill().barIndex()).isEqualTo(2); // bar 4 of the whole series
    assertThat(fill.fill().quantity()).isEqualTo(80); // 10,000 / 125
    assertThat(fill.note()).isEqualTo(FillNote.HALTED);
    assertThat(result.notes())
        .singleElement()
        .satisfies(
            note -> {
              assertThat(note.kind()).isEqualTo(PortfolioNote.Kind.HALTED);
              assertThat(note.message()).contains("2024-03-07", "005930", "halted", "buy");
            });
  }
}
