package com.tradingbacktest.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.Fill;
import com.tradingbacktest.engine.sim.Side;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.Simulation;
import com.tradingbacktest.engine.sim.Trade;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Runs in lots (docs/ENGINE.md, "Pyramiding and partial exits") against the simulator and against
 * their own accounts.
 */
class LotPropertyTests {

  /**
   * A run in lots that never adds a lot nor scales out is today's run: with a scale-out column that
   * never fires (so the run takes the lot path) and a pyramiding of 1, every fill, trade, equity,
   * position and metric equals the simulator's to the last bit.
   */
  @Property(tries = 300)
  void lotsWithOneEntryEqualTheSimulatorBitForBit(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 120) int n) {
    Random random = new Random(seed);
    BarSeries bars = Generated.bars(random, "ONE", n, 1);
    Signals plain = Generated.signals(random, n);
    BacktestConfig config = Generated.config(random);
    double[] never = new double[n];
    Arrays.fill(never, Double.NaN);
    Signals inLots = copy(plain, n).exitFraction(never).build();
    assertThat(config.tradesInLots(plain)).isFalse();
    assertThat(config.tradesInLots(inLots)).isTrue();

    BacktestResult expected = Backtest.run(bars, plain, config);
    BacktestResult actual = Backtest.run(bars, inLots, config);

    Simulation e = expected.simulation();
    Simulation a = actual.simulation();
    assertThat(a.equity()).isEqualTo(e.equity());
    assertThat(a.position()).isEqualTo(e.position());
    assertThat(a.inMarket()).isEqualTo(e.inMarket());
    assertThat(a.fills()).isEqualTo(e.fills());
    assertThat(a.trades()).isEqualTo(e.trades());
    assertThat(a.openTrade()).isEqualTo(e.openTrade());
    assertThat(a.rejectedOrders()).isEqualTo(e.rejectedOrders());
    assertThat(Double.doubleToLongBits(a.commissions()))
        .isEqualTo(Double.doubleToLongBits(e.commissions()));
    assertThat(actual.metrics().toMap()).isEqualTo(expected.metrics().toMap());
    assertThat(actual.metrics().drawdown()).isEqualTo(expected.metrics().drawdown());
    assertThat(actual.metrics().monthlyReturns()).isEqualTo(expected.metrics().monthlyReturns());
  }

  /**
   * However lots are added and scaled out, the trade parts account for every unit and every cost:
   * with everything closed at the end, the trades' units are half the units filled (each one bought
   * and sold once), their costs are the commissions, and the equity is the capital plus their P&L.
   */
  @Property(tries = 300)
  void tradePartsAccountForEveryUnitAndCost(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 120) int n,
      @ForAll @IntRange(min = 1, max = 5) int pyramiding) {
    Random random = new Random(seed);
    BarSeries bars = Generated.bars(random, "ONE", n, 1);
    double[] fraction = new double[n];
    for (int i = 0; i < n; i++) {
      fraction[i] = random.nextInt(4) == 0 ? random.nextDouble() * 1.2 : Double.NaN;
    }
    Signals signals = copy(Generated.signals(random, n), n).exitFraction(fraction).build();
    BacktestConfig config =
        Generated.config(random).toBuilder().closeAtEnd(true).pyramiding(pyramiding).build();

    Simulation sim = Backtest.run(bars, signals, config).simulation();

    double pnl = sim.trades().stream().mapToDouble(Trade::pnl).sum();
    double costs = sim.trades().stream().mapToDouble(Trade::costs).sum();
    double units = sim.trades().stream().mapToDouble(Trade::quantity).sum();
    double filled = sim.fills().stream().mapToDouble(Fill::quantity).sum();
    double capital = config.initialCapital();
    assertThat(sim.openTrade()).isNull();
    assertThat(sim.position()[n - 1]).isZero();
    assertThat(units).isCloseTo(filled / 2, within(1e-9 * Math.max(1, filled)));
    assertThat(costs).isCloseTo(sim.commissions(), within(1e-9 * capital));
    assertThat(sim.finalEquity()).isCloseTo(capital + pnl, within(1e-9 * capital));
    // Each trade part is attributed to the fill that opened its lot: same bar, price and side.
    for (Trade t : sim.trades()) {
      assertThat(sim.fills())
          .as("the entry fill of %s", t)
          .anyMatch(
              f ->
                  f.barIndex() == t.entryIndex()
                      && f.price() == t.entryPrice()
                      && f.buy() == (t.side() == Side.LONG)
                      && f.quantity() >= t.quantity() * (1 - 1e-9));
    }
  }

  /**
   * No look-ahead in lots: two runs whose bars and signals agree up to bar {@code k} and differ
   * after it have the same fills, trades and equity up to bar {@code k}.
   */
  @Property(tries = 200)
  void laterBarsAndSignalsDoNotChangeEarlierLots(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 80) int n,
      @ForAll @IntRange(min = 0, max = 79) int cut,
      @ForAll @IntRange(min = 2, max = 5) int pyramiding) {
    int k = Math.min(cut, n - 1);
    Random random = new Random(seed);
    BarSeries first = Generated.bars(random, "ONE", n, 1);
    BarSeries other = Generated.bars(random, "ONE", n, 1);
    BarSeries spliced = splice(first, other, k);
    Signals signals = withFractions(Generated.signals(random, n), random, n);
    Signals later = withFractions(Generated.signals(random, n), random, n);
    BacktestConfig config = Generated.config(random).toBuilder().pyramiding(pyramiding).build();

    Simulation a = Backtest.run(first, signals, config).simulation();
    Simulation b = Backtest.run(spliced, splice(signals, later, k, n), config).simulation();

    assertThat(Arrays.copyOf(b.equity(), k + 1)).isEqualTo(Arrays.copyOf(a.equity(), k + 1));
    assertThat(b.fills().stream().filter(f -> f.barIndex() <= k).toList())
        .isEqualTo(a.fills().stream().filter(f -> f.barIndex() <= k).toList());
    assertThat(b.trades().stream().filter(t -> t.exitIndex() <= k).toList())
        .isEqualTo(a.trades().stream().filter(t -> t.exitIndex() <= k).toList());
  }

  private static Signals withFractions(Signals s, Random random, int n) {
    double[] fraction = new double[n];
    for (int i = 0; i < n; i++) {
      fraction[i] = random.nextInt(4) == 0 ? random.nextDouble() : Double.NaN;
    }
    return copy(s, n).exitFraction(fraction).build();
  }

  /** The bars of {@code first} up to bar {@code k}, then those of {@code other}. */
  private static BarSeries splice(BarSeries first, BarSeries other, int k) {
    return BarSeries.of(
        first.symbol(),
        first.interval(),
        first.calendar(),
        first.zone(),
        first.times(),
        spliced(first.open(), other.open(), k),
        spliced(first.high(), other.high(), k),
        spliced(first.low(), other.low(), k),
        spliced(first.close(), other.close(), k),
        spliced(first.volume(), other.volume(), k));
  }

  /** Every column of {@code first} up to bar {@code k}, then {@code later}'s. */
  private static Signals splice(Signals first, Signals later, int k, int n) {
    return Signals.builder(n)
        .longEntry(spliced(first.longEntry(), later.longEntry(), k))
        .longExit(spliced(first.longExit(), later.longExit(), k))
        .shortEntry(spliced(first.shortEntry(), later.shortEntry(), k))
        .shortExit(spliced(first.shortExit(), later.shortExit(), k))
        .longEntryStop(spliced(first.longEntryStop(), later.longEntryStop(), k))
        .longEntryLimit(spliced(first.longEntryLimit(), later.longEntryLimit(), k))
        .shortEntryStop(spliced(first.shortEntryStop(), later.shortEntryStop(), k))
        .shortEntryLimit(spliced(first.shortEntryLimit(), later.shortEntryLimit(), k))
        .stopLoss(spliced(first.stopLoss(), later.stopLoss(), k))
        .takeProfit(spliced(first.takeProfit(), later.takeProfit(), k))
        .trailingStop(spliced(first.trailingStop(), later.trailingStop(), k))
        .size(spliced(first.size(), later.size(), k))
        .exitFraction(spliced(first.exitFraction(), later.exitFraction(), k))
        .build();
  }

  private static double[] spliced(double[] first, double[] later, int k) {
    if (first == null) {
      return null;
    }
    double[] out = first.clone();
    if (later != null) {
      System.arraycopy(later, k + 1, out, k + 1, out.length - k - 1);
    }
    return out;
  }

  private static boolean[] spliced(boolean[] first, boolean[] later, int k) {
    if (first == null) {
      return null;
    }
    boolean[] out = first.clone();
    if (later != null) {
      System.arraycopy(later, k + 1, out, k + 1, out.length - k - 1);
    }
    return out;
  }

  private static Signals.Builder copy(Signals s, int n) {
    return Signals.builder(n)
        .longEntry(s.longEntry())
        .longExit(s.longExit())
        .shortEntry(s.shortEntry())
        .shortExit(s.shortExit())
        .longEntryStop(s.longEntryStop())
        .longEntryLimit(s.longEntryLimit())
        .shortEntryStop(s.shortEntryStop())
        .shortEntryLimit(s.shortEntryLimit())
        .stopLoss(s.stopLoss())
        .takeProfit(s.takeProfit())
        .trailingStop(s.trailingStop())
        .size(s.size());
  }
}
