package com.tradingbacktest.engine.portfolio;

import com.tradingbacktest.engine.series.BarColumns;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.EndPrice;
import com.tradingbacktest.engine.sim.FillMode;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.SizingModel;
import java.time.ZoneOffset;
import java.util.Random;

/** Random bars, signals and settings for the portfolio's properties. */
final class Generated {

  static final long DAY = 86_400_000L;
  static final long START = 1_704_067_200_000L; // 2024-01-01T00:00Z

  private Generated() {}

  /** A random walk of daily bars from {@link #START}, one bar every {@code every} days. */
  static BarSeries bars(Random random, String symbol, int n, int every) {
    BarColumns bars = new BarColumns(n);
    double price = 50 + random.nextInt(100);
    for (int i = 0; i < n; i++) {
      double open = price * (1 + (random.nextDouble() - 0.5) * 0.04);
      double close = open * (1 + (random.nextDouble() - 0.5) * 0.06);
      double high = Math.max(open, close) * (1 + random.nextDouble() * 0.03);
      double low = Math.min(open, close) * (1 - random.nextDouble() * 0.03);
      bars.bar(i, START + (long) i * every * DAY, open, high, low, close, 1000);
      price = close;
    }
    return bars.build(symbol, Interval.D1, MarketCalendar.CRYPTO, ZoneOffset.UTC);
  }

  /**
   * Daily bars that move up to 40% a bar, gaps included: shorts (and leveraged longs) lose their
   * whole equity often enough to test liquidations.
   */
  static BarSeries wildBars(Random random, String symbol, int n) {
    BarColumns bars = new BarColumns(n);
    double price = 50 + random.nextInt(100);
    for (int i = 0; i < n; i++) {
      double open = price * (1 + (random.nextDouble() - 0.3) * 0.6);
      double close = open * (1 + (random.nextDouble() - 0.3) * 0.6);
      double high = Math.max(open, close) * (1 + random.nextDouble() * 0.3);
      double low = Math.min(open, close) * (1 - random.nextDouble() * 0.2);
      bars.bar(i, START + (long) i * DAY, open, high, low, close, 1000);
      price = close;
    }
    return bars.build(symbol, Interval.D1, MarketCalendar.CRYPTO, ZoneOffset.UTC);
  }

  /** Every kind of order: market entries and exits both ways, stops, limits, protection, sizes. */
  static Signals signals(Random random, int n) {
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
      b.longEntryStop(levels(random, n));
    }
    if (random.nextBoolean()) {
      b.longEntryLimit(levels(random, n));
    }
    if (random.nextBoolean()) {
      b.shortEntryStop(levels(random, n));
    }
    if (random.nextBoolean()) {
      b.shortEntryLimit(levels(random, n));
    }
    if (random.nextInt(3) == 0) {
      double[] size = new double[n];
      for (int i = 0; i < n; i++) {
        size[i] =
            switch (random.nextInt(3)) {
              case 0 -> Double.NaN;
              case 1 -> 0.1 + random.nextDouble() * 0.8;
              default -> 1 + random.nextInt(20);
            };
      }
      b.size(size);
    }
    return b.build();
  }

  private static double[] levels(Random random, int n) {
    double[] levels = new double[n];
    for (int i = 0; i < n; i++) {
      levels[i] = random.nextInt(4) == 0 ? 40 + random.nextInt(200) : Double.NaN;
    }
    return levels;
  }

  static BacktestConfig config(Random random) {
    CostModel costs =
        switch (random.nextInt(4)) {
          case 0 -> CostModel.none();
          case 1 -> CostModel.krxStock();
          case 2 -> CostModel.binanceSpot();
          default -> new CostModel(0.0005, 0.5, 1, 0.001, 0.0005, 1, 0.01);
        };
    SizingModel sizing =
        switch (random.nextInt(4)) {
          case 0 -> SizingModel.allIn();
          case 1 -> new SizingModel.FractionOfEquity(0.5);
          case 2 -> new SizingModel.FixedCash(3_000);
          default -> new SizingModel.FixedQuantity(7);
        };
    return BacktestConfig.builder()
        .initialCapital(10_000)
        .costs(costs)
        .fillMode(random.nextInt(3) == 0 ? FillMode.CLOSE : FillMode.NEXT_OPEN)
        .allowShort(random.nextBoolean())
        .closeAtEnd(random.nextBoolean())
        .closeAtEndPrice(random.nextBoolean() ? EndPrice.OPEN : EndPrice.CLOSE)
        .quantityStep(random.nextBoolean() ? 1 : 0.001)
        .riskFreeRate(random.nextBoolean() ? 0 : 0.03)
        .sizing(sizing)
        .build();
  }
}
