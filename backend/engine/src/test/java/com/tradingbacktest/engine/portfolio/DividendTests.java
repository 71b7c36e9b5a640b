package com.tradingbacktest.engine.portfolio;

import static com.tradingbacktest.engine.portfolio.Krx.at;
import static com.tradingbacktest.engine.portfolio.Krx.flat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.series.BarEvents;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.FillMode;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.SizingModel;
import com.tradingbacktest.engine.sim.Trade;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cash dividends on the ex-date (docs/ENGINE.md, "Dividends, halts and KRX rules"), worked by hand:
 * 10,000 of capital, every bar at 100, so an all-in entry holds 100 shares.
 */
class DividendTests {

  /** Five bars at 100: a dividend of 5 goes ex at bar 1, one of 2 at bar 3. */
  private static BarSeries bars() {
    BarSeries bars = Krx.daily("2024-03-04", flat(100), flat(100), flat(100), flat(100), flat(100));
    return bars.withEvents(new BarEvents(new double[] {0, 5, 0, 2, 0}, null));
  }

  private static BacktestConfig config() {
    return BacktestConfig.builder().initialCapital(10_000).allowShort(true).build();
  }

  @Test
  void aLongHeldIntoTheExDateReceivesQuantityTimesTheDividendInCash() {
    // Bought at bar 1's open (after the 5 went ex: not held into it), sold at bar 3's open (held
    // into it: the 2 is received before the sale).
    Signals signals = Signals.builder(5).longEntry(at(5, 0)).longExit(at(5, 2)).build();

    BacktestResult result = Backtest.run(bars(), signals, config());

    Trade trade = result.simulation().trades().get(0);
    assertThat(trade.entryIndex()).isEqualTo(1);
    assertThat(trade.exitIndex()).isEqualTo(3);
    assertThat(trade.quantity()).isEqualTo(100);
    assertThat(trade.dividends()).isEqualTo(200);
    assertThat(trade.pnl()).isEqualTo(200);
    assertThat(result.simulation().equity())
        .containsExactly(10_000, 10_000, 10_000, 10_200, 10_200);
    assertThat(result.metrics().totalDividends()).isEqualTo(200);
    assertThat(result.metrics().toMap()).containsEntry("total_dividends", 200.0);
    assertThat(result.metrics().finalEquity()).isEqualTo(10_200);
  }

  @Test
  void aShortHeldIntoTheExDatePaysIt() {
    Signals signals = Signals.builder(5).shortEntry(at(5, 0)).shortExit(at(5, 2)).build();

    BacktestResult result = Backtest.run(bars(), signals, config());

    Trade trade = result.simulation().trades().get(0);
    assertThat(trade.quantity()).isEqualTo(100);
    assertThat(trade.dividends()).isEqualTo(-200);
    assertThat(trade.pnl()).isEqualTo(-200);
    assertThat(result.metrics().totalDividends()).isEqualTo(-200);
    assertThat(result.metrics().finalEquity()).isEqualTo(9_800);
  }

  @Test
  void anOpenPositionCarriesItsDividendsAndTheBuyAndHoldKeepsThemAsCash() {
    Signals signals = Signals.builder(5).longEntry(at(5, 0)).build();

    BacktestResult result = Backtest.run(bars(), signals, config());

    assertThat(result.simulation().openTrade().dividends()).isEqualTo(200);
    // Bought at the first close: both later dividends, 5 + 2 on 100, in cash.
    assertThat(result.metrics().buyAndHoldReturn()).isCloseTo(0.07, within(1e-12));
  }

  @Test
  void scaleOutsShareTheDividendsByUnits() {
    // 100 shares held into the 2 at bar 3; a quarter sold at bar 4's open takes a quarter of it.
    BarSeries bars =
        Krx.daily("2024-03-04", flat(100), flat(100), flat(100), flat(100), flat(100), flat(100))
            .withEvents(new BarEvents(new double[] {0, 0, 0, 2, 0, 0}, null));
    double[] fraction = {Double.NaN, Double.NaN, Double.NaN, 0.25, Double.NaN, Double.NaN};
    Signals signals =
        Signals.builder(6).longEntry(at(6, 0)).longExit(at(6, 4)).exitFraction(fraction).build();

    List<Trade> trades = Backtest.run(bars, signals, config()).simulation().trades();

    assertThat(trades).extracting(Trade::quantity).containsExactly(25.0, 75.0);
    assertThat(trades).extracting(Trade::dividends).containsExactly(50.0, 150.0);
  }

  @Test
  void aRebalancedPortfolioReceivesTheDividendsOfWhatItHolds() {
    // Bought at bar 0's close in close mode: 100 shares of a 100 stock, weight 1.
    BarSeries bars = bars();
    PortfolioLeg leg =
        PortfolioLeg.withWeights(bars, "KRW", CostModel.none(), 1, Daily.weights(5, 1.0));
    PortfolioConfig config =
        PortfolioConfig.builder()
            .initialCapital(10_000)
            .baseCurrency("KRW")
            .fillMode(FillMode.CLOSE)
            .sizing(SizingModel.allIn())
            .rebalance(Rebalance.MONTHLY)
            .build();

    PortfolioResult result = PortfolioBacktest.run(List.of(leg), config);

    assertThat(result.metrics().totalDividends()).isEqualTo(700);
    assertThat(result.equity()[4]).isEqualTo(10_700);
    assertThat(result.contribution()[0]).isCloseTo(700, within(1e-9));
  }
}
