package com.tradingbacktest.engine.lang;

import static com.tradingbacktest.engine.lang.Strategies.closes;
import static com.tradingbacktest.engine.lang.Strategies.compile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.market.MarketRules;
import com.tradingbacktest.engine.portfolio.PortfolioBacktest;
import com.tradingbacktest.engine.portfolio.PortfolioFill;
import com.tradingbacktest.engine.portfolio.PortfolioLeg;
import com.tradingbacktest.engine.portfolio.PortfolioResult;
import com.tradingbacktest.engine.portfolio.Rebalance;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.Fill;
import com.tradingbacktest.engine.sim.Funding;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.Trade;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The position state in the language: each variable's value at the close after the bar's fills,
 * worked out by hand; the same through the simulator and a one-symbol portfolio; no look-ahead.
 */
class PositionStateTests {

  // open = previous close: 10, 10, 12, 11, 15, 14, 16, 13
  private static final BarSeries BARS = closes(10, 12, 11, 15, 14, 16, 13, 12);

  private static final BacktestConfig CONFIG = BacktestConfig.defaults();

  private static final String HOLD_TWO_BARS =
      """
      long_entry = position_size == 0
      long_exit = bars_since_entry >= 2
      plot("size", position_size)
      plot("side", position_side)
      plot("entry", entry_price)
      plot("bars", bars_since_entry)
      plot("equity", equity)
      plot("cash", cash)
      plot("open", open_profit)
      """;

  private static double[] plot(Evaluation e, String title) {
    return e.plots().stream()
        .filter(p -> p.title().equals(title))
        .findFirst()
        .orElseThrow()
        .values();
  }

  private static Evaluation evaluate(String source, BarSeries bars) {
    return compile(source).evaluate(bars, Map.of(), EvaluationLimits.defaults());
  }

  @Test
  void eachVariableIsTheAccountAtTheCloseAfterTheBarsFills() {
    Evaluation e = evaluate(HOLD_TWO_BARS, BARS);
    BacktestResult result = Backtest.run(BARS, e.signals(), CONFIG);

    // Bar 0 decides to buy; 1000 units fill at bar 1's open (10). bars_since_entry reaches 2 at
    // bar 3, whose exit fills at bar 4's open (15); flat at bar 4's close, it buys again: 1071
    // units (15000 / 14) at bar 5's open, 6 left in cash. Its exit at bar 7 has no next bar.
    double nan = Double.NaN;
    assertThat(plot(e, "size")).containsExactly(0, 1000, 1000, 1000, 0, 1071, 1071, 1071);
    assertThat(plot(e, "side")).containsExactly(0, 1, 1, 1, 0, 1, 1, 1);
    assertThat(plot(e, "entry")).containsExactly(nan, 10, 10, 10, nan, 14, 14, 14);
    assertThat(plot(e, "bars")).containsExactly(nan, 0, 1, 2, nan, 0, 1, 2);
    assertThat(plot(e, "cash")).containsExactly(10000, 0, 0, 0, 15000, 6, 6, 6);
    assertThat(plot(e, "equity"))
        .containsExactly(
            10000, 12000, 11000, 15000, 15000, 6 + 1071 * 16, 6 + 1071 * 13, 6 + 1071 * 12);
    assertThat(plot(e, "open")).containsExactly(0, 2000, 1000, 5000, 0, 1071 * 2, -1071, -1071 * 2);
    List<Trade> trades = result.simulation().trades();
    assertThat(trades).hasSize(1);
    assertThat(trades.get(0).entryIndex()).isEqualTo(1);
    assertThat(trades.get(0).exitIndex()).isEqualTo(4);
    assertThat(result.simulation().fills().stream().map(Fill::quantity))
        .containsExactly(1000.0, 1000.0, 1071.0);
  }

