package com.tradingbacktest.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.market.MarketRules;
import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.Fill;
import com.tradingbacktest.engine.sim.Funding;
import com.tradingbacktest.engine.sim.Liquidation;
import com.tradingbacktest.engine.sim.Margin;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.Simulation;
import com.tradingbacktest.engine.sim.Trade;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * A portfolio of one symbol in the base currency is today's single-symbol run: the portfolio's own
 * bar loop must give the simulator's fills, trades, equity, positions and metrics to the last bit.
 */
class SingleSymbolEquivalenceTests {

  @Property(tries = 500)
  void oneSymbolPortfolioEqualsBacktestRunBitForBit(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 120) int n) {
    Random random = new Random(seed);
    BarSeries bars = Generated.bars(random, "ONE", n, 1);
    Signals signals = Generated.signals(random, n);
    BacktestConfig config = Generated.config(random);
    assertSameRun(bars, signals, config);
  }

  /**
   * The default account rule in both loops: on bars wild enough that shorts often lose their whole
   * equity, the simulator and a one-symbol portfolio liquidate at the same bar, price and equity.
   */
  @Property(tries = 400)
  void bothLoopsLiquidateAShortAtZeroEquityBitForBit(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int n) {
    Random random = new Random(seed);
    BarSeries bars = Generated.wildBars(random, "ONE", n);
    Signals signals = Generated.signals(random, n);
    BacktestConfig config = Generated.config(random).toBuilder().allowShort(true).build();

    Simulation sim = assertSameRun(bars, signals, config);

    // A cash account is below zero only from a liquidation that stopped it, and trades no more.
    Liquidation stop = sim.accountStop();
    for (int i = 0; i < n; i++) {
      if (sim.equity()[i] < 0) {
        assertThat(stop).as("equity %s at bar %d", sim.equity()[i], i).isNotNull();
        assertThat(stop.time()).isLessThanOrEqualTo(bars.times()[i]);
      }
    }
    if (stop != null) {
      assertThat(sim.fills())
          .allSatisfy(f -> assertThat(f.time()).isLessThanOrEqualTo(stop.time()));
      assertThat(sim.equity()[n - 1]).isEqualTo(stop.equityAfter());
    }

    Statistics.label("liquidated").collect(!sim.liquidations().isEmpty());
    Statistics.label("liquidated")
        .coverage(coverage -> coverage.check(true).percentage(p -> p >= 2));
  }

  /**
   * {@code Backtest.run} routes a run with margin terms through the portfolio's account: with terms
   * that never charge anything (interest on a cash account, whose cash never goes negative before
   * the account stops) it gives the plain run's results to the bit.
   */
  @Property(tries = 300)
  void aRunRoutedThroughTheAccountEqualsThePlainRunWhenNothingIsCharged(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int n) {
    Random random = new Random(seed);
    BarSeries bars =
        random.nextBoolean()
            ? Generated.wildBars(random, "ONE", n)
            : Generated.bars(random, "ONE", n, 1);
    Signals signals = Generated.signals(random, n);
    BacktestConfig plain = Generated.config(random);
    BacktestConfig routed = plain.toBuilder().margin(new Margin(1, 0, 0.05, 0)).build();

    BacktestResult expected = Backtest.run(bars, signals, plain);
    BacktestResult actual = Backtest.run(bars, signals, routed);

    Simulation a = actual.simulation();
    Simulation e = expected.simulation();
    assertThat(a.equity()).isEqualTo(e.equity());
    assertThat(a.position()).isEqualTo(e.position());
    assertThat(a.inMarket()).isEqualTo(e.inMarket());
    assertThat(a.fills()).isEqualTo(e.fills());
    assertThat(a.trades()).isEqualTo(e.trades());
    assertThat(a.openTrade()).isEqualTo(e.openTrade());
    assertThat(a.rejectedOrders()).isEqualTo(e.rejectedOrders());
    assertThat(a.liquidations()).isEqualTo(e.liquidations());
    assertSameMetrics(actual.metrics(), expected.metrics());
  }

  /** Runs both loops and checks they agree to the bit; returns the simulator's run. */
  private static Simulation assertSameRun(BarSeries bars, Signals signals, BacktestConfig config) {
    int n = bars.size();
    BacktestResult single = Backtest.run(bars, signals, config);
    PortfolioResult portfolio =
        PortfolioBacktest.run(
            List.of(
                new PortfolioLeg(
                    "ONE",
                    bars,
                    "KRW",
                    config.costs(),
                    config.quantityStep(),
                    signals,
                    null,
                    Funding.none(),
                    MarketRules.none())),
            PortfolioBacktest.configOf(config, Rebalance.MONTHLY));

    Simulation sim = single.simulation();
    assertThat(portfolio.times()).isEqualTo(bars.times());
    assertThat(portfolio.equity()).isEqualTo(sim.equity());
    assertThat(portfolio.quantity()[0]).isEqualTo(sim.position());
    assertThat(portfolio.fills().stream().map(PortfolioFill::fill).toList()).isEqualTo(sim.fills());
    assertThat(portfolio.trades().stream().map(PortfolioTrade::trade).toList())
        .isEqualTo(sim.trades());
    List<Trade> open = portfolio.openTrades().stream().map(PortfolioTrade::trade).toList();
    assertThat(open).isEqualTo(sim.openTrade() == null ? List.of() : List.of(sim.openTrade()));
    assertThat(portfolio.rejectedOrders()).isEqualTo(sim.rejectedOrders());
    assertThat(Double.doubleToLongBits(portfolio.commissions()))
        .isEqualTo(Double.doubleToLongBits(sim.commissions()));
    assertSameMetrics(portfolio.metrics(), single.metrics());
    for (Fill f : sim.fills()) {
      assertThat(f.barIndex()).isBetween(0, n - 1);
    }
    assertThat(portfolio.liquidations()).isEqualTo(sim.liquidations());
    return sim;
  }

  private static void assertSameMetrics(PerformanceMetrics actual, PerformanceMetrics expected) {
    // toMap boxes every scalar: Double.equals compares bits (NaN equals NaN).
    assertThat(actual.toMap()).isEqualTo(expected.toMap());
    assertThat(actual.drawdown()).isEqualTo(expected.drawdown());
    assertThat(actual.buyAndHoldEquity()).isEqualTo(expected.buyAndHoldEquity());
    assertThat(actual.monthlyReturns()).isEqualTo(expected.monthlyReturns());
    assertThat(actual.yearlyReturns()).isEqualTo(expected.yearlyReturns());
  }
}
