package com.tradingbacktest.engine.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.portfolio.PortfolioBacktest;
import com.tradingbacktest.engine.portfolio.PortfolioConfig;
import com.tradingbacktest.engine.portfolio.PortfolioLeg;
import com.tradingbacktest.engine.portfolio.PortfolioResult;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.RunControl;
import com.tradingbacktest.engine.sim.SizingModel;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PortfolioWindowTests {

  private static final CompiledStrategy CANDLE =
      Walks.compile(
          """
          long_entry = close > open
          long_exit = close < open
          """);

  private static final PortfolioConfig CONFIG =
      PortfolioConfig.builder()
          .initialCapital(20_000)
          .sizing(new SizingModel.FractionOfEquity(0.4))
          .build();

  private static BarSeries symbol(String name, long seed, int n) {
    return Walks.closes(name, Walks.walkCloses(new Random(seed), n));
  }

  /** Each bar series' legs, with the signals {@code strategy} gives on exactly those bars. */
  private static List<PortfolioLeg> legs(CompiledStrategy strategy, List<BarSeries> universe) {
    return universe.stream()
        .map(
            b ->
                PortfolioLeg.withSignals(
                    b, "KRW", CostModel.none(), 1, strategy.signals(b, Map.of())))
        .toList();
  }

  @Test
  void withoutWarmUpAPortfolioPartIsAPlainPortfolioRunOverItsBars() {
    List<BarSeries> universe = List.of(symbol("A", 1, 240), symbol("B", 2, 240));
    long testFrom = universe.get(0).times()[100];
    // Evaluated on the bars before the part's end (bar 200) only, as a caller must.
    List<BarSeries> seen = universe.stream().map(b -> b.slice(0, 200)).toList();

    WindowTest test =
        WalkForward.testPortfolio(legs(CANDLE, seen), CONFIG, testFrom, RunControl.NONE);

    List<BarSeries> part = universe.stream().map(b -> b.slice(100, 200)).toList();
    PortfolioResult plain =
        PortfolioBacktest.run(
            legs(CANDLE, part),
            PortfolioConfig.builder()
                .initialCapital(20_000)
                .sizing(new SizingModel.FractionOfEquity(0.4))
                .closeAtEnd(true)
                .build());
    assertThat(plain.trades()).hasSizeGreaterThan(10);
    assertThat(test.times()).containsExactly(plain.times());
    assertThat(test.equity()).containsExactly(plain.equity());
    assertThat(test.metrics().toMap()).isEqualTo(plain.metrics().toMap());
    assertThat(test.trades()).hasSameSizeAs(plain.trades());
    for (int k = 0; k < test.trades().size(); k++) {
      var trade = test.trades().get(k);
      assertThat(test.times()[trade.entryIndex()]).isEqualTo(trade.entryTime());
      assertThat(test.times()[trade.exitIndex()]).isEqualTo(trade.exitTime());
      assertThat(trade.pnl()).isEqualTo(plain.trades().get(k).trade().pnl());
    }
  }

  @Test
  void aLegWithoutBarsInThePartIsLeftOut() {
    BarSeries early = symbol("EARLY", 3, 50); // ends before the part
    BarSeries late = symbol("LATE", 4, 120);
    long testFrom = late.times()[80];

    WindowTest test =
        WalkForward.testPortfolio(
            legs(CANDLE, List.of(early, late)), CONFIG, testFrom, RunControl.NONE);

    assertThat(test.times()).containsExactly(late.slice(80, 120).times());
    assertThatThrownBy(
            () ->
                WalkForward.testPortfolio(
                    legs(CANDLE, List.of(early)), CONFIG, testFrom, RunControl.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no symbol of the portfolio has a bar in the test part");
  }

  @Test
  void aPortfolioPartIsCutFromLegsWarmedUpBeforeIt() {
    List<BarSeries> universe = List.of(symbol("A", 5, 200), symbol("B", 6, 200));
    long testFrom = universe.get(0).times()[120];
    List<BarSeries> seen = universe.stream().map(b -> b.slice(0, 160)).toList();
    List<PortfolioLeg> legs = legs(Walks.CROSSOVER, seen);

    WindowTest test = WalkForward.testPortfolio(legs, CONFIG, testFrom, RunControl.NONE);

    assertThat(test.times()).containsExactly(universe.get(0).slice(120, 160).times());
    assertThat(test.startEquity()).isEqualTo(20_000);
    assertThat(test.metrics().initialCapital()).isEqualTo(20_000);
  }
}
