package com.tradingbacktest.engine.metrics;

import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.ExitReason;
import com.tradingbacktest.engine.sim.Side;
import com.tradingbacktest.engine.sim.Trade;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds {@link MetricsInput}s for tests. Defaults: daily crypto bars one day apart from 2024-01-01
 * UTC, initial capital = first equity, closes = equity, never in the market, no trades, no
 * commissions, no risk-free rate.
 */
final class Inputs {

  static final long HOUR = 3_600_000L;
  static final long DAY = 86_400_000L;
  static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
  static final ZoneId UTC = ZoneOffset.UTC;
  static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  private long[] times;
  private final double[] equity;
  private double[] close;
  private boolean[] inMarket;
  private List<Trade> trades = List.of();
  private double commissions;
  private double capital;
  private MarketCalendar calendar = MarketCalendar.CRYPTO;
  private Interval interval = Interval.D1;
  private ZoneId zone = UTC;
  private double riskFreeRate;

  private Inputs(double[] equity) {
    this.equity = equity;
    this.times = spaced(T0, DAY, equity.length);
    this.close = equity.clone();
    this.inMarket = new boolean[equity.length];
    this.capital = equity.length > 0 ? equity[0] : 100;
  }

  static Inputs equity(double... equity) {
    return new Inputs(equity);
  }

  static long[] spaced(long start, long step, int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = start + i * step;
    }
    return t;
  }

  static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  Inputs times(long... times) {
    this.times = times;
    return this;
  }

  Inputs close(double... close) {
    this.close = close;
    return this;
  }

  Inputs inMarket(boolean... inMarket) {
    this.inMarket = inMarket;
    return this;
  }

  Inputs trades(Trade... trades) {
    this.trades = Arrays.asList(trades);
    return this;
  }

  Inputs trades(List<Trade> trades) {
    this.trades = new ArrayList<>(trades);
    return this;
  }

  Inputs commissions(double commissions) {
    this.commissions = commissions;
    return this;
  }

  Inputs capital(double capital) {
    this.capital = capital;
    return this;
  }

  Inputs market(MarketCalendar calendar, Interval interval) {
    this.calendar = calendar;
    this.interval = interval;
    return this;
  }

  Inputs zone(ZoneId zone) {
    this.zone = zone;
    return this;
  }

  Inputs riskFreeRate(double rate) {
    this.riskFreeRate = rate;
    return this;
  }

  MetricsInput build() {
    return new MetricsInput(
        times,
        equity,
        close,
        inMarket,
        trades,
        commissions,
        capital,
        calendar,
        interval,
        zone,
        riskFreeRate);
  }

  PerformanceMetrics compute() {
    return Metrics.compute(build());
  }

  /**
   * A closed trade on daily bars from {@link #T0}: entry and exit times follow from the bar
   * indexes; quantity 1 at an entry price of 100, so {@code returnPct} is given separately from
   * {@code pnl}.
   */
  static Trade trade(Side side, int entryIndex, int exitIndex, double pnl, double returnPct) {
    return trade(
        side, entryIndex, T0 + entryIndex * DAY, exitIndex, T0 + exitIndex * DAY, pnl, returnPct);
  }

  static Trade trade(
      Side side,
      int entryIndex,
      long entryTime,
      int exitIndex,
      long exitTime,
      double pnl,
      double returnPct) {
    return new Trade(
        side,
        1,
        entryIndex,
        entryTime,
        100,
        exitIndex,
        exitTime,
        100 + pnl,
        pnl,
        returnPct,
        0,
        0,
        0,
        ExitReason.SIGNAL,
        0,
        0,
        0);
  }
}
