package com.tradingbacktest.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.series.BarColumns;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.ZoneOffset;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants that must hold for any bars and any signals. */
class SimulatorPropertyTests {

  @Property(tries = 300)
  void equityIsCashPlusPositionValueOnEveryBar(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int n) {
    Random random = new Random(seed);
    BarSeries bars = randomBars(random, n, 1);
    BacktestConfig config = randomConfig(random, 10_000);
    Simulation sim = Simulator.run(bars, randomSignals(random, n, true), config);

    double cash = config.initialCapital();
    int f = 0;
    for (int i = 0; i < n; i++) {
      while (f < sim.fills().size() && sim.fills().get(f).barIndex() == i) {
        Fill fill = sim.fills().get(f++);
        cash += fill.buy() ? -(fill.value() + fill.costs()) : fill.value() - fill.costs();
      }
      double expected = cash + sim.position()[i] * bars.close()[i];
      assertThat(sim.equity()[i])
          .isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
      assertThat(cash).isGreaterThanOrEqualTo(-1e-6); // never spends more than there is
    }
  }

  @Property(tries = 300)
  void noFillComesBeforeItsSignal(@ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int n) {
    Random random = new Random(seed);
    BarSeries bars = randomBars(random, n, 1);
    Signals signals = randomSignals(random, n, false);
    // Market orders only, at the next open, without slippage: every fill must sit at a signal's
    // next open.
    BacktestConfig config =
        randomConfig(random, 10_000).toBuilder()
            .closeAtEnd(false)
            .fillMode(FillMode.NEXT_OPEN)
            .costs(CostModel.binanceSpot())
            .build();

    Simulation sim = Simulator.run(bars, signals, config);

    for (Fill fill : sim.fills()) {
      int b = fill.barIndex();
      assertThat(b).isPositive();
      boolean signalled =
          signals.longEntry[b - 1]
              || signals.longExit[b - 1]
              || signals.shortEntry[b - 1]
              || signals.shortExit[b - 1];
      assertThat(signalled).as("fill at bar %d without a signal at bar %d", b, b - 1).isTrue();
      assertThat(fill.price())
          .isEqualTo(bars.open()[b]); // no slippage configured: exactly the open
    }
  }

  @Property(tries = 200)
  void costsOnlyEverReduceEquity(@ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int n) {
    Random random = new Random(seed);
    BarSeries bars = randomBars(random, n, 1);
    Signals signals = randomSignals(random, n, true);
    // A fixed, always affordable size makes both runs trade the same quantities at the same bars.
    BacktestConfig free =
        BacktestConfig.builder()
            .initialCapital(1e9)
            .sizing(new SizingModel.FixedQuantity(3))
            .allowShort(true)
            .build();
    BacktestConfig costly =
        free.toBuilder()
            .costs(
                new CostModel(
                    0.001 * random.nextInt(5),
                    random.nextInt(3),
                    random.nextInt(2),
                    0.002,
                    0,
                    0,
                    0))
            .build();

    Simulation withoutCosts = Simulator.run(bars, signals, free);
    Simulation withCosts = Simulator.run(bars, signals, costly);

    for (int i = 0; i < n; i++) {
      assertThat(withCosts.equity()[i]).isLessThanOrEqualTo(withoutCosts.equity()[i] + 1e-6);
    }
  }

  @Property(tries = 200)
  void doublingPricesAndCapitalLeavesReturnsUnchanged(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int n) {
    Random random = new Random(seed);
    long barSeed = random.nextLong();
    long signalSeed = random.nextLong();
    // Only proportional costs: a fixed fee, a minimum or tick slippage are absolute and rightly do
    // not scale.
    BacktestConfig config =
        randomConfig(random, 10_000).toBuilder()
            .costs(
                random.nextBoolean()
                    ? new CostModel(0.00015, 0, 0, 0.002, 0.001, 0, 0)
                    : CostModel.binanceSpot())
            .build();
    BacktestConfig doubled = config.toBuilder().initialCapital(20_000).build();

    Simulation base =
        Simulator.run(
            randomBars(new Random(barSeed), n, 1),
            randomSignals(new Random(signalSeed), n, true, 1),
            config);
    Simulation scaled =
        Simulator.run(
            randomBars(new Random(barSeed), n, 2),
            randomSignals(new Random(signalSeed), n, true, 2),
            doubled);

    for (int i = 0; i < n; i++) {
      assertThat(scaled.equity()[i] / 20_000).isCloseTo(base.equity()[i] / 10_000, within(1e-9));
    }
    assertThat(scaled.trades()).hasSameSizeAs(base.trades());
  }

