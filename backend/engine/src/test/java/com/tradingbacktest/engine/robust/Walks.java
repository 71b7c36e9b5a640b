package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.optimize.Fixtures;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.Signals;
import java.util.Random;

/**
 * Test helpers: daily bars from closes (as the optimiser's tests build them) or a random walk,
 * compiled strategies, a run from entry and exit flags.
 */
final class Walks {

  static final long DAY = Fixtures.DAY;
  static final long START = Fixtures.START;

  private Walks() {}

  static BarSeries closes(String symbol, double... closes) {
    return Fixtures.closes(symbol, closes);
  }

  static BarSeries closes(double... closes) {
    return Fixtures.closes(closes);
  }

  /** A random walk of {@code n} daily closes from 100, steps of up to 2% either way. */
  static BarSeries walk(long seed, int n) {
    return closes("T", walkCloses(new Random(seed), n));
  }

  static double[] walkCloses(Random random, int n) {
    double[] c = new double[n];
    double price = 100;
    for (int i = 0; i < n; i++) {
      price *= 1 + (random.nextDouble() - 0.5) * 0.04;
      c[i] = Math.round(price * 100) / 100.0;
    }
    return c;
  }

  static CompiledStrategy compile(String source) {
    return Fixtures.compile(source);
  }

  /** A run entering on every {@code entries} flag and leaving on every {@code exits} flag. */
  static BacktestResult run(BarSeries bars, boolean[] entries, boolean[] exits) {
    Signals signals = Signals.builder(bars.size()).longEntry(entries).longExit(exits).build();
    return Backtest.run(bars, signals, BacktestConfig.defaults());
  }

  /** A moving-average crossover with a warm-up of {@code slow} bars. */
  static final CompiledStrategy CROSSOVER =
      compile(
          """
          param fast = 5 in 2..30
          param slow = 20 in 5..80
          long_entry = crossover(sma(close, fast), sma(close, slow))
          long_exit = crossunder(sma(close, fast), sma(close, slow))
          """);
}
