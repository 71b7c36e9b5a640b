package com.tradingbacktest.engine.lang;

import static com.tradingbacktest.engine.lang.Strategies.compile;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.market.MarketRules;
import com.tradingbacktest.engine.portfolio.PortfolioBacktest;
import com.tradingbacktest.engine.portfolio.PortfolioFill;
import com.tradingbacktest.engine.portfolio.PortfolioLeg;
import com.tradingbacktest.engine.portfolio.PortfolioResult;
import com.tradingbacktest.engine.portfolio.PortfolioTrade;
import com.tradingbacktest.engine.portfolio.Rebalance;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.FillMode;
import com.tradingbacktest.engine.sim.Funding;
import com.tradingbacktest.engine.sim.SizingModel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Strategies reading the position state on random bars and settings: the simulator and a one-symbol
 * portfolio run them alike to the last bit, and later bars never change earlier decisions.
 */
class PositionStatePropertyTests {

  /** Every way of reading the state: market orders, entry stops, size, protective exits, plots. */
  private static final List<String> STRATEGIES =
      List.of(
          """
          m = ema(close, 8)
          long_entry = position_size == 0 and close > m
          short_entry = position_size == 0 and close < m * 0.99
          long_exit = open_profit > 0.02 * equity or bars_since_entry >= 6
          short_exit = bars_since_entry >= 3
          size = cash * 0.7 / close
          stop_loss = 3%
          plot("equity", equity)
          """,
          """
          long_entry_stop = position_size[1] == 0 ? highest(high, 5)[1] : na
          short_entry_stop = position_side[1] == 0 ? lowest(low, 5)[1] : na
          long_exit = close < entry_price * 0.97 or bars_since_entry >= 4
          short_exit = close > entry_price * 1.03
          size = cash[1] * 0.5 / open
          trailing_stop = 4%
          plot("open profit", open_profit)
          """,
          """
          peak = max(nz(peak[1]), equity)
          trades = nz(trades[1]) + (position_size != 0 and nz(position_size[1]) == 0 ? 1 : 0)
          long_entry = position_size == 0 and equity / peak > 0.95 and close > open
          long_exit = bars_since_entry >= 2 + trades - 3 * floor(trades / 3)
          take_profit = 5%
          plot("trades", trades)
          """);

  @Property(tries = 150)
  void theSimulatorAndAOneSymbolPortfolioRunTheStateAlike(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 150) int n) {
    Random random = new Random(seed);
    BarSeries bars = bars(random, n);
    BacktestConfig config = config(random);
    String source = STRATEGIES.get(random.nextInt(STRATEGIES.size()));
    Evaluation e = compile(source).evaluate(bars, Map.of(), EvaluationLimits.defaults());

    BacktestResult single = Backtest.run(bars, e.signals(), config);
    double[] plotted = e.plots().get(0).values().clone();
    PortfolioResult portfolio =
        PortfolioBacktest.run(
            List.of(
                new PortfolioLeg(
                    "T",
                    bars,
                    "KRW",
                    config.costs(),
                    config.quantityStep(),
                    e.signals(),
                    null,
                    Funding.none(),
                    MarketRules.none())),
            PortfolioBacktest.configOf(config, Rebalance.MONTHLY));

    assertThat(portfolio.fills().stream().map(PortfolioFill::fill).toList())
        .isEqualTo(single.simulation().fills());
    assertThat(portfolio.trades().stream().map(PortfolioTrade::trade).toList())
        .isEqualTo(single.simulation().trades());
    assertThat(portfolio.equity()).isEqualTo(single.simulation().equity());
    assertThat(e.plots().get(0).values()).isEqualTo(plotted);
  }

  @Property(tries = 150)
  void laterBarsNeverChangeEarlierDecisions(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 150) int n) {
    Random random = new Random(seed);
    BarSeries bars = bars(random, n);
    int cut = 1 + random.nextInt(n - 1);
    BarSeries changed = withNewFuture(bars, cut, random);
    BacktestConfig config = config(random);
    CompiledStrategy strategy = compile(STRATEGIES.get(random.nextInt(STRATEGIES.size())));

    Evaluation before = strategy.evaluate(bars, Map.of(), EvaluationLimits.defaults());
    Backtest.run(bars, before.signals(), config);
    Evaluation after = strategy.evaluate(changed, Map.of(), EvaluationLimits.defaults());
    Backtest.run(changed, after.signals(), config);

    assertThat(prefix(after.signals().longEntry(), cut))
        .isEqualTo(prefix(before.signals().longEntry(), cut));
    assertThat(prefix(after.signals().longExit(), cut))
        .isEqualTo(prefix(before.signals().longExit(), cut));
    assertThat(prefix(after.signals().size(), cut)).isEqualTo(prefix(before.signals().size(), cut));
    assertThat(prefix(after.signals().longEntryStop(), cut))
        .isEqualTo(prefix(before.signals().longEntryStop(), cut));
    assertThat(Arrays.copyOf(after.plots().get(0).values(), cut))
        .isEqualTo(Arrays.copyOf(before.plots().get(0).values(), cut));
  }

  private static Object prefix(Object column, int cut) {
    if (column == null) {
      return null;
    }
    return column instanceof boolean[] b
        ? Arrays.copyOf(b, cut)
        : Arrays.copyOf((double[]) column, cut);
  }

  private static BarSeries bars(Random random, int n) {
    double[] c = new double[n];
    double price = 100;
    for (int i = 0; i < n; i++) {
      price *= 1 + (random.nextDouble() - 0.5) * 0.08;
      c[i] = Math.max(1, Math.round(price * 100) / 100.0);
    }
    return Strategies.closes(c);
  }

  /** The same bars up to {@code cut} (exclusive), then new ones. */
  private static BarSeries withNewFuture(BarSeries bars, int cut, Random random) {
    double[] c = bars.close().clone();
    for (int i = cut; i < c.length; i++) {
      c[i] = Math.max(1, Math.round(c[i] * (0.5 + random.nextDouble()) * 100) / 100.0);
    }
    return Strategies.closes(c);
  }

  private static BacktestConfig config(Random random) {
    CostModel costs =
        switch (random.nextInt(3)) {
          case 0 -> CostModel.none();
          case 1 -> CostModel.krxStock();
          default -> CostModel.binanceSpot();
        };
    SizingModel sizing =
        random.nextBoolean() ? SizingModel.allIn() : new SizingModel.FractionOfEquity(0.5);
    return BacktestConfig.builder()
        .initialCapital(10_000)
        .costs(costs)
        .fillMode(random.nextInt(3) == 0 ? FillMode.CLOSE : FillMode.NEXT_OPEN)
        .allowShort(random.nextBoolean())
        .closeAtEnd(random.nextBoolean())
        .quantityStep(random.nextBoolean() ? 1 : 0.001)
        .sizing(sizing)
        .build();
  }
}