  @Test
  void theSimulatorAndAOneSymbolPortfolioGiveTheSameRunAndState() {
    BarSeries bars = randomBars(21, 300);
    String source =
        """
        fast = sma(close, 5)
        long_entry = position_size == 0 and close > fast
        long_exit = open_profit > 0.03 * entry_price * position_size or bars_since_entry >= 7
        short_entry = position_size == 0 and close < fast * 0.98
        short_exit = bars_since_entry >= 3
        size = cash * 0.6 / close
        plot("equity", equity)
        plot("size", position_size)
        """;
    BacktestConfig config = CONFIG.toBuilder().allowShort(true).build();
    Evaluation e = evaluate(source, bars);

    BacktestResult single = Backtest.run(bars, e.signals(), config);
    double[] equityPlot = plot(e, "equity").clone();
    double[] sizePlot = plot(e, "size").clone();
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

    assertThat(single.simulation().trades()).hasSizeGreaterThan(5);
    assertThat(portfolio.fills().stream().map(PortfolioFill::fill).toList())
        .isEqualTo(single.simulation().fills());
    assertThat(portfolio.equity()).isEqualTo(single.simulation().equity());
    assertThat(plot(e, "equity")).isEqualTo(equityPlot);
    assertThat(plot(e, "size")).isEqualTo(sizePlot);
    assertThat(equityPlot).isEqualTo(single.simulation().equity());
    assertThat(sizePlot).isEqualTo(single.simulation().position());
  }

  @Test
  void aSweepsEvaluatorGivesEachCombinationItsOwnBarByBarColumns() {
    BarSeries bars = randomBars(13, 250);
    String source =
        """
        param fast = 5 in 2..20
        param hold = 3 in 1..10
        m = sma(close, fast)
        long_entry = position_size == 0 and close > m
        long_exit = bars_since_entry >= hold or close < m
        size = cash * 0.5 / close
        """;
    CompiledStrategy strategy = compile(source);
    StrategyEvaluator sweep = strategy.evaluator(bars);
    List<Map<String, Double>> combinations =
        List.of(
            Map.of("fast", 5.0, "hold", 3.0),
            Map.of("fast", 5.0, "hold", 8.0),
            Map.of("fast", 12.0, "hold", 3.0),
            Map.of("fast", 5.0, "hold", 3.0));

    for (Map<String, Double> p : combinations) {
      BacktestResult reused = Backtest.run(bars, sweep.signals(p), CONFIG);
      BacktestResult fresh = Backtest.run(bars, strategy.signals(bars, p), CONFIG);
      assertThat(reused.simulation().fills()).as("%s", p).isEqualTo(fresh.simulation().fills());
      assertThat(reused.simulation().trades()).as("%s", p).isNotEmpty();
    }
  }

  @Test
  void atTheCloseFillModeTheStateIsBeforeTheClosesOwnOrders() {
    // Fills at the close: bar 1 (up) buys at its close 12 while flat; the state of bar 1 is read
    // before that fill, so position_size is 0 at bar 1 and 833 (10000 / 12) from bar 2.
    String source =
        """
        long_entry = position_size == 0 and close > open
        short_entry = position_size > 0 and close < open
        plot("size", position_size)
        plot("open", open_profit)
        """;
    BacktestConfig atClose =
        CONFIG.toBuilder()
            .fillMode(com.tradingbacktest.engine.sim.FillMode.CLOSE)
            .allowShort(true)
            .build();
    Evaluation e = evaluate(source, BARS);
    Backtest.run(BARS, e.signals(), atClose);

    // Bar 2 closes down (11 < 12): reverse to short 833 x 11 ... sized by the equity then.
    double[] size = plot(e, "size");
    assertThat(size[0]).isZero();
    assertThat(size[1]).isZero();
    assertThat(size[2]).isEqualTo(833);
    assertThat(plot(e, "open")[2]).isEqualTo(833 * (11 - 12));
    assertThat(size[3]).isNegative();
    // A short gains when the price falls: open_profit = size x (close - entry) with size < 0.
    double entry = 11;
    assertThat(plot(e, "open")[3]).isEqualTo(size[3] * (15 - entry));
  }

  @Test
  void aConditionOnTheStateThatAlwaysHoldsGivesTheWholeColumnRunBitForBit() {
    BarSeries bars = randomBars(17, 1500);
    String plain =
        """
        f = sma(close, 10)
        s = sma(close, 30)
        long_entry = crossover(f, s)
        long_exit = crossunder(f, s)
        stop_loss = 4%
        """;
    // Long only: position_size is never below 0, so the strategy decides the same, bar by bar.
    String stateful = plain.replace("crossover(f, s)", "crossover(f, s) and position_size >= 0");
    BacktestResult columns = Backtest.run(bars, compile(plain).signals(bars, Map.of()), CONFIG);
    Signals barByBar = compile(stateful).signals(bars, Map.of());
    BacktestResult decided = Backtest.run(bars, barByBar, CONFIG);

    assertThat(barByBar.decider()).isNotNull();
    assertThat(columns.simulation().trades()).hasSizeGreaterThan(10);
    assertThat(decided.simulation().fills()).isEqualTo(columns.simulation().fills());
    assertThat(decided.simulation().equity()).isEqualTo(columns.simulation().equity());
    assertThat(decided.metrics().toMap()).isEqualTo(columns.metrics().toMap());
  }

