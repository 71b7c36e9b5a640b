package com.tradingbacktest.engine.portfolio;

import com.tradingbacktest.engine.market.KrxPriceLimits;
import com.tradingbacktest.engine.market.KrxTickTable;
import com.tradingbacktest.engine.market.MarketRules;
import com.tradingbacktest.engine.series.BarEvents;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.FillNote;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the market does to one symbol's orders bar by bar (docs/ENGINE.md, "Dividends, halts and KRX
 * rules"): the dividends going ex at each bar, the bars where buys or sells cannot fill (a halt; a
 * daily bar locked at its KRX price limit), and the KRX tick table that rounds limit and stop
 * prices and sizes tick slippage. Worked out once per leg before the run; a plain symbol (no
 * events, no rules) has {@link #NONE}, whose every answer leaves the simulator's arithmetic as it
 * is.
 */
final class LegMarket {

  static final LegMarket NONE = new LegMarket(null, null, null, null, Integer.MAX_VALUE);

  // Per bar: who may trade. Null when every bar trades both ways.
  private static final byte TRADES = 0;
  private static final byte NO_BUYS = 1;
  private static final byte NO_SELLS = 2;
  private static final byte HALTED = 3;

  private final double[] dividend;
  private final byte[] blocked;
  private final KrxTickTable early;
  private final KrxTickTable late;
  private final int lateFrom;

  private LegMarket(
      double[] dividend, byte[] blocked, KrxTickTable early, KrxTickTable late, int lateFrom) {
    this.dividend = dividend;
    this.blocked = blocked;
    this.early = early;
    this.late = late;
    this.lateFrom = lateFrom;
  }

  /** The market of {@code bars} (their events) under {@code rules}. */
  static LegMarket of(BarSeries bars, MarketRules rules) {
    BarEvents events = bars.events();
    if (events.isNone() && rules.isNone()) {
      return NONE;
    }
    int n = bars.size();
    long[] times = bars.times();
    ZoneId zone = bars.zone();
    byte[] blocked = null;
    if (events.hasHalts()) {
      blocked = new byte[n];
      for (int i = 0; i < n; i++) {
        if (events.haltedAt(i)) {
          blocked[i] = HALTED;
        }
      }
    }
    KrxTickTable early = null;
    KrxTickTable late = null;
    int lateFrom = Integer.MAX_VALUE;
    if (rules.isKrx()) {
      early = KrxTickTable.of(rules.board(), KrxTickTable.UNIFIED_FROM.minusDays(1));
      late = KrxTickTable.of(rules.board(), KrxTickTable.UNIFIED_FROM);
      long reform = KrxTickTable.UNIFIED_FROM.atStartOfDay(zone).toInstant().toEpochMilli();
      lateFrom = n;
      for (int i = 0; i < n; i++) {
        if (times[i] >= reform) {
          lateFrom = i;
          break;
        }
      }
      // The day's base price is the previous day's close: only daily bars know it.
      if (rules.priceLimits() && bars.interval() == Interval.D1) {
        blocked = lockedBars(bars, rules, blocked);
      }
    }
    return new LegMarket(
        events.hasDividends() ? events.dividend() : null, blocked, early, late, lateFrom);
  }

  /**
   * Marks the bars whose open, high, low and close all equal the day's upper limit (no buys) or
   * lower limit (no sells), the limits from the previous bar's close. A price within half a tick of
   * the limit is at it: adjusted prices carry the limit only to floating precision.
   */
  private static byte[] lockedBars(BarSeries bars, MarketRules rules, byte[] halted) {
    int n = bars.size();
    byte[] blocked = halted != null ? halted : new byte[n];
    double[] o = bars.open();
    double[] h = bars.high();
    double[] l = bars.low();
    double[] c = bars.close();
    long[] times = bars.times();
    ZoneId zone = bars.zone();
    for (int i = 1; i < n; i++) {
      double price = c[i];
      double base = c[i - 1];
      if (blocked[i] == HALTED || o[i] != price || h[i] != price || l[i] != price) {
        continue;
      }
      if (!(base > 0) || !Double.isFinite(base)) {
        continue;
      }
      LocalDate date = Instant.ofEpochMilli(times[i]).atZone(zone).toLocalDate();
      KrxPriceLimits.Limits limits = KrxPriceLimits.of(rules.board(), date, base);
      KrxTickTable table = KrxTickTable.of(rules.board(), date);
      if (price >= limits.upper() - table.tick(limits.upper()) / 2) {
        blocked[i] = NO_BUYS;
      } else if (price <= limits.lower() + table.tick(limits.lower()) / 2) {
        blocked[i] = NO_SELLS;
      }
    }
    return blocked;
  }

  /** The cash per share going ex at bar {@code i}, 0 for none. */
  double dividendAt(int i) {
    return dividend == null ? 0 : dividend[i];
  }

  boolean hasDividends() {
    return dividend != null;
  }

  /** Whether a buy can fill at bar {@code i}. */
  boolean buysAt(int i) {
    return blocked == null || (blocked[i] != NO_BUYS && blocked[i] != HALTED);
  }

  /** Whether a sell can fill at bar {@code i}. */
  boolean sellsAt(int i) {
    return blocked == null || (blocked[i] != NO_SELLS && blocked[i] != HALTED);
  }

  /** Whether an order to {@code buy} (else sell) can fill at bar {@code i}. */
  boolean tradesAt(int i, boolean buy) {
    return buy ? buysAt(i) : sellsAt(i);
  }

  /** Whether bar {@code i} refuses a buy or a sell. */
  boolean restrictedAt(int i) {
    return blocked != null && blocked[i] != TRADES;
  }

  /** Why an order waits at bar {@code i} (a halt, or a limit lock); null when the bar trades. */
  FillNote noteAt(int i) {
    if (blocked == null || blocked[i] == TRADES) {
      return null;
    }
    return blocked[i] == HALTED ? FillNote.HALTED : FillNote.LIMIT_LOCKED;
  }

  /** Whether the KRX tick table applies. */
  boolean hasTicks() {
    return early != null;
  }

  private KrxTickTable table(int i) {
    return i >= lateFrom ? late : early;
  }

  /**
   * A limit price as the exchange accepts it at bar {@code i}: a buy limit rounded down, a sell
   * limit up, so the order never pays more (or receives less) than it asked. Unchanged without a
   * tick table, and NaN (no order) stays NaN.
   */
  double limit(int i, boolean buy, double price) {
    if (early == null || Double.isNaN(price)) {
      return price;
    }
    return buy ? table(i).roundDown(price) : table(i).roundUp(price);
  }

  /**
   * A stop price as the exchange accepts it at bar {@code i}: a buy stop rounded up, a sell stop
   * down, so the stop never triggers before its level. Unchanged without a tick table.
   */
  double stop(int i, boolean buy, double price) {
    if (early == null || Double.isNaN(price)) {
      return price;
    }
    return buy ? table(i).roundUp(price) : table(i).roundDown(price);
  }

  /** The price a market or stop buy at {@code price} pays at bar {@code i}, after slippage. */
  double slippedBuy(CostModel costs, int i, double price) {
    return early == null ? costs.slippedBuy(price) : costs.slippedBuy(price, table(i).tick(price));
  }

  /** The price a market or stop sell at {@code price} gets at bar {@code i}, after slippage. */
  double slippedSell(CostModel costs, int i, double price) {
    return early == null
        ? costs.slippedSell(price)
        : costs.slippedSell(price, table(i).tick(price));
  }
}
