package com.tradingbacktest.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.ExitReason;
import com.tradingbacktest.engine.sim.Liquidation;
import com.tradingbacktest.engine.sim.Margin;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.Simulation;
import com.tradingbacktest.engine.sim.Trade;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** What margin terms guarantee on any bars and signals. */
class MarginPropertyTests {

  /**
   * At every close the equity is above the maintenance margin of what is held (else everything was
   * liquidated), below zero only after a liquidation that stopped the account, and nothing trades
   * after that; the liquidations counted in the metrics are the trades closed by one.
   */
  @Property(tries = 400)
  void marginIsKeptAtEveryCloseAndAStoppedAccountTradesNoMore(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int n) {
    Random random = new Random(seed);
    BarSeries bars = Generated.wildBars(random, "ONE", n);
    Signals signals = Generated.signals(random, n);
    double leverage = 1 + random.nextInt(5);
    double mm = random.nextInt(4) * 0.3 / leverage; // 0 to 90% of the most it may be
    Margin margin = new Margin(leverage, mm, random.nextDouble() * 0.1, random.nextDouble() * 0.1);
    BacktestConfig config =
        Generated.config(random).toBuilder().allowShort(true).margin(margin).build();

    BacktestResult result = Backtest.run(bars, signals, config);

    Simulation sim = result.simulation();
    double[] close = bars.close();
    Liquidation stop = sim.accountStop();
    for (int i = 0; i < n; i++) {
      double gross = Math.abs(sim.position()[i]) * close[i];
      if (gross > 0) {
        assertThat(sim.equity()[i]).as("bar %d", i).isGreaterThan(mm * gross - 1e-9 * gross);
      }
      if (sim.equity()[i] < 0) {
        assertThat(stop).as("equity %s at bar %d", sim.equity()[i], i).isNotNull();
        assertThat(stop.time()).isLessThanOrEqualTo(bars.times()[i]);
      }
    }
    if (stop != null) {
      assertThat(sim.fills())
          .allSatisfy(f -> assertThat(f.time()).isLessThanOrEqualTo(stop.time()));
    }
    long liquidated =
        sim.trades().stream().filter(t -> t.exitReason() == ExitReason.LIQUIDATION).count();
    assertThat(result.metrics().liquidations()).isEqualTo((int) liquidated);
    double borrow = sim.trades().stream().mapToDouble(Trade::borrowCost).sum();
    assertThat(borrow).isGreaterThanOrEqualTo(0);
    Statistics.label("liquidated").collect(liquidated > 0);
    Statistics.label("liquidated").coverage(c -> c.check(true).percentage(p -> p >= 5));
  }

  /**
   * The same guarantees for an account over three symbols, whose liquidations follow the
   * conservative rule of docs/ENGINE.md: at every time the equity is above the maintenance margin
   * of the gross value held, and below zero only after a liquidation that stopped the account.
   */
  @Property(tries = 200)
  void aPortfolioKeepsItsMarginAtEveryTime(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int n) {
    Random random = new Random(seed);
    double leverage = 1 + random.nextInt(4);
    double mm = random.nextInt(4) * 0.3 / leverage;
    BacktestConfig single = Generated.config(random);
    PortfolioConfig config =
        PortfolioConfig.builder()
            .initialCapital(10_000)
            .allowShort(true)
            .fillMode(single.fillMode())
            .sizing(new com.tradingbacktest.engine.sim.SizingModel.FractionOfEquity(0.4))
            .margin(new Margin(leverage, mm, 0.05, 0.03))
            .build();
    java.util.List<PortfolioLeg> legs = new java.util.ArrayList<>();
    for (int s = 0; s < 3; s++) {
      BarSeries bars = Generated.wildBars(random, "S" + s, n);
      legs.add(
          PortfolioLeg.withSignals(
              bars, "KRW", single.costs(), single.quantityStep(), Generated.signals(random, n)));
    }

    PortfolioResult result = PortfolioBacktest.run(legs, config);

    Liquidation stop =
        result.liquidations().stream().filter(Liquidation::stopped).findFirst().orElse(null);
    for (int k = 0; k < n; k++) {
      double gross = 0;
      for (int s = 0; s < 3; s++) {
        gross += Math.abs(result.value()[s][k]);
      }
      if (gross > 0) {
        assertThat(result.equity()[k]).as("time %d", k).isGreaterThan(mm * gross - 1e-9 * gross);
      }
      if (result.equity()[k] < 0) {
        assertThat(stop).as("equity %s at time %d", result.equity()[k], k).isNotNull();
        assertThat(stop.time()).isLessThanOrEqualTo(result.times()[k]);
      }
    }
    if (stop != null) {
      assertThat(result.fills())
          .allSatisfy(f -> assertThat(f.fill().time()).isLessThanOrEqualTo(stop.time()));
    }
    assertThat(result.notes().stream().filter(x -> x.kind() == PortfolioNote.Kind.LIQUIDATION))
        .hasSize(result.liquidations().size());
  }

  /**
   * A case the property found: flat after a gap, the minimum commissions of the next tiny trades
   * took the last of the equity; the account then stops, recorded as a liquidation with nothing to
   * close.
   */
  @net.jqwik.api.Example
  void anAccountWhoseCostsTakeTheLastOfItsEquityStops() {
    aPortfolioKeepsItsMarginAtEveryTime(1721073970163691527L, 19);
  }
}