  @Test
  void runningTheSameSignalsAgainGivesTheSameRun() {
    Evaluation e = evaluate(HOLD_TWO_BARS, BARS);
    BacktestResult first = Backtest.run(BARS, e.signals(), CONFIG);
    BacktestResult second = Backtest.run(BARS, e.signals(), CONFIG);

    assertThat(second.simulation().fills()).isEqualTo(first.simulation().fills());
  }

  @Test
  void sizeByCashAtTheSignalBuysThatManyUnits() {
    // backtrader's "size by the cash at the signal": bar 1 closes up (12 > 10) while flat, so
    // size = 10000 * 0.5 / 12 = 416.67 units, 416 in whole units, filled at bar 2's open (12).
    String source =
        """
        long_entry = position_size == 0 and close > open
        size = cash * 0.5 / close
        long_exit = bars_since_entry >= 1
        """;
    Signals signals = compile(source).signals(BARS, Map.of());
    BacktestResult result = Backtest.run(BARS, signals, CONFIG);

    Fill first = result.simulation().fills().get(0);
    assertThat(first.barIndex()).isEqualTo(2);
    assertThat(first.quantity()).isEqualTo(Math.floor(10000 * 0.5 / 12));
  }

  @Test
  void entryStopsReadThePreviousClosesStateAndWorkDuringTheBar() {
    // Flat at the previous close: a stop one above the previous high. closes 10, 12, ...: bar 1's
    // stop is high[0] = 11, touched (high 13), filled at 11.
    String source =
        """
        long_entry_stop = position_size[1] == 0 ? high[1] : na
        long_exit = bars_since_entry >= 1
        """;
    BacktestResult result = Backtest.run(BARS, compile(source).signals(BARS, Map.of()), CONFIG);

    Fill first = result.simulation().fills().get(0);
    assertThat(first.barIndex()).isEqualTo(1);
    assertThat(first.price()).isEqualTo(11);
  }

  @Test
  void laterBarsNeverChangeEarlierDecisionsOrState() {
    BarSeries bars = randomBars(5, 200);
    double[] c = bars.close().clone();
    for (int i = 100; i < c.length; i++) {
      c[i] *= i % 2 == 0 ? 1.7 : 0.4;
    }
    BarSeries changed = closes(c);
    String source =
        """
        long_entry = position_size == 0 and close > sma(close, 10)
        long_exit = open_profit < -0.02 * equity or bars_since_entry >= 5
        size = cash * 0.9 / close
        peak = max(nz(peak[1]), equity)
        plot("drawdown", equity / peak - 1)
        """;
    Evaluation before = evaluate(source, bars);
    Backtest.run(bars, before.signals(), CONFIG);
    Evaluation after = evaluate(source, changed);
    Backtest.run(changed, after.signals(), CONFIG);

    assertThat(Arrays.copyOf(after.signals().longEntry(), 100))
        .isEqualTo(Arrays.copyOf(before.signals().longEntry(), 100));
    assertThat(Arrays.copyOf(after.signals().longExit(), 100))
        .isEqualTo(Arrays.copyOf(before.signals().longExit(), 100));
    assertThat(Arrays.copyOf(after.signals().size(), 100))
        .isEqualTo(Arrays.copyOf(before.signals().size(), 100));
    assertThat(Arrays.copyOf(plot(after, "drawdown"), 100))
        .isEqualTo(Arrays.copyOf(plot(before, "drawdown"), 100));
    assertThat(Arrays.copyOfRange(plot(after, "drawdown"), 100, 200))
        .isNotEqualTo(Arrays.copyOfRange(plot(before, "drawdown"), 100, 200));
  }

