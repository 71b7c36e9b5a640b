package com.tradingbacktest.engine.robust;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.Signals;
import java.time.ZoneOffset;

/** Test helpers: daily bars from closes and a real run over them. */
final class RobustFixtures {

  static final long DAY = 86_400_000L;
  static final long START = 1_704_067_200_000L; // 2024-01-01T00:00Z

  private RobustFixtures() {}

  /** Daily bars where open = previous close, high/low 1 beyond the body. */
  static BarSeries closes(double... closes) {
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
        "T", Interval.D1, MarketCalendar.CRYPTO, ZoneOffset.UTC, t, o, h, l, closes, v);
  }

  /** A run entering on every {@code entries} flag and leaving on every {@code exits} flag. */
  static BacktestResult run(BarSeries bars, boolean[] entries, boolean[] exits) {
    Signals signals = Signals.builder(bars.size()).longEntry(entries).longExit(exits).build();
    return Backtest.run(bars, signals, BacktestConfig.defaults());
  }

  /** One winning trade on closes 10, 11, 12 (any metrics will do where they are not read). */
  static BacktestResult oneWinningTrade() {
    return run(
        closes(10, 11, 12), new boolean[] {true, false, false}, new boolean[] {false, true, false});
  }
}
