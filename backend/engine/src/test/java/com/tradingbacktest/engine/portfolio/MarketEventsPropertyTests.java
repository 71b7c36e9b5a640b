package com.tradingbacktest.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.market.Board;
import com.tradingbacktest.engine.market.KrxPriceLimits;
import com.tradingbacktest.engine.market.MarketRules;
import com.tradingbacktest.engine.series.BarColumns;
import com.tradingbacktest.engine.series.BarEvents;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.Fill;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.Simulation;
import com.tradingbacktest.engine.sim.Trade;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** Dividends, halts and KRX rules over random bars, signals and settings. */
class MarketEventsPropertyTests {

  private static final byte UPPER = 1;
  private static final byte LOWER = 2;

  /** Events that say nothing (no dividend, no halt) leave the plain run's results to the bit. */
  @Property(tries = 300)
  void eventsThatSayNothingChangeNothing(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int n) {
    Random random = new Random(seed);
    BarSeries bars = Generated.bars(random, "ONE", n, 1);
    Signals signals = Generated.signals(random, n);
    BacktestConfig config = Generated.config(random);

    BacktestResult plain = Backtest.run(bars, signals, config);
    BacktestResult routed =
        Backtest.run(
            bars.withEvents(new BarEvents(new double[n], new boolean[n])), signals, config);

    Simulation a = routed.simulation();
    Simulation e = plain.simulation();
    assertThat(a.equity()).isEqualTo(e.equity());
    assertThat(a.fills()).isEqualTo(e.fills());
    assertThat(a.trades()).isEqualTo(e.trades());
    assertThat(a.openTrade()).isEqualTo(e.openTrade());
    assertThat(routed.metrics().toMap()).isEqualTo(plain.metrics().toMap());
    assertThat(routed.metrics().buyAndHoldEquity()).isEqualTo(plain.metrics().buyAndHoldEquity());
  }

  /**
   * No fill at a halted bar, no buy at a bar locked at its upper limit and no sell at one locked at
   * its lower limit; the trades' dividends add up to the run's total.
   */
  @Property(tries = 400)
  void nothingFillsWhereTheMarketRefusesItAndDividendsAddUp(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 120) int n) {
    Random random = new Random(seed);
    BarSeries walk = Generated.bars(random, "ONE", n, 1);
    byte[] locked = new byte[n];
    BarSeries bars = krxBars(random, walk, locked);
    boolean[] halted = new boolean[n];
    double[] dividend = new double[n];
    for (int i = 0; i < n; i++) {
      halted[i] = random.nextInt(12) == 0;
      dividend[i] = random.nextInt(15) == 0 ? Math.round(bars.close()[i] * 0.01) : 0;
    }
    bars = bars.withEvents(new BarEvents(dividend, halted));
    Signals signals = Generated.signals(random, n);
    BacktestConfig config =
        Generated.config(random).toBuilder()
            .initialCapital(10_000_000)
            .marketRules(
                MarketRules.krx(random.nextBoolean() ? Board.KOSPI : Board.KOSDAQ)
                    .withPriceLimits(random.nextInt(5) > 0))
            .build();
    boolean limits = config.marketRules().priceLimits();

    BacktestResult result = Backtest.run(bars, signals, config);

    Simulation sim = result.simulation();
    for (Fill f : sim.fills()) {
      int i = f.barIndex();
      assertThat(halted[i]).as("a fill at halted bar %d", i).isFalse();
      if (limits) {
        assertThat(f.buy() && locked[i] == UPPER).as("a buy at upper-locked bar %d", i).isFalse();
        assertThat(!f.buy() && locked[i] == LOWER).as("a sell at lower-locked bar %d", i).isFalse();
      }
    }
    double dividends = 0;
    for (Trade t : sim.trades()) {
      dividends += t.dividends();
    }
    if (sim.openTrade() != null) {
      dividends += sim.openTrade().dividends();
    }
    assertThat(dividends).isCloseTo(result.metrics().totalDividends(), within(1e-6));
    for (double e : sim.equity()) {
      assertThat(e).isFinite();
    }
    Statistics.label("waited").collect(sim.fills().stream().anyMatch(f -> f.note() != null));
    Statistics.label("dividends").collect(result.metrics().totalDividends() != 0);
    Statistics.label("waited").coverage(c -> c.check(true).percentage(p -> p >= 10));
    Statistics.label("dividends").coverage(c -> c.check(true).percentage(p -> p >= 10));
  }

  /**
   * The walk at KRX prices (x 100: 5,000 to 15,000 KRW, across the 10,000 band bound), a tenth of
   * its bars replaced by a day locked at its upper or lower limit from the previous close, marked
   * in {@code locked}.
   */
  private static BarSeries krxBars(Random random, BarSeries walk, byte[] locked) {
    int n = walk.size();
    BarColumns columns = new BarColumns(n);
    double previous = Double.NaN;
    for (int i = 0; i < n; i++) {
      double o = Math.round(walk.open()[i] * 100);
      double h = Math.round(walk.high()[i] * 100);
      double l = Math.round(walk.low()[i] * 100);
      double c = Math.round(walk.close()[i] * 100);
      if (i > 0 && random.nextInt(10) == 0) {
        KrxPriceLimits.Limits limits =
            KrxPriceLimits.of(
                Board.KOSDAQ,
                Instant.ofEpochMilli(walk.times()[i]).atZone(ZoneOffset.UTC).toLocalDate(),
                previous);
        boolean up = random.nextBoolean();
        double p = up ? limits.upper() : limits.lower();
        o = h = l = c = p;
        locked[i] = up ? UPPER : LOWER;
      }
      columns.bar(
          i, walk.times()[i], o, Math.max(h, Math.max(o, c)), Math.min(l, Math.min(o, c)), c, 1000);
      previous = c;
    }
    return columns.build("ONE", Interval.D1, MarketCalendar.STOCK, ZoneOffset.UTC);
  }
}
