package com.tradingbacktest.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.BacktestCancelledException;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.RunControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a hostile or unlucky run cannot exceed: memory, notes, time (cancellation). */
class PortfolioBoundsTests {

  @Test
  void moreSymbolTimesThanTheBoundAreRefusedWithTheFigures() {
    assertThatCode(() -> PortfolioBacktest.checkSize(500, 50_000)).doesNotThrowAnyException();
    // At the bound the columns take 400 MB (plus 48 bytes per time).
    assertThat(PortfolioBacktest.bytesNeeded(500, 50_000)).isEqualTo(400_000_000L + 2_400_000L);
    assertThatThrownBy(() -> PortfolioBacktest.checkSize(500, 50_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "500 symbols over 50001 bar times make 25,000,500 symbol-times, more than the"
                + " 25,000,000 a portfolio run may hold: use fewer symbols or a shorter range");
  }

  @Test
  void aRunStopsAtItsBoundOfFills() {
    int n = 40;
    BarSeries a = Generated.bars(new Random(1), "A", n, 1);
    BarSeries b = Generated.bars(new Random(2), "B", n, 1);
    List<PortfolioLeg> legs =
        List.of(
            PortfolioLeg.withWeights(a, "KRW", CostModel.none(), 0.001, Daily.weights(n, 0.5)),
            PortfolioLeg.withWeights(b, "KRW", CostModel.none(), 0.001, Daily.weights(n, 0.5)));
    PortfolioConfig everyBar =
        PortfolioConfig.builder().rebalance(Rebalance.parse("every_bar")).build();
    int fills = PortfolioBacktest.run(legs, everyBar).fills().size();
    assertThat(fills).isGreaterThan(40); // both symbols resized at nearly every bar

    assertThatCode(() -> PortfolioBacktest.run(legs, everyBar, RunControl.NONE, fills))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> PortfolioBacktest.run(legs, everyBar, RunControl.NONE, fills - 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the run reached " + (fills - 1) + " fills at 2024-")
        .hasMessageContaining("rebalance less often");
    assertThat(PortfolioBacktest.MAX_FILLS).isEqualTo(2_000_000);
  }

  @Test
  void notesAreKeptUpToTheBoundAndCountedBeyondIt() {
    int n = 150;
    BarSeries a = Generated.bars(new Random(1), "A", n, 1);
    BarSeries b = Generated.bars(new Random(2), "B", n, 1);
    // 0.8 + 0.8 at every bar's decision: 150 weight notes.
    PortfolioResult r =
        PortfolioBacktest.run(
            List.of(
                PortfolioLeg.withWeights(a, "KRW", CostModel.none(), 1, Daily.weights(n, 0.8)),
                PortfolioLeg.withWeights(b, "KRW", CostModel.none(), 1, Daily.weights(n, 0.8))),
            PortfolioConfig.builder().rebalance(Rebalance.parse("every_bar")).build());

    assertThat(r.notes()).hasSize(PortfolioBacktest.MAX_NOTES);
    assertThat(r.notesOmitted()).isEqualTo(n - PortfolioBacktest.MAX_NOTES);
  }

  @Test
  void aCancelledRunStopsAtItsNextCheckpoint() {
    List<PortfolioLeg> legs = new ArrayList<>();
    for (int s = 0; s < 10; s++) {
      BarSeries bars = Generated.bars(new Random(s), "S" + s, 2_000, 1);
      legs.add(
          PortfolioLeg.withWeights(bars, "KRW", CostModel.none(), 1, Daily.weights(2_000, 0.1)));
    }
    AtomicInteger progress = new AtomicInteger(-1);
    RunControl cancelled =
        new RunControl() {
          @Override
          public void progress(int percent) {
            progress.set(percent);
          }

          @Override
          public boolean isCancelled() {
            return true;
          }
        };

    assertThatThrownBy(
            () -> PortfolioBacktest.run(legs, PortfolioConfig.builder().build(), cancelled))
        .isInstanceOf(BacktestCancelledException.class);
    // 10 symbols x 2,000 bars: the first check comes after 8,192 symbol-bars, long before the end.
    assertThat(progress.get()).isEqualTo(-1);

    AtomicInteger reports = new AtomicInteger();
    RunControl counting =
        new RunControl() {
          @Override
          public void progress(int percent) {
            reports.incrementAndGet();
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };
    PortfolioBacktest.run(legs, PortfolioConfig.builder().build(), counting);
    // A check (with a progress report) every 8,192 symbol-bars, and 100% at the end.
    assertThat(reports.get()).isBetween(2, 4);
  }

  @Test
  void anFxSeriesMayStartAfterTheRunWhenItsSymbolsStartLater() {
    BarSeries krw =
        Daily.bars(
            "KRW1",
            MarketCalendar.STOCK,
            new String[] {"2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"},
            new double[][] {{10, 10}, {10, 11}, {11, 12}, {12, 13}});
    BarSeries usd =
        Daily.bars(
            "USD1",
            MarketCalendar.STOCK,
            new String[] {"2024-01-03", "2024-01-04"},
            new double[][] {{100, 100}, {100, 110}});
    BarSeries fx =
        Daily.bars(
            "USDKRW",
            MarketCalendar.STOCK,
            new String[] {"2024-01-02", "2024-01-03", "2024-01-04"},
            new double[][] {{1000, 1000}, {1000, 1000}, {1000, 1100}});
    PortfolioResult r =
        PortfolioBacktest.run(
            List.of(
                PortfolioLeg.withWeights(krw, "KRW", CostModel.none(), 1, Daily.weights(4, 0.5)),
                PortfolioLeg.withWeights(usd, "USD", CostModel.none(), 1, Daily.weights(2, 0.5))),
            PortfolioConfig.builder()
                .initialCapital(1_000_000)
                .rebalance(Rebalance.parse("every_bar"))
                .fx(Map.of("USD", fx))
                .build());

    // The run starts 01-01, before the FX series; USD1's first bar (01-03) decides and its second
    // (01-04) buys at 100 USD x 1,100 KRW/USD (the FX bar of 01-04: at or before the fill).
    assertThat(r.quantity()[1]).containsExactly(0, 0, 0, 4);
    assertThat(r.fills()).anyMatch(f -> f.leg() == 1 && f.fxRate() == 1_100);
  }
}
