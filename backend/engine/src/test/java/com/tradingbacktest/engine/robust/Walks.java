package com.tradingbacktest.engine.robust;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.StrategyCompiler;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.time.ZoneOffset;
import java.util.Random;

/** Test helpers: daily bars from closes or a random walk, compiled strategies. */
final class Walks {

  static final long DAY = 86_400_000L;
  static final long START = 1_704_067_200_000L; // 2024-01-01T00:00Z

  private Walks() {}

  /** Daily bars of {@code symbol} where open = previous close, high/low 1 beyond the body. */
  static BarSeries closes(String symbol, double... closes) {
    int n = closes.length;
    long[] t = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = START + i * DAY;
      o[i] = i == 0 ? closes[0] : closes[i - 1];
      h[i] = Math.max(o[i], closes[i]) + 1;
      l[i] = Math.min(o[i], closes[i]) - 1;
      v[i] = 1000;
    }
    return BarSeries.of(
        symbol, Interval.D1, MarketCalendar.CRYPTO, ZoneOffset.UTC, t, o, h, l, closes, v);
  }

  static BarSeries closes(double... closes) {
    return closes("T", closes);
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
    StrategyCompiler.Compilation c = StrategyCompiler.compile(source);
    assertThat(c.errors()).as("compile errors of:%n%s", source).isEmpty();
    return c.strategy();
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
