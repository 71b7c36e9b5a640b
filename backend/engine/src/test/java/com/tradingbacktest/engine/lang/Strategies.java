package com.tradingbacktest.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.Signals;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test helpers: compile or fail with the errors; bars from closes; indices where a column is true.
 */
final class Strategies {

  static final long DAY = 86_400_000L;
  static final long START = 1_704_067_200_000L; // Monday 2024-01-01T00:00Z

  private Strategies() {}

  static CompiledStrategy compile(String source) {
    StrategyCompiler.Compilation c = StrategyCompiler.compile(source);
    assertThat(c.errors()).as("compile errors of:%n%s", source).isEmpty();
    return c.strategy();
  }

  static Signals signals(String source, BarSeries bars, Map<String, Double> params) {
    return compile(source).signals(bars, params);
  }

  /** Daily bars where open = previous close, high/low 1 beyond the body. */
  static BarSeries closes(double... closes) {
    int n = closes.length;
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    for (int i = 0; i < n; i++) {
      o[i] = i == 0 ? closes[0] : closes[i - 1];
      h[i] = Math.max(o[i], closes[i]) + 1;
      l[i] = Math.min(o[i], closes[i]) - 1;
    }
    return bars(o, h, l, closes);
  }

  static BarSeries bars(double[] o, double[] h, double[] l, double[] c) {
    int n = c.length;
    long[] t = new long[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = START + i * DAY;
      v[i] = 100 + i;
    }
    return BarSeries.of("T", Interval.D1, MarketCalendar.CRYPTO, ZoneOffset.UTC, t, o, h, l, c, v);
  }

  static List<Integer> trueAt(boolean[] column) {
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < column.length; i++) {
      if (column[i]) {
        at.add(i);
      }
    }
    return at;
  }
}
