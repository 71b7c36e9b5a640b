package com.tradingbacktest.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.Signals;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pyramiding per symbol in a portfolio: each symbol keeps its own lots in the one account. */
class PortfolioPyramidingTests {

  private static final String[] DATES = {
    "2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"
  };

  @Test
  void eachSymbolKeepsItsOwnLotsAndClosesThemFirstInFirstOut() {
    BarSeries a = Daily.bars("A", MarketCalendar.CRYPTO, DATES, flat(10, 10, 11, 12, 13));
    BarSeries b = Daily.bars("B", MarketCalendar.CRYPTO, DATES, flat(100, 100, 90, 80, 70));
    // A: two entries, a scale-out of a half; B (in USD at 2 KRW): two entries, then an exit.
    Signals entries = entriesThen(new boolean[] {true, true, false, false, false}, 0.5, 2);
    Signals exits = entriesThen(new boolean[] {true, true, false, false, false}, Double.NaN, 2);
    BarSeries usd = Daily.bars("USDKRW", MarketCalendar.CRYPTO, DATES, flat(2, 2, 2, 2, 2));

    PortfolioResult r =
        PortfolioBacktest.run(
            List.of(
                PortfolioLeg.withSignals(a, "KRW", CostModel.none(), 1, entries),
                PortfolioLeg.withSignals(b, "USD", CostModel.none(), 1, exits)),
            PortfolioConfig.builder()
                .initialCapital(100_000)
                .fx(Map.of("USD", usd))
                .pyramiding(2)
                .build());

    // A: 2 units at 10 (bar 1) and 2 at 11 (bar 2); half of 4 sold at bar 3's open 12: the lot
    // of bar 1. B: 2 at 100 and 2 at 90, all sold at bar 3's open 80.
    assertThat(r.quantity()[0]).containsExactly(0, 2, 4, 2, 2);
    assertThat(r.quantity()[1]).containsExactly(0, 2, 4, 0, 0);
    List<PortfolioTrade> trades = r.trades();
    assertThat(trades).extracting(PortfolioTrade::symbol).containsExactly("A", "B", "B");
    assertThat(trades.get(0).trade().entryPrice()).isEqualTo(10);
    assertThat(trades.get(0).trade().quantity()).isEqualTo(2);
    assertThat(trades.get(0).pnlInBase()).isEqualTo(4);
    // B's lots lose 20 x 2 and 10 x 2 USD: at 2 KRW a dollar, -80 and -40.
    assertThat(trades.get(1).trade().pnl()).isEqualTo(-40);
    assertThat(trades.get(1).pnlInBase()).isEqualTo(-80);
    assertThat(trades.get(2).pnlInBase()).isEqualTo(-40);
    assertThat(r.openTrades())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.symbol()).isEqualTo("A");
              assertThat(t.trade().entryPrice()).isEqualTo(11);
              assertThat(t.trade().quantity()).isEqualTo(2);
            });
    // 100,000 + A's 4 realised and 2 x (13 - 11) open - B's 120.
    assertThat(r.finalEquity()).isCloseTo(100_000 + 4 + 4 - 120, within(1e-9));
  }

  private static Signals entriesThen(boolean[] entries, double fraction, double units) {
    int n = entries.length;
    double[] size = new double[n];
    Arrays.fill(size, units);
    double[] fractions = new double[n];
    Arrays.fill(fractions, Double.NaN);
    boolean[] exit = new boolean[n];
    if (Double.isNaN(fraction)) {
      exit[2] = true;
    } else {
      fractions[2] = fraction;
    }
    return Signals.builder(n)
        .longEntry(entries)
        .longExit(exit)
        .size(size)
        .exitFraction(fractions)
        .build();
  }

  private static double[][] flat(double... prices) {
    double[][] rows = new double[prices.length][];
    for (int i = 0; i < prices.length; i++) {
      rows[i] = new double[] {prices[i], prices[i]};
    }
    return rows;
  }
}
