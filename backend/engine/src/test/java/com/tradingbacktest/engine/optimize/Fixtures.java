package com.tradingbacktest.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.StrategyCompiler;
import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.Signals;
import java.time.ZoneOffset;

/**
 * Test helpers: daily bars from closes, compiled strategies, a run with known metrics. Public for
 * the robustness tests, which build on the same bars.
 */
public final class Fixtures {

  public static final long DAY = 86_400_000L;
  public static final long START = 1_704_067_200_000L; // 2024-01-01T00:00Z

  private Fixtures() {}

  /** Daily bars of symbol T where open = previous close, high/low 1 beyond the body. */
  public static BarSeries closes(double... closes) {
    return closes("T", closes);
  }

  /** Daily bars of {@code symbol} where open = previous close, high/low 1 beyond the body. */
  public static BarSeries closes(String symbol, double... closes) {
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

  public static CompiledStrategy compile(String source) {
    StrategyCompiler.Compilation c = StrategyCompiler.compile(source);
    assertThat(c.errors()).as("compile errors of:%n%s", source).isEmpty();
    return c.strategy();
  }

  /**
   * One winning trade on closes 10, 11, 12: in at bar 1's open (10) with 1,000 units, out at bar
   * 2's open (11). total_return 0.1, trade_count 1, win_rate 1, profit_factor +Infinity, sqn NaN
   * (one trade).
   */
  public static PerformanceMetrics oneWinningTrade() {
    BarSeries bars = closes(10, 11, 12);
    Signals signals =
        Signals.builder(3)
            .longEntry(new boolean[] {true, false, false})
            .longExit(new boolean[] {false, true, false})
            .build();
    return Backtest.run(bars, signals, BacktestConfig.defaults()).metrics();
  }
}
