package com.tradingbacktest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.indicator.Crosses;
import com.tradingbacktest.engine.indicator.Indicators;
import com.tradingbacktest.engine.metrics.Metrics;
import com.tradingbacktest.engine.metrics.MetricsInput;
import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.series.BarColumns;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.FillMode;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.Simulation;
import com.tradingbacktest.engine.sim.Simulator;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Backtest#run} computes the per-bar metrics inside the simulation's bar loop; they must be
 * exactly (bit for bit) what {@link Metrics#compute} gives on the finished columns.
 */
class BacktestTests {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 31, 5_000})
  void metricsComputedDuringTheSimulationEqualThoseComputedAfterIt(int n) {
    BarSeries bars = randomWalk(n, ZoneId.of("America/New_York"));
    double[] fast = Indicators.sma(bars.close(), Math.min(5, n));
    double[] slow = Indicators.sma(bars.close(), Math.min(20, n));
    boolean[] up = Crosses.crossover(fast, slow);
    boolean[] down = Crosses.crossunder(fast, slow);
    List<Signals> strategies =
        List.of(
            Signals.builder(n).longEntry(up).longExit(down).build(),
            Signals.builder(n).longEntry(up).shortEntry(down).shortExit(up).build(),
            Signals.builder(n).longEntry(up).stopLoss(0.01).takeProfit(0.03).build());
    List<BacktestConfig> configs =
        List.of(
            BacktestConfig.builder().costs(CostModel.ofCommissionRate(0.001)).build(),
            BacktestConfig.builder()
                .fillMode(FillMode.CLOSE)
                .allowShort(true)
                .riskFreeRate(0.04)
                .initialCapital(777)
                .build());
    for (Signals signals : strategies) {
      for (BacktestConfig config : configs) {
        BacktestResult fused = Backtest.run(bars, signals, config);
        Simulation sim = Simulator.run(bars, signals, config);
        PerformanceMetrics separate =
            Metrics.compute(
                new MetricsInput(
                    bars.times(),
                    sim.equity(),
                    bars.close(),
                    sim.inMarket(),
                    sim.trades(),
                    sim.commissions(),
                    config.initialCapital(),
                    bars.calendar(),
                    bars.interval(),
                    bars.zone(),
                    config.riskFreeRate()));
        // Double.compare tells -0.0 from 0.0 and NaN equals NaN: this is exact equality.
        assertThat(fused.metrics())
            .usingRecursiveComparison()
            .withComparatorForType(Double::compare, Double.class)
            .isEqualTo(separate);
        assertThat(fused.simulation())
            .usingRecursiveComparison()
            .withComparatorForType(Double::compare, Double.class)
            .isEqualTo(sim);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {31, 5_000, 20_000}) // 20,000: runs of quiet bars cut at progress checks
  void quietBarsTakeTheShortPathWithTheSameResultAsTheFullOne(int n) {
    BarSeries bars = randomWalk(n, ZoneId.of("Asia/Seoul"));
    double[] fast = Indicators.sma(bars.close(), Math.min(3, n));
    double[] slow = Indicators.sma(bars.close(), Math.min(12, n));
    boolean[] up = Crosses.crossover(fast, slow);
    boolean[] down = Crosses.crossunder(fast, slow);
    double[] none = new double[n];
    java.util.Arrays.fill(none, Double.NaN);
    // NEXT_OPEN: a bar whose signal only queues an order ends a quiet run (long only, with shorts
    // and reversals, and closing at the end at the open); CLOSE: a signal bar takes the full path.
    for (BacktestConfig config :
        List.of(
            BacktestConfig.builder().closeAtEnd(true).build(),
            BacktestConfig.builder().allowShort(true).build(),
            BacktestConfig.builder()
                .allowShort(true)
                .closeAtEnd(true)
                .closeAtEndPrice(com.tradingbacktest.engine.sim.EndPrice.OPEN)
                .costs(CostModel.ofCommissionRate(0.001))
                .build(),
            BacktestConfig.builder().fillMode(FillMode.CLOSE).allowShort(true).build())) {
      Signals.Builder marketOnly =
          Signals.builder(n).longEntry(up).longExit(down).shortEntry(down).shortExit(up);
      // A stop-loss column of NaN (no stop on any bar) changes nothing but sends every bar
      // through the full path of the bar loop.
      Signals.Builder fullPath =
          Signals.builder(n)
              .longEntry(up)
              .longExit(down)
              .shortEntry(down)
              .shortExit(up)
              .stopLoss(none);
      Simulation quick = Simulator.run(bars, marketOnly.build(), config);
      Simulation full = Simulator.run(bars, fullPath.build(), config);
      assertThat(quick.fills()).isNotEmpty();
      assertThat(quick)
          .usingRecursiveComparison()
          .withComparatorForType(Double::compare, Double.class)
          .isEqualTo(full);
    }
  }

  @org.junit.jupiter.api.Test
  void backtestsOnTheSameBarsAndCapitalShareOneBuyAndHoldCurve() {
    int n = 300;
    BarSeries bars = randomWalk(n, ZoneId.of("UTC"));
    boolean[] up = Crosses.crossover(Indicators.sma(bars.close(), 5), bars.close());
    Signals signals = Signals.builder(n).longEntry(up).build();
    BacktestConfig small = BacktestConfig.builder().initialCapital(500).build();
    double[] first =
        Backtest.run(bars, signals, BacktestConfig.defaults()).metrics().buyAndHoldEquity();
    double[] second =
        Backtest.run(bars, signals, BacktestConfig.defaults()).metrics().buyAndHoldEquity();
    double[] other = Backtest.run(bars, signals, small).metrics().buyAndHoldEquity();
    double[] again =
        Backtest.run(bars, signals, BacktestConfig.defaults()).metrics().buyAndHoldEquity();
    assertThat(second).isSameAs(first);
    assertThat(other).isNotSameAs(first);
    double capital = BacktestConfig.defaults().initialCapital();
    for (int i = 0; i < n; i++) {
      assertThat(first[i]).isEqualTo(capital * (bars.close()[i] / bars.close()[0]));
      assertThat(other[i]).isEqualTo(500 * (bars.close()[i] / bars.close()[0]));
    }
    assertThat(again).isEqualTo(first);
  }

  /** Hourly bars across DST changes, so months start at both UTC offsets of the zone. */
  private static BarSeries randomWalk(int n, ZoneId zone) {
    Random random = new Random(42);
    BarColumns columns = new BarColumns(n);
    double price = 100;
    long t = 1_700_000_000_000L;
    for (int i = 0; i < n; i++) {
      double open = price;
      price *= Math.exp(random.nextGaussian() * 0.01);
      double high = Math.max(open, price) * 1.002;
      double low = Math.min(open, price) * 0.998;
      columns.bar(i, t + i * 3_600_000L, open, high, low, price, 10);
    }
    return columns.build("WALK", Interval.H1, MarketCalendar.STOCK, zone);
  }
}