  @Test
  void strategiesWithoutStateKeepTheirWholeColumnSignals() {
    CompiledStrategy plain = compile("long_entry = close > open\nlong_exit = close < open");
    CompiledStrategy plotsOnly = compile("long_entry = close > open\nplot(\"equity\", equity)");

    assertThat(plain.readsPositionState()).isFalse();
    assertThat(plain.signals(BARS, Map.of()).decider()).isNull();
    // A state read only by a plot: a sweep (no plots) stays whole-column, a shown run does not.
    assertThat(plotsOnly.signals(BARS, Map.of()).decider()).isNull();
    assertThat(plotsOnly.evaluate(BARS, Map.of(), EvaluationLimits.defaults()).signals().decider())
        .isNotNull();
  }

  @Test
  void theStateCannotBeAssignedOrFedToWindowFunctionsOrReadTooEarly() {
    assertError("equity = 5\nlong_entry = true", "'equity' is the account's state");
    assertError(
        "long_entry = sma(equity, 3) > 0", "sma cannot take a value computed from the position");
    assertError(
        "long_entry_stop = entry_price + 1",
        "long_entry_stop is an order working during the bar, so it may only use the bar's open"
            + " and earlier bars, but it uses entry_price of the current bar");
    assertError(
        "long_entry_stop = high[1]\nsize = cash / close",
        "size is read when an entry stop or limit order fills during the bar, before the bar"
            + " closes, but it uses cash of the current bar; use cash[1]");
    assertError("weight = position_size > 0 ? 0.5 : 0.2", "weight cannot use the position state");
    assertError("long_entry = rank(equity) <= 1", "rank compares the symbols of a universe");
  }

  @Test
  void theProfitOrTimeExitTemplateLeavesAtItsTargetOrAfterItsBars() {
    BarSeries bars = randomBars(9, 600);
    String source = StrategyTemplates.byId("profit_or_time_exit").orElseThrow().source();
    Map<String, Double> params = Map.of("trend", 20.0, "hold", 5.0, "target", 0.04);
    BacktestResult result = Backtest.run(bars, compile(source).signals(bars, params), CONFIG);

    List<Trade> trades = result.simulation().trades();
    assertThat(trades).hasSizeGreaterThan(3);
    double[] close = bars.close();
    for (Trade t : trades) {
      // The exit decided at bar d fills at d + 1's open: d is the first bar 5 bars after the
      // entry, or earlier when that close was 4% above the entry price.
      int decided = t.exitIndex() - 1;
      boolean target = close[decided] >= t.entryPrice() * 1.04;
      assertThat(decided - t.entryIndex() == 5 || target).as("trade %s", t).isTrue();
      for (int i = t.entryIndex(); i < decided; i++) {
        assertThat(close[i]).as("no earlier target in %s", t).isLessThan(t.entryPrice() * 1.04);
      }
    }
  }

  @Test
  void aParamOffsetThatWouldReadTheCurrentStateDuringTheBarIsRefused() {
    // Without a range, p may be overridden to 0: position_size[0] is not known at the bar's open.
    CompiledStrategy strategy =
        compile("param p = 1\nlong_entry_stop = position_size[p] == 0 ? high[1] : na");

    assertThat(strategy.signals(BARS, Map.of()).decider()).isNotNull();
    assertThatThrownBy(() -> strategy.signals(BARS, Map.of("p", 0.0)))
        .isInstanceOf(StrategyEvaluationException.class)
        .hasMessageContaining("p must be at least 1 here");
  }

  @Test
  void aUniverseRunRefusesTheState() {
    CompiledStrategy strategy = compile("long_entry = position_size == 0");

    assertThatThrownBy(
            () -> strategy.evaluateUniverse(List.of(BARS), Map.of(), EvaluationLimits.defaults()))
        .isInstanceOf(StrategyEvaluationException.class)
        .hasMessageContaining("run it on a single symbol");
  }

  private static void assertError(String source, String message) {
    List<Diagnostic> errors = StrategyCompiler.compile(source).errors();
    assertThat(errors).as("errors of %s", source).isNotEmpty();
    assertThat(errors.get(0).message()).contains(message);
  }

  private static BarSeries randomBars(long seed, int n) {
    Random random = new Random(seed);
    double[] c = new double[n];
    double price = 100;
    for (int i = 0; i < n; i++) {
      price *= 1 + (random.nextDouble() - 0.5) * 0.06;
      c[i] = Math.round(price * 100) / 100.0;
    }
    return closes(c);
  }
}