  @Property(tries = 100)
  void aStrategyThatNeverTradesEndsWithItsCapital(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int n) {
    Random random = new Random(seed);
    BacktestConfig config = randomConfig(random, 12_345);

    Simulation sim = Simulator.run(randomBars(random, n, 1), Signals.builder(n).build(), config);

    assertThat(sim.equity()).containsOnly(12_345);
  }

  /** A random walk with valid OHLC, every price multiplied by {@code scale}. */
  static BarSeries randomBars(Random random, int n, double scale) {
    BarColumns bars = new BarColumns(n);
    double price = 50 + random.nextInt(100);
    for (int i = 0; i < n; i++) {
      double open = price * (1 + (random.nextDouble() - 0.5) * 0.04);
      double close = open * (1 + (random.nextDouble() - 0.5) * 0.06);
      double high = Math.max(open, close) * (1 + random.nextDouble() * 0.03) * scale;
      double low = Math.min(open, close) * (1 - random.nextDouble() * 0.03) * scale;
      bars.bar(i, Bars.START + i * Bars.DAY, open * scale, high, low, close * scale, 1000);
      price = close;
    }
    return bars.build("RND", Interval.D1, MarketCalendar.CRYPTO, ZoneOffset.UTC);
  }

  static Signals randomSignals(Random random, int n, boolean withProtection) {
    return randomSignals(random, n, withProtection, 1);
  }

  /** Random signals; entry-stop price levels are multiplied by {@code priceScale} like the bars. */
  static Signals randomSignals(Random random, int n, boolean withProtection, double priceScale) {
    boolean[] le = new boolean[n];
    boolean[] lx = new boolean[n];
    boolean[] se = new boolean[n];
    boolean[] sx = new boolean[n];
    for (int i = 0; i < n; i++) {
      le[i] = random.nextInt(5) == 0;
      lx[i] = random.nextInt(5) == 0;
      se[i] = random.nextInt(6) == 0;
      sx[i] = random.nextInt(5) == 0;
    }
    Signals.Builder b = Signals.builder(n).longEntry(le).longExit(lx).shortEntry(se).shortExit(sx);
    if (withProtection) {
      if (random.nextBoolean()) {
        b.stopLoss(0.01 + random.nextDouble() * 0.05);
      }
      if (random.nextBoolean()) {
        b.takeProfit(0.01 + random.nextDouble() * 0.08);
      }
      if (random.nextBoolean()) {
        b.trailingStop(0.01 + random.nextDouble() * 0.05);
      }
      if (random.nextBoolean()) {
        double[] stops = new double[n];
        for (int i = 0; i < n; i++) {
          stops[i] = random.nextInt(4) == 0 ? (40 + random.nextInt(200)) * priceScale : Double.NaN;
        }
        b.longEntryStop(stops);
      }
    }
    return b.build();
  }

  static BacktestConfig randomConfig(Random random, double capital) {
    CostModel costs =
        switch (random.nextInt(4)) {
          case 0 -> CostModel.none();
          case 1 -> CostModel.krxStock();
          case 2 -> CostModel.binanceSpot();
          default -> new CostModel(0.0005, 0.5, 1, 0.001, 0.0005, 1, 0.01);
        };
    return BacktestConfig.builder()
        .initialCapital(capital)
        .costs(costs)
        .fillMode(random.nextInt(3) == 0 ? FillMode.CLOSE : FillMode.NEXT_OPEN)
        .allowShort(random.nextBoolean())
        .closeAtEnd(random.nextBoolean())
        .quantityStep(random.nextBoolean() ? 1 : 0.001)
        .sizing(random.nextBoolean() ? SizingModel.allIn() : new SizingModel.FractionOfEquity(0.5))
        .build();
  }
}
