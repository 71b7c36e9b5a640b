package com.tradingbacktest.engine.portfolio;

import com.tradingbacktest.engine.metrics.AccountCharges;
import com.tradingbacktest.engine.metrics.EquityCurveStats;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.AccountView;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.BarDecider;
import com.tradingbacktest.engine.sim.ExitReason;
import com.tradingbacktest.engine.sim.Fill;
import com.tradingbacktest.engine.sim.FillMode;
import com.tradingbacktest.engine.sim.FillNote;
import com.tradingbacktest.engine.sim.Liquidation;
import com.tradingbacktest.engine.sim.Margin;
import com.tradingbacktest.engine.sim.RunControl;
import com.tradingbacktest.engine.sim.Side;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.SizingModel;
import com.tradingbacktest.engine.sim.Trade;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One account trading many symbols (docs/ENGINE.md, "Portfolios"). The run steps over the union of
 * the symbols' bar times; a symbol trades only on its own bars and is marked at its last close in
 * between. Cash is shared and kept in the base currency; each symbol's prices, costs and trades
 * stay in its own currency and are converted at the FX rate of the moment.
 *
 * <p>Within each time, in this order:
 *
 * <ol>
 *   <li><b>The nights</b> since the previous time: interest on borrowed cash and short borrow fees;
 *       then a liquidation when a bar opens beyond the liquidation level (docs/ENGINE.md, "Margin,
 *       borrowing and funding").
 *   <li><b>Dividends</b> going ex at a symbol's bar, paid to (or by) the position held into it.
 *   <li><b>Open</b> of the symbols that have a bar: signal exits queued at their previous close;
 *       then a rebalance decided earlier (sells, then buys); then queued signal entries; then the
 *       positions of a run ending at the last open are closed; then funding, and a liquidation when
 *       the bars' ranges reach the maintenance margin (or zero equity).
 *   <li>Per symbol with signals, the single-symbol rules of {@code Simulator}: protective exits,
 *       entry orders working during the bar, the close's signals (signals with a {@link
 *       com.tradingbacktest.engine.sim.BarDecider} filled as the simulator fills them).
 *   <li><b>Close</b>: positions are marked at the close (and liquidated when the equity there is at
 *       or below the maintenance margin); at a decision time of the {@link Rebalance} schedule the
 *       target weights are read (and with {@link FillMode#CLOSE} filled at once); positions closed
 *       at the end when asked; equity = cash + every position at its last close.
 * </ol>
 *
 * A bar that refuses an order (a halt; a daily KRX bar locked at its price limit, for the side that
 * cannot trade) fills nothing of it: the order waits and its fill carries a {@link
 * com.tradingbacktest.engine.sim.FillNote}; a KRX symbol's limit and stop prices are rounded to its
 * tick table ({@link LegMarket}; docs/ENGINE.md, "Dividends, halts and KRX rules").
 *
 * <p>A one-symbol portfolio in the base currency gives, bit for bit, the fills, trades, equity and
 * metrics of {@code Backtest.run} with the same signals and settings: each step repeats the
 * simulator's arithmetic in the same order (multiplying by an FX rate of exactly 1 and adding the
 * empty sum of other positions change no bit).
 *
 * <p>A symbol driven by signals keeps its position in {@link Lots} when the run pyramids or its
 * signals scale out (docs/ENGINE.md, "Pyramiding and partial exits"): entries in the position's
 * direction add lots, exits close the oldest first, one trade per lot part. {@code Backtest.run}
 * sends a single run that needs them here with one leg.
 */
public final class PortfolioBacktest {

  /** Notes kept per run; beyond it they are only counted. */
  public static final int MAX_NOTES = 100;

  /**
   * The most symbol-times a run holds (symbols x union times): the per-symbol quantity and value
   * columns cost 16 bytes each, so this bounds them at 400 MB.
   */
  public static final long MAX_SYMBOL_TIMES = 25_000_000L;

  /**
   * The most fills a run keeps: a fill with its trade costs about 200 bytes, so this bounds them at
   * about 400 MB. A single-symbol run has at most two fills a bar; a portfolio rebalancing hundreds
   * of symbols at every bar could otherwise grow without end.
   */
  public static final int MAX_FILLS = 2_000_000;

  private static final int CHECK_EVERY = 1 << 13;

  /**
   * Spending may exceed the cash by this fraction of it: floating error, as a single run allows.
   */
  private static final double CASH_TOLERANCE = 1e-12;

  private static final double MILLIS_PER_YEAR = 365.25 * 86_400_000.0;

  private final Leg[] legs;
  private final PortfolioConfig config;
  private final ZoneId zone;
  private final boolean allowShort;
  private final SizingModel sizing;
  private final boolean[] entryOrders;
  private final int[] active;
  private int activeCount;
  private final int[] group;

  private double cash;
  private double commissions;
  private double tradedValue;
  private int rejected;
  private final List<PortfolioFill> fills = new ArrayList<>();
  private final List<PortfolioTrade> trades = new ArrayList<>();
  private final List<Trade> tradesInBase = new ArrayList<>();
  private final List<PortfolioNote> notes = new ArrayList<>();
  private int notesOmitted;

  // FX: per foreign currency its series and the index of the last bar at or before now.
  private final long[][] fxTimes;
  private final double[][] fxClose;
  private final int[] fxAt;

  private final int maxFills;

  // The account beyond cash (docs/ENGINE.md, "Margin, borrowing and funding").
  private final Margin margin;

  /** Whether a liquidation can happen at all: margin terms, or shorts that may lose it all. */
  private final boolean liquidationPossible;

  private final boolean endAtOpen;
  private boolean stopped;
  private final List<Liquidation> liquidations = new ArrayList<>(0);
  private double totalFunding;
  private double totalBorrowCost;
  private double totalInterest;
  private double totalDividends;

  // The calendar day last converted by epochDay, and its bounds (epoch ms).
  private long day;
  private long dayStart = Long.MAX_VALUE;
  private long dayEnd = Long.MIN_VALUE;

  private PortfolioBacktest(
      Leg[] legs, PortfolioConfig config, List<BarSeries> fxSeries, int maxFills) {
    this.legs = legs;
    this.maxFills = maxFills;
    this.config = config;
    this.zone = config.zone() != null ? config.zone() : legs[0].zone;
    this.allowShort = config.allowShort();
    this.sizing = config.sizing();
    this.cash = config.initialCapital();
    this.margin = config.margin();
    // A cash account holding only longs bought with its cash cannot reach zero equity.
    this.liquidationPossible = !margin.isNone() || allowShort;
    this.endAtOpen =
        config.closeAtEnd()
            && config.closeAtEndPrice() == com.tradingbacktest.engine.sim.EndPrice.OPEN;
    this.active = new int[legs.length];
    this.group = new int[legs.length];
    this.entryOrders = new boolean[legs.length];
    for (Leg l : legs) {
      Signals s = l.signals;
      entryOrders[l.index] =
          s != null
              && (s.longEntryStop() != null
                  || s.longEntryLimit() != null
                  || (allowShort && (s.shortEntryStop() != null || s.shortEntryLimit() != null)));
    }
    int c = fxSeries.size();
    fxTimes = new long[c][];
    fxClose = new double[c][];
    fxAt = new int[c];
    for (int i = 0; i < c; i++) {
      fxTimes[i] = fxSeries.get(i).times();
      fxClose[i] = fxSeries.get(i).close();
      fxAt[i] = -1;
    }
  }

  /** {@link #run(List, PortfolioConfig, RunControl)} without progress or cancellation. */
  public static PortfolioResult run(List<PortfolioLeg> legs, PortfolioConfig config) {
    return run(legs, config, RunControl.NONE);
  }

  /**
   * Runs the portfolio.
   *
   * @throws IllegalArgumentException on no legs, a symbol twice, legs of different intervals, a
   *     foreign currency without an FX series (naming every such currency), an FX series that
   *     starts after its symbols, or more than {@link #MAX_SYMBOL_TIMES} symbol-times; and while
   *     running, past {@link #MAX_FILLS} fills
   * @throws com.tradingbacktest.engine.sim.BacktestCancelledException when {@code control} cancels
   */
  public static PortfolioResult run(
      List<PortfolioLeg> legs, PortfolioConfig config, RunControl control) {
    return run(legs, config, control, MAX_FILLS);
  }

  /** {@link #run(List, PortfolioConfig, RunControl)} with another bound on the fills (tests). */
  static PortfolioResult run(
      List<PortfolioLeg> legs, PortfolioConfig config, RunControl control, int maxFills) {
    if (legs.isEmpty()) {
      throw new IllegalArgumentException("a portfolio needs at least one symbol");
    }
    Interval interval = legs.get(0).bars().interval();
    Set<String> symbols = new HashSet<>();
    Set<String> missing = new TreeSet<>();
    Map<String, Integer> currencyIndex = new LinkedHashMap<>();
    List<BarSeries> fxSeries = new ArrayList<>();
    Leg[] state = new Leg[legs.size()];
    for (int i = 0; i < legs.size(); i++) {
      PortfolioLeg leg = legs.get(i);
      if (!symbols.add(leg.symbol())) {
        throw new IllegalArgumentException(leg.symbol() + " appears twice in the portfolio");
      }
      if (leg.bars().interval() != interval) {
        throw new IllegalArgumentException(
            "every symbol needs bars of one interval: "
                + legs.get(0).symbol()
                + " has "
                + interval
                + ", "
                + leg.symbol()
                + " "
                + leg.bars().interval());
      }
      int currency = -1;
      if (!leg.currency().equals(config.baseCurrency())) {
        BarSeries fx = config.fx().get(leg.currency());
        if (fx == null) {
          missing.add(leg.currency());
        } else {
          currency = currencyIndex.computeIfAbsent(leg.currency(), k -> fxSeries.size());
          if (currency == fxSeries.size()) {
            fxSeries.add(fx);
          }
          if (fx.size() == 0 || fx.times()[0] > leg.bars().times()[0]) {
            throw new IllegalArgumentException(
                "the "
                    + leg.currency()
                    + " FX series starts "
                    + (fx.size() == 0 ? "nowhere (it has no bars)" : at(fx.times()[0]))
                    + ", after "
                    + leg.symbol()
                    + "'s first bar "
                    + at(leg.bars().times()[0])
                    + ": it must cover every bar of the symbols quoted in "
                    + leg.currency());
          }
        }
      }
      // Lots only for legs driven by signals: the rebalancer resizes a position as a whole.
      boolean inLots =
          leg.signals() != null
              && leg.targetWeight() == null
              && (config.pyramiding() > 1 || leg.signals().exitFraction() != null);
      state[i] = new Leg(i, leg, currency, inLots);
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "no FX series for "
              + String.join(", ", missing)
              + ": a portfolio in "
              + config.baseCurrency()
              + " needs, per foreign currency, a series quoting one unit of it in "
              + config.baseCurrency());
    }
    List<long[]> legTimes = new ArrayList<>(legs.size());
    for (PortfolioLeg leg : legs) {
      legTimes.add(leg.bars().times());
    }
    long[] times = unionTimes(legTimes);
    checkSize(legs.size(), times.length);
    return new PortfolioBacktest(state, config, fxSeries, maxFills).simulate(legs, times, control);
  }

  /**
   * The bytes a run's own columns take for {@code symbols} over {@code times} union times (at most
   * the sum of the symbols' bar counts): the quantity and value per symbol-time, and per time the
   * equity, cash, buy and hold, drawdown and union time. Fills come on top (about 200 bytes each,
   * at most {@link #MAX_FILLS}); the bars and weights are the caller's.
   */
  public static long bytesNeeded(int symbols, long times) {
    return 16L * symbols * times + 48L * times;
  }

  /** Refuses a run that would hold more than {@link #MAX_SYMBOL_TIMES} symbol-times. */
  static void checkSize(int symbols, int times) {
    long cells = (long) times * symbols;
    if (cells > MAX_SYMBOL_TIMES) {
      throw new IllegalArgumentException(
          String.format(
              "%d symbols over %d bar times make %,d symbol-times, more than the %,d a portfolio"
                  + " run may hold: use fewer symbols or a shorter range",
              symbols, times, cells, MAX_SYMBOL_TIMES));
    }
  }

  /** The settings of a single-symbol run as a portfolio's (base currency "KRW", no FX). */
  public static PortfolioConfig configOf(BacktestConfig single, Rebalance rebalance) {
    return PortfolioConfig.builder()
        .initialCapital(single.initialCapital())
        .fillMode(single.fillMode())
        .sizing(single.sizing())
        .allowShort(single.allowShort())
        .closeAtEnd(single.closeAtEnd())
        .closeAtEndPrice(single.closeAtEndPrice())
        .margin(single.margin())
        .riskFreeRate(single.riskFreeRate())
        .pyramiding(single.pyramiding())
        .rebalance(rebalance)
        .build();
  }

  private PortfolioResult simulate(List<PortfolioLeg> input, long[] times, RunControl control) {
    final int steps = times.length;
    final int legCount = legs.length;
    final boolean nextOpen = config.fillMode() == FillMode.NEXT_OPEN;
    final boolean closeAtEnd = config.closeAtEnd();
    final boolean drift = config.rebalance().frequency() == Rebalance.Frequency.DRIFT;
    final double capital = config.initialCapital();
    final double equalWeight = 1.0 / legCount;
    MarketCalendar calendar = MarketCalendar.STOCK;
    for (PortfolioLeg leg : input) {
      if (leg.bars().calendar() == MarketCalendar.CRYPTO) {
        calendar = MarketCalendar.CRYPTO; // the union trades whenever any symbol does
      }
    }
    boolean anyWeights = false;
    for (Leg l : legs) {
      anyWeights |= l.weights != null;
    }
    final PeriodClock clock = new PeriodClock(config.rebalance().frequency(), zone);

    final double[] equity = new double[steps];
    final double[] cashColumn = new double[steps];
    final double[][] quantity = new double[legCount][steps];
    final double[][] value = new double[legCount][steps];
    // Buy and hold: each symbol's 1/N share bought at its first close (cash until then), as a
    // growth ratio; the metrics take it as their "close" column and its multiple of the capital.
    final double[] holdRatio = new double[steps];
    final double[] holdEquity = new double[steps];
    // Every share is worth its start at the first time (the metrics read it when constructed);
    // set exactly, since N shares of 1/N need not add up to 1 in floating point.
    holdRatio[0] = 1;
    EquityCurveStats curve =
        new EquityCurveStats(
            times,
            holdRatio,
            capital,
            calendar,
            input.get(0).bars().interval(),
            zone,
            config.riskFreeRate());

    int work = 0;
    for (int k = 0; k < steps; k++) {
      final long t = times[k];
      if (work >= CHECK_EVERY) {
        work = 0;
        control.checkpoint(k);
        control.progress((int) (100L * k / steps));
      }
      if (k > 0) {
        accrueOvernight(t, times[k - 1]);
      }
      advanceFx(t);
      activeCount = 0;
      for (Leg l : legs) {
        // An FX series may start after the run (never after its own symbols' first bar): until
        // then the symbol holds nothing and its rate is not read.
        if (l.currency >= 0 && fxAt[l.currency] >= 0) {
          l.fx = fxClose[l.currency][fxAt[l.currency]];
        }
        if (l.next < l.n && l.times[l.next] == t) {
          l.bar = l.next++;
          l.mark = l.open[l.bar];
          l.acted = false;
          l.waiting = false;
          active[activeCount++] = l.index;
          if (l.bar == 0) {
            l.firstClose = l.close[0];
            l.firstFx = l.fx;
          } else if (l.market.hasDividends()) {
            payDividend(l);
          }
        }
      }
      work += activeCount + 1;

      // The account at the open: a bar opening beyond the liquidation level liquidates before any
      // queued order fills.
      if (liquidationPossible && !stopped) {
        liquidate(t, true);
      }

      // 1. The open: queued signal exits, a decided rebalance, queued signal entries.
      boolean rebalanceDue = false;
      for (int a = 0; a < activeCount; a++) {
        Leg l = legs[active[a]];
        if (l.pendingExit != Leg.NONE || l.pendingEntry != Leg.NONE) {
          if (l.pendingExit != Leg.NONE && !l.isFlat() && !l.canClose()) {
            waits(
                l, t, l.side() < 0); // the exit, and an entry after it, wait for a bar that trades
          } else if (l.pendingExit == Leg.CLOSE && !l.isFlat()) {
            double o = l.open[l.bar];
            closeAll(l, l.side() > 0 ? l.slippedSell(o) : l.slippedBuy(o), l.pendingExitReason);
          } else if (l.pendingExit == Leg.SCALE_OUT && !l.isFlat()) {
            double o = l.open[l.bar];
            scaleOut(
                l,
                l.side() > 0 ? l.slippedSell(o) : l.slippedBuy(o),
                l.pendingFraction,
                l.pendingExitReason);
          }
        }
        if (endsAtOpen(l)) {
          l.pendingWeight = Double.NaN; // what would be bought now is closed at once
        }
        rebalanceDue |= !Double.isNaN(l.pendingWeight);
      }
      if (rebalanceDue) {
        rebalance(t, true);
      }
      for (int a = 0; a < activeCount; a++) {
        Leg l = legs[active[a]];
        if (l.waiting) {
          l.acted = true; // the queued orders keep their place; nothing else enters this bar
        } else if (l.pendingExit != Leg.NONE || l.pendingEntry != Leg.NONE) {
          if (l.pendingEntry != Leg.NONE
              && ((l.isFlat() && !endsAtOpen(l)) || canAdd(l, l.pendingEntry))
              && !l.trades(entryBuys(l, l.pendingEntry))) {
            waits(l, t, entryBuys(l, l.pendingEntry));
            l.pendingExit = Leg.NONE;
            l.acted = true;
          } else if (l.pendingEntry != Leg.NONE && l.isFlat() && !endsAtOpen(l)) {
            Side side = l.pendingEntry == Leg.OPEN_LONG ? Side.LONG : Side.SHORT;
            double o = l.open[l.bar];
            double price = side == Side.LONG ? l.slippedBuy(o) : l.slippedSell(o);
            if (open(l, side, price, at(l.signals.size(), l.pendingSignalBar))) {
              arm(l, side, price, l.pendingSignalBar, l.bar);
            }
          } else if (l.pendingEntry != Leg.NONE && canAdd(l, l.pendingEntry)) {
            double o = l.open[l.bar];
            double price = l.side() > 0 ? l.slippedBuy(o) : l.slippedSell(o);
            addLot(l, price, o, l.pendingSignalBar, l.bar);
          }
          if (!l.waiting) {
            l.pendingExit = l.pendingEntry = Leg.NONE;
          }
          l.acted = true;
        }
      }

      // A run closing at the end at the open: each symbol's last open ends it.
      if (endAtOpen) {
        for (int a = 0; a < activeCount; a++) {
          Leg l = legs[active[a]];
          // A halted or locked last bar cannot close it: the position stays open at the end.
          if (endsAtOpen(l) && !l.isFlat() && l.canClose()) {
            double o = l.open[l.bar];
            closeAll(l, l.side() > 0 ? l.slippedSell(o) : l.slippedBuy(o), ExitReason.END_OF_DATA);
            l.acted = true;
          }
        }
      }

      // The account: funding of the positions held through this bar, then a liquidation when the
      // bar's prices bring the equity to the maintenance margin (or to zero).
      chargeFunding();
      if (liquidationPossible && !stopped) {
        liquidate(t, false);
      }

      // 2-4. Each symbol's own bar: protective exits, entry orders, the close's signals.
      for (int a = 0; a < activeCount; a++) {
        Leg l = legs[active[a]];
        final boolean heldAtOpen = !l.isFlat();
        if (l.signals != null && !endsAtOpen(l)) {
          bar(l, nextOpen);
        }
        // 5. (first half) The range the position lived through, and the trailing stop's best.
        if (!l.isFlat()) {
          int i = l.bar;
          if (heldAtOpen && l.entryIndex <= i && l.from <= i) {
            l.see(l.low[i], l.high[i]);
          }
          if (!Double.isNaN(l.trail)) {
            l.peak = l.side() > 0 ? Math.max(l.peak, l.high[i]) : Math.min(l.peak, l.low[i]);
          }
        }
      }
      for (int a = 0; a < activeCount; a++) {
        Leg l = legs[active[a]];
        l.mark = l.close[l.bar];
        if (!l.waiting) {
          l.waitNote = null; // what waited has filled (its fills carried the note) or was dropped
        }
        if (l.weights != null) {
          double w = l.weights[l.bar];
          if (!Double.isNaN(w)) {
            l.targetWeight = w;
          }
        }
      }

      if (liquidationPossible && !stopped) {
        liquidateAtClose(t, null);
      }

      // The close: a decision of the schedule reads the target weights.
      if (anyWeights && !stopped && (clock.startsPeriod(t) || (drift && drifted()))) {
        decide(t);
        if (!nextOpen) {
          rebalance(t, false);
        }
      }
      if (closeAtEnd && !endAtOpen) {
        for (int a = 0; a < activeCount; a++) {
          Leg l = legs[active[a]];
          if (l.bar == l.n - 1 && !l.isFlat() && l.canClose()) {
            double c = l.close[l.bar];
            closeAll(l, l.side() > 0 ? l.slippedSell(c) : l.slippedBuy(c), ExitReason.END_OF_DATA);
          }
        }
      }

      // 5. Mark: cash plus every position at its last close, in the base currency.
      double positions = 0;
      double hold = 0;
      boolean held = false;
      for (Leg l : legs) {
        double q = l.quantity;
        quantity[l.index][k] = q;
        if (q != 0) {
          double v = q * l.mark * l.fx;
          value[l.index][k] = v;
          positions += v;
          held = true;
        }
        if (l.bar >= 0) {
          double ratio =
              l.holdDividends == 0
                  ? l.close[l.bar] / l.firstClose
                  : (l.close[l.bar] + l.holdDividends) / l.firstClose;
          if (l.currency >= 0) {
            ratio *= l.fx / l.firstFx;
          }
          hold += equalWeight * ratio;
        } else {
          hold += equalWeight;
        }
      }
      double marked = cash + positions;
      equity[k] = marked;
      cashColumn[k] = cash;
      if (k > 0) {
        holdRatio[k] = hold;
      }
      holdEquity[k] = capital * holdRatio[k];
      curve.bar(k, marked, held);
    }
    control.progress(100);

    List<PortfolioTrade> open = new ArrayList<>();
    double[] contribution = new double[legCount];
    double[] finalValue = new double[legCount];
    for (Leg l : legs) {
      contribution[l.index] = l.flows;
      if (!l.isFlat()) {
        finalValue[l.index] = l.quantity * l.close[l.bar] * l.fx;
        contribution[l.index] += finalValue[l.index];
        Trade trade = roundTrip(l, l.bar, l.close[l.bar], exitCosts(l), ExitReason.END_OF_DATA);
        open.add(new PortfolioTrade(l.symbol, l.index, trade, trade.pnl() * l.fx));
      }
    }
    double meanEquity = 0;
    for (double e : equity) {
      meanEquity += e;
    }
    meanEquity /= steps;
    double turnover = tradedValue / meanEquity;
    double years = (times[steps - 1] - times[0]) / MILLIS_PER_YEAR;
    List<String> names = new ArrayList<>(legCount);
    for (Leg l : legs) {
      names.add(l.symbol);
    }
    return new PortfolioResult(
        List.copyOf(names),
        times,
        equity,
        cashColumn,
        quantity,
        value,
        List.copyOf(fills),
        List.copyOf(trades),
        List.copyOf(open),
        contribution,
        finalValue,
        tradedValue,
        turnover,
        years > 0 ? turnover / years : Double.NaN,
        rejected,
        commissions,
        List.copyOf(notes),
        notesOmitted,
        List.copyOf(liquidations),
        curve
            .finish(
                tradesInBase,
                commissions,
                holdEquity,
                new AccountCharges(totalFunding, totalBorrowCost, totalInterest))
            .withTotalDividends(totalDividends));
  }

  private void advanceFx(long t) {
    for (int c = 0; c < fxAt.length; c++) {
      long[] ft = fxTimes[c];
      int p = fxAt[c];
      while (p + 1 < ft.length && ft[p + 1] <= t) {
        p++;
      }
      fxAt[c] = p;
    }
  }

  /**
   * The simulator's steps 2 to 4 for one symbol's bar {@code l.bar}, with the same arithmetic in
   * the same order (see {@code Simulator}).
   */
  private void bar(Leg l, boolean nextOpen) {
    final int i = l.bar;
    final Signals s = l.signals;
    final double o = l.open[i];
    final double hi = l.high[i];
    final double lo = l.low[i];
    final double c = l.close[i];
    boolean acted = l.acted;
    final boolean heldAtOpen = !l.isFlat();
    final BarDecider decider = s.decider();
    if (decider != null) {
      decider.open(i);
    }

    // 2. Protective exits of the open position (none at a bar that cannot close it).
    int side = l.side();
    if (side != 0 && i >= l.from && l.canClose()) {
      double stop = l.stop;
      ExitReason stopReason = ExitReason.STOP_LOSS;
      if (!Double.isNaN(l.trail)) {
        double trail = side > 0 ? l.peak * (1 - l.trail) : l.peak * (1 + l.trail);
        if (Double.isNaN(stop) || (side > 0 ? trail > stop : trail < stop)) {
          stop = trail;
          stopReason = ExitReason.TRAILING_STOP;
        }
      }
      // As the exchange takes them: a long's stop is a sell stop, its target a sell limit.
      stop = l.market.stop(i, side < 0, stop);
      double target = l.market.limit(i, side < 0, l.target);
      double exitPrice = Double.NaN;
      ExitReason reason = null;
      if (side > 0) {
        if (!Double.isNaN(stop) && lo <= stop) {
          exitPrice = l.slippedSell(Math.min(o, stop));
          reason = stopReason;
        } else if (!Double.isNaN(target) && hi >= target) {
          exitPrice = Math.max(o, target);
          reason = ExitReason.TAKE_PROFIT;
        }
      } else {
        if (!Double.isNaN(stop) && hi >= stop) {
          exitPrice = l.slippedBuy(Math.max(o, stop));
          reason = stopReason;
        } else if (!Double.isNaN(target) && lo <= target) {
          exitPrice = Math.min(o, target);
          reason = ExitReason.TAKE_PROFIT;
        }
      }
      if (reason != null) {
        l.see(Math.min(o, exitPrice), Math.max(o, exitPrice));
        closeAll(l, exitPrice, reason);
        acted = true;
      }
    }

    // 3. Entry orders working during the bar.
    if (entryOrders[l.index] && !acted && !stopped && l.isFlat()) {
      acted = tryEntryOrders(l, i, o, hi, lo);
      if (acted && !l.isFlat()) {
        arm(l, l.side() > 0 ? Side.LONG : Side.SHORT, l.entryPrice, i, i + 1);
      }
    }

    // A position entered during the bar was not checked against its range: an account under water
    // at its close is liquidated before the close's orders. (A position held through the bar was
    // checked; the run's close check covers what the other symbols' closes do.)
    if (liquidationPossible && !stopped && !l.isFlat() && i < l.from) {
      liquidateAtClose(l.times[i], l);
    }

    // 4. The close: signals decide market orders.
    if (decider != null) {
      decider.close(i, accountView(l));
    }
    int action = Leg.NONE;
    boolean reverse = false;
    boolean longEntry = !stopped && s.longEntry() != null && s.longEntry()[i];
    boolean shortEntry = !stopped && s.shortEntry() != null && s.shortEntry()[i];
    if (longEntry && shortEntry) {
      longEntry = shortEntry = false;
    }
    side = l.side();
    double fraction = Double.NaN;
    if (side > 0) {
      if (shortEntry) {
        action = allowShort ? Leg.OPEN_SHORT : Leg.CLOSE;
        reverse = allowShort;
      } else if (!stopped && s.longExit() != null && s.longExit()[i]) {
        action = Leg.CLOSE;
      } else if (l.lots != null) {
        fraction = at(s.exitFraction(), i);
        action = lotAction(l, fraction, longEntry, Leg.OPEN_LONG);
      }
    } else if (side < 0) {
      if (longEntry) {
        action = Leg.OPEN_LONG;
        reverse = true;
      } else if (!stopped && s.shortExit() != null && s.shortExit()[i]) {
        action = Leg.CLOSE;
      } else if (l.lots != null) {
        fraction = at(s.exitFraction(), i);
        action = lotAction(l, fraction, shortEntry, Leg.OPEN_SHORT);
      }
    } else if (longEntry) {
      action = Leg.OPEN_LONG;
    } else if (shortEntry && allowShort) {
      action = Leg.OPEN_SHORT;
    }
    if (action != Leg.NONE) {
      int exit =
          action == Leg.SCALE_OUT
              ? Leg.SCALE_OUT
              : (action == Leg.CLOSE || reverse) ? Leg.CLOSE : Leg.NONE;
      int entry = action == Leg.CLOSE || action == Leg.SCALE_OUT ? Leg.NONE : action;
      ExitReason exitReason = reverse ? ExitReason.REVERSAL : ExitReason.SIGNAL;
      // At the close of a bar that refuses the order (a halt, a limit lock) it waits, queued for
      // the next bar's open as a next-open order would be.
      boolean waits = !nextOpen && l.market.restrictedAt(i) && refused(l, exit, entry);
      if (waits && i + 1 < l.n) {
        boolean buy = (exit != Leg.NONE && !l.isFlat()) ? l.side() < 0 : entryBuys(l, entry);
        waits(l, l.times[i], buy);
      }
      if (nextOpen || waits) {
        if (i + 1 < l.n) {
          l.pendingExit = exit;
          l.pendingEntry = entry;
          l.pendingSignalBar = i;
          l.pendingExitReason = exitReason;
          l.pendingFraction = fraction;
        }
      } else {
        if (exit == Leg.CLOSE) {
          if (heldAtOpen) {
            l.see(lo, hi);
          }
          closeAll(l, l.side() > 0 ? l.slippedSell(c) : l.slippedBuy(c), exitReason);
        } else if (exit == Leg.SCALE_OUT) {
          if (heldAtOpen) {
            l.see(lo, hi);
          }
          scaleOut(l, l.side() > 0 ? l.slippedSell(c) : l.slippedBuy(c), fraction, exitReason);
        }
        if (entry != Leg.NONE && l.isFlat()) {
          Side entrySide = entry == Leg.OPEN_LONG ? Side.LONG : Side.SHORT;
          double price = entrySide == Side.LONG ? l.slippedBuy(c) : l.slippedSell(c);
          if (open(l, entrySide, price, at(s.size(), i))) {
            arm(l, entrySide, price, i, i + 1);
          }
        } else if (entry != Leg.NONE && canAdd(l, entry)) {
          addLot(l, l.side() > 0 ? l.slippedBuy(c) : l.slippedSell(c), c, i, i + 1);
        }
      }
    }
    l.acted = acted;
  }

  /** Whether this bar refuses the close's {@code exit} (of the open position) or {@code entry}. */
  private static boolean refused(Leg l, int exit, int entry) {
    if (exit != Leg.NONE && !l.isFlat()) {
      // An exit and the entry reversing it trade in one direction.
      return !l.canClose();
    }
    return entry != Leg.NONE && !l.trades(entryBuys(l, entry));
  }

  /** Whether {@code entry} buys: a long from flat, or a lot added to a long. */
  private static boolean entryBuys(Leg l, int entry) {
    return l.isFlat() ? entry == Leg.OPEN_LONG : l.side() > 0;
  }

  /**
   * The account as a strategy deciding bar by bar sees it at {@code l}'s close: equity counts this
   * symbol at its close and the others at their marks, in the base currency (the simulator's
   * arithmetic for one symbol).
   */
  private AccountView accountView(Leg l) {
    double c = l.close[l.bar];
    double equity = cash + l.quantity * c * l.fx;
    for (Leg o : legs) {
      if (o != l && o.quantity != 0) {
        equity += o.quantity * o.mark * o.fx;
      }
    }
    return AccountView.of(l.quantity, l.entryPrice, l.entryIndex, l.bar, c, equity, cash);
  }

  /** Stop, limit and stop-limit entries working during the bar, as the simulator fills them. */
  private boolean tryEntryOrders(Leg l, int i, double o, double hi, double lo) {
    Signals s = l.signals;
    // Prices as the exchange takes them (docs/ENGINE.md, "KRX rules"); a bar that refuses buys
    // (sells) fills no long (short) entry.
    LegMarket m = l.market;
    double longStop = m.stop(i, true, at(s.longEntryStop(), i));
    double longLimit = m.limit(i, true, at(s.longEntryLimit(), i));
    double shortStop = m.stop(i, false, at(s.shortEntryStop(), i));
    double shortLimit = m.limit(i, false, at(s.shortEntryLimit(), i));
    double longFill = m.buysAt(i) ? entryFill(true, longStop, longLimit, o, hi, lo) : Double.NaN;
    double shortFill =
        allowShort && m.sellsAt(i)
            ? entryFill(false, shortStop, shortLimit, o, hi, lo)
            : Double.NaN;
    if (Double.isNaN(longFill) && Double.isNaN(shortFill)) {
      return false;
    }
    boolean goLong =
        Double.isNaN(shortFill)
            || (!Double.isNaN(longFill) && Math.abs(longFill - o) <= Math.abs(shortFill - o));
    boolean longIsStop = !Double.isNaN(longStop) && Double.isNaN(longLimit);
    boolean shortIsStop = !Double.isNaN(shortStop) && Double.isNaN(shortLimit);
    double price =
        goLong
            ? (longIsStop ? l.slippedBuy(longFill) : longFill)
            : (shortIsStop ? l.slippedSell(shortFill) : shortFill);
    return open(l, goLong ? Side.LONG : Side.SHORT, price, at(s.size(), i));
  }

  /** The fill price of an entry order during a bar, or NaN when it does not fill. */
  private static double entryFill(
      boolean buy, double stop, double limit, double open, double high, double low) {
    boolean hasStop = !Double.isNaN(stop);
    boolean hasLimit = !Double.isNaN(limit);
    if (!hasStop && !hasLimit) {
      return Double.NaN;
    }
    if (buy) {
      if (hasStop) {
        if (high < stop) {
          return Double.NaN;
        }
        double triggered = Math.max(open, stop);
        if (!hasLimit) {
          return triggered;
        }
        return triggered <= limit ? triggered : Double.NaN;
      }
      return low <= limit ? Math.min(open, limit) : Double.NaN;
    }
    if (hasStop) {
      if (low > stop) {
        return Double.NaN;
      }
      double triggered = Math.min(open, stop);
      if (!hasLimit) {
        return triggered;
      }
      return triggered >= limit ? triggered : Double.NaN;
    }
    return high >= limit ? Math.max(open, limit) : Double.NaN;
  }

  /**
   * The stop-loss and take-profit levels from {@code base} and the trailing fraction, with the
   * fractions of {@code signalBar} (NaN = none).
   */
  private static void setLevels(Leg l, Side side, double base, int signalBar) {
    Signals s = l.signals;
    double stopLoss = at(s.stopLoss(), signalBar);
    double takeProfit = at(s.takeProfit(), signalBar);
    double trailing = at(s.trailingStop(), signalBar);
    l.stop =
        stopLoss > 0
            ? (side == Side.LONG ? base * (1 - stopLoss) : base * (1 + stopLoss))
            : Double.NaN;
    l.target =
        takeProfit > 0
            ? (side == Side.LONG ? base * (1 + takeProfit) : base * (1 - takeProfit))
            : Double.NaN;
    l.trail = trailing > 0 ? trailing : Double.NaN;
  }

  /** Arms the protective exits of a position entered at {@code price}. */
  private static void arm(Leg l, Side side, double price, int signalBar, int workingFrom) {
    setLevels(l, side, price, signalBar);
    l.peak = price;
    l.from = workingFrom;
    if (l.lots != null) {
      l.lots.workingFrom(workingFrom);
    }
  }

  // ---- The account: every cash movement goes through these, converted to the base currency.

  /** The positions of every symbol at their marks, in the base currency. */
  private double positionsValue() {
    double value = 0;
    for (Leg l : legs) {
      if (l.quantity != 0) {
        value += l.quantity * l.mark * l.fx;
      }
    }
    return value;
  }

  /**
   * Opens a position from flat at {@code price} (slipped), sized against the account's equity;
   * false when not even one step is affordable.
   */
  private boolean open(Leg l, Side side, double price, double sizeOverride) {
    if (stopped) {
      return false;
    }
    double qty = quantityFor(l, side, price, sizeOverride);
    if (qty <= 0) {
      rejected++;
      return false;
    }
    boolean buy = side == Side.LONG;
    double value = price * qty;
    double commission = commission(l, value, qty, !buy);
    double tax = tax(l, value, qty, !buy);
    double flow = (buy ? -(value + commission) : (value - commission - tax)) * l.fx;
    cash += flow;
    l.flows += flow;
    l.quantity = buy ? qty : -qty;
    l.entryIndex = l.bar;
    l.entryPrice = price;
    l.entryCosts = commission + tax;
    l.highSeen = price;
    l.lowSeen = price;
    l.fundingPaid = 0;
    l.borrowPaid = 0;
    l.dividends = 0;
    if (l.lots != null) {
      l.lots.add(l.bar, price, qty, commission + tax);
    }
    record(l, buy, price, qty, commission, tax);
    return true;
  }

  /** Closes the whole position at {@code price} (slipped) and records the round trip. */
  private void closeAll(Leg l, double price, ExitReason reason) {
    double qty = Math.abs(l.quantity);
    boolean sell = l.quantity > 0;
    double value = price * qty;
    double commission = commission(l, value, qty, sell);
    double tax = tax(l, value, qty, sell);
    double flow = (sell ? (value - commission - tax) : -(value + commission)) * l.fx;
    cash += flow;
    l.flows += flow;
    l.see(price, price);
    if (l.lots != null) {
      l.lots.close(
          sell ? Side.LONG : Side.SHORT,
          qty,
          true,
          price,
          commission + tax,
          l.fundingPaid,
          l.borrowPaid,
          l.dividends,
          l.bar,
          reason,
          trade -> addTrade(l, trade));
    } else {
      addTrade(l, roundTrip(l, l.bar, price, commission + tax, reason));
    }
    record(l, !sell, price, qty, commission, tax);
    l.quantity = 0;
  }

  // ---- Lots: pyramiding and scale-outs (docs/ENGINE.md, "Pyramiding and partial exits").

  /**
   * What a close's signals do to a position held in lots when no reversal or full exit applies: a
   * scale-out when {@code fraction} is above 0, else an entry in the position's direction adds a
   * lot while fewer than the pyramiding limit are open.
   */
  private int lotAction(Leg l, double fraction, boolean sameSideEntry, int entry) {
    if (fraction > 0) {
      return Leg.SCALE_OUT;
    }
    return sameSideEntry && l.lots.size() < config.pyramiding() ? entry : Leg.NONE;
  }

  /** Whether {@code entry} adds a lot to the open position now. */
  private boolean canAdd(Leg l, int entry) {
    return l.lots != null
        && !l.isFlat()
        && (entry == Leg.OPEN_LONG) == (l.side() > 0)
        && l.lots.size() < config.pyramiding();
  }

  /** The gross value of every position at its mark, in the base currency. */
  private double grossValue() {
    double value = 0;
    for (Leg l : legs) {
      if (l.quantity != 0) {
        value += Math.abs(l.quantity) * l.mark * l.fx;
      }
    }
    return value;
  }

  /**
   * Adds a lot to the open position at {@code price} (slipped), the symbol marked at {@code
   * markNow}: sized like an entry against the account's equity, paid from what the positions leave
   * free (the cash, and for shorts the equity their value does not already take), so in a cash
   * account adding never borrows; with leverage, up to the buying power an entry has. The
   * protective exits are re-armed from the new average price with the fractions of {@code
   * signalBar}.
   */
  private void addLot(Leg l, double price, double markNow, int signalBar, int workingFrom) {
    Side side = l.side() > 0 ? Side.LONG : Side.SHORT;
    double markBefore = l.mark;
    l.mark = markNow;
    double equity = cash + positionsValue();
    double free = Math.min(cash, equity - grossValue());
    if (margin.leverage() > 1) {
      // Buying power, as for a first entry: the gross value of every position up to leverage x
      // equity; a long's add beyond the cash borrows it.
      equity *= margin.leverage();
      free = Math.max(0, equity - grossValue());
    }
    l.mark = markBefore;
    double qty = sized(l, side, price, at(l.signals.size(), signalBar), equity / l.fx, free / l.fx);
    if (qty <= 0) {
      rejected++;
      return;
    }
    boolean buy = side == Side.LONG;
    double value = price * qty;
    double commission = commission(l, value, qty, !buy);
    double tax = tax(l, value, qty, !buy);
    double flow = (buy ? -(value + commission) : (value - commission - tax)) * l.fx;
    cash += flow;
    l.flows += flow;
    l.lots.add(l.bar, price, qty, commission + tax);
    l.lots.workingFrom(workingFrom);
    l.quantity = buy ? l.lots.quantity() : -l.lots.quantity();
    l.entryPrice = l.lots.averagePrice();
    l.entryCosts = l.lots.costs();
    l.see(price, price);
    rearm(l, side, price, signalBar);
    record(l, buy, price, qty, commission, tax);
  }

  /**
   * Re-arms the protective exits after an added lot: stop-loss and take-profit from the average
   * entry price with the fractions of the add's signal bar; the trailing stop keeps following the
   * position's best price, with the add's fraction.
   */
  private static void rearm(Leg l, Side side, double price, int signalBar) {
    setLevels(l, side, l.entryPrice, signalBar); // from the lots' average price
    l.peak = side == Side.LONG ? Math.max(l.peak, price) : Math.min(l.peak, price);
  }

  /**
   * Closes {@code fraction} of the position at {@code price} (slipped), oldest lots first: the
   * units are the fraction of those held rounded down to the step (all of them from a fraction of 1
   * up); a fraction that rounds to nothing trades nothing.
   */
  private void scaleOut(Leg l, double price, double fraction, ExitReason reason) {
    double held = Math.abs(l.quantity);
    double qty = fraction >= 1 ? held : l.roundDown(held * fraction);
    if (!(qty > 0)) {
      return;
    }
    if (qty >= held) {
      closeAll(l, price, reason);
      return;
    }
    boolean sell = l.quantity > 0;
    double value = price * qty;
    double commission = commission(l, value, qty, sell);
    double tax = tax(l, value, qty, sell);
    double flow = (sell ? (value - commission - tax) : -(value + commission)) * l.fx;
    cash += flow;
    l.flows += flow;
    l.see(price, price);
    // The funding and borrow costs paid so far belong to the units held: those closed take their
    // share with them.
    double fundingShare = l.fundingPaid * (qty / held);
    double borrowShare = l.borrowPaid * (qty / held);
    double dividendShare = l.dividends * (qty / held);
    l.lots.close(
        sell ? Side.LONG : Side.SHORT,
        qty,
        false,
        price,
        commission + tax,
        fundingShare,
        borrowShare,
        dividendShare,
        l.bar,
        reason,
        trade -> addTrade(l, trade));
    l.fundingPaid -= fundingShare;
    l.borrowPaid -= borrowShare;
    l.dividends -= dividendShare;
    record(l, !sell, price, qty, commission, tax);
    l.quantity = sell ? l.lots.quantity() : -l.lots.quantity();
    l.entryIndex = l.lots.firstEntryIndex();
    l.entryPrice = l.lots.averagePrice();
    l.entryCosts = l.lots.costs();
  }

  /** The signal sizing of {@code Book}, against the shared account. */
  private double quantityFor(Leg l, Side side, double price, double sizeOverride) {
    double fx = l.fx;
    double available = cash / fx;
    double equity = (cash + positionsValue()) / fx; // the symbol itself is flat
    if (margin.leverage() > 1) {
      // Buying power: the gross value of every position up to leverage x equity. A long beyond
      // the cash borrows it; a short's proceeds stay in the cash.
      equity *= margin.leverage();
      available = Math.max(0, equity - grossValue() / fx);
    }
    return sized(l, side, price, sizeOverride, equity, available);
  }

  /**
   * Units of an entry at {@code price} by the size override or the configured sizing against {@code
   * equity}, then fewer while they cost more than {@code available} (both in the symbol's
   * currency).
   */
  private double sized(
      Leg l, Side side, double price, double sizeOverride, double equity, double available) {
    double fx = l.fx;
    double perUnit =
        price * (1 + l.costs.commissionRate() + (side == Side.SHORT ? l.costs.sellTaxRate() : 0));
    double qty;
    if (!Double.isNaN(sizeOverride) && sizeOverride > 0) {
      qty = sizeOverride >= 1 ? sizeOverride : budget(l, sizeOverride * equity, perUnit);
    } else if (sizing instanceof SizingModel.FractionOfEquity f) {
      qty = budget(l, f.fraction() * equity, perUnit);
    } else if (sizing instanceof SizingModel.FixedCash c) {
      qty = budget(l, Math.min(c.amount() / fx, equity), perUnit);
    } else {
      qty = ((SizingModel.FixedQuantity) sizing).quantity();
    }
    qty = l.roundDown(qty);
    int guard = 0;
    while (qty > 0
        && cost(l, side, price, qty) > available * (1 + CASH_TOLERANCE)
        && guard++ < 1_000) {
      double affordable = l.roundDown(qty * available / cost(l, side, price, qty));
      qty = affordable < qty ? affordable : l.roundDown(qty - l.step);
    }
    return qty > 0 && cost(l, side, price, qty) <= available * (1 + CASH_TOLERANCE) ? qty : 0;
  }

  private static double budget(Leg l, double amount, double perUnit) {
    return (amount - l.costs.commissionFixed()) / perUnit;
  }

  /** The cash (in the symbol's currency) a position of this size ties up: value plus costs. */
  private static double cost(Leg l, Side side, double price, double qty) {
    double value = price * qty;
    boolean sell = side == Side.SHORT;
    return value + commission(l, value, qty, sell) + tax(l, value, qty, sell);
  }

  private static double exitCosts(Leg l) {
    double qty = Math.abs(l.quantity);
    double value = l.close[l.bar] * qty;
    boolean sell = l.quantity > 0;
    return commission(l, value, qty, sell) + tax(l, value, qty, sell);
  }

  /** The commission of a fill of {@code l} now, per-share fee included. */
  private static double commission(Leg l, double value, double qty, boolean sell) {
    return l.costs.commissionOn(value, qty, sell);
  }

  /** The tax and dated sell fees of a fill of {@code l} at its current bar's time. */
  private static double tax(Leg l, double value, double qty, boolean sell) {
    return l.costs.taxOn(value, qty, sell, l.times[l.bar]);
  }

  private static Trade roundTrip(
      Leg l, int bar, double exitPrice, double exitCosts, ExitReason reason) {
    Side side = l.quantity > 0 ? Side.LONG : Side.SHORT;
    double qty = Math.abs(l.quantity);
    double totalCosts = l.entryCosts + exitCosts;
    double pnl =
        side.sign() * (exitPrice - l.entryPrice) * qty - totalCosts - l.fundingPaid - l.borrowPaid;
    if (l.dividends != 0) {
      pnl += l.dividends; // only then: adding 0 would turn a -0.0 pnl into 0.0
    }
    double adverse =
        side == Side.LONG ? l.lowSeen / l.entryPrice - 1 : 1 - l.highSeen / l.entryPrice;
    double favourable =
        side == Side.LONG ? l.highSeen / l.entryPrice - 1 : 1 - l.lowSeen / l.entryPrice;
    return new Trade(
        side,
        qty,
        l.entryIndex,
        l.times[l.entryIndex],
        l.entryPrice,
        bar,
        l.times[bar],
        exitPrice,
        pnl,
        pnl / (l.entryPrice * qty),
        totalCosts,
        Math.min(0, adverse),
        Math.max(0, favourable),
        reason,
        l.fundingPaid,
        l.borrowPaid,
        l.dividends);
  }

  private void addTrade(Leg l, Trade trade) {
    double pnl = trade.pnl() * l.fx;
    trades.add(new PortfolioTrade(l.symbol, l.index, trade, pnl));
    tradesInBase.add(
        l.currency < 0
            ? trade
            : new Trade(
                trade.side(),
                trade.quantity(),
                trade.entryIndex(),
                trade.entryTime(),
                trade.entryPrice(),
                trade.exitIndex(),
                trade.exitTime(),
                trade.exitPrice(),
                pnl,
                trade.returnPct(),
                trade.costs() * l.fx,
                trade.mae(),
                trade.mfe(),
                trade.exitReason(),
                trade.funding() * l.fx,
                trade.borrowCost() * l.fx,
                trade.dividends() * l.fx));
  }

  private void record(Leg l, boolean buy, double price, double qty, double commission, double tax) {
    commissions += (commission + tax) * l.fx;
    tradedValue += price * qty * l.fx;
    if (fills.size() == maxFills) {
      throw new IllegalArgumentException(
          String.format(
              "the run reached %,d fills at %s, the most a portfolio run may make: rebalance less"
                  + " often (a drift band, or monthly), or use fewer symbols or a shorter range",
              maxFills, date(l.times[l.bar])));
    }
    fills.add(
        new PortfolioFill(
            l.symbol,
            l.index,
            new Fill(l.bar, l.times[l.bar], buy, price, qty, commission, tax, l.waitNote),
            l.fx));
  }

  // ---- Margin, borrowing and funding (docs/ENGINE.md): the account beyond cash.

  /** Whether this is the symbol's last bar and the run closes at the end at the open. */
  private boolean endsAtOpen(Leg l) {
    return endAtOpen && l.bar == l.n - 1;
  }

  /**
   * The nights between the previous time and {@code t} (calendar days in the run's zone, ACT/365):
   * interest on the cash borrowed at the previous close, shared among the positions by their value
   * (the longs when there are any: borrowed cash financed them), and the borrow fee of every short
   * on its value at its last close. A stopped account accrues nothing more.
   */
  private void accrueOvernight(long t, long previous) {
    double borrowRate = margin.borrowRate();
    double shortFee = margin.shortBorrowFee();
    if ((borrowRate == 0 && shortFee == 0) || stopped) {
      return;
    }
    long days = epochDay(t) - epochDay(previous);
    if (days <= 0) {
      return;
    }
    double years = days / 365.0;
    if (borrowRate > 0 && cash < 0) {
      double interest = -cash * borrowRate * years;
      cash -= interest;
      totalInterest += interest;
      double longs = 0;
      double gross = 0;
      for (Leg l : legs) {
        if (l.quantity != 0) {
          double v = Math.abs(l.quantity) * l.mark * l.fx;
          gross += v;
          if (l.quantity > 0) {
            longs += v;
          }
        }
      }
      // Without a long the cash went negative through a short's losses: the shorts carry it.
      // Without any position (nothing to carry it) it is the account's alone.
      boolean longsCarry = longs > 0;
      double carriers = longsCarry ? longs : gross;
      if (carriers > 0) {
        for (Leg l : legs) {
          if (longsCarry ? l.quantity > 0 : l.quantity != 0) {
            double share = interest * (Math.abs(l.quantity) * l.mark * l.fx / carriers);
            l.borrowPaid += share / l.fx;
            l.flows -= share;
          }
        }
      }
    }
    if (shortFee > 0) {
      for (Leg l : legs) {
        if (l.quantity < 0) {
          double fee = -l.quantity * l.mark * l.fx * shortFee * years;
          cash -= fee;
          l.flows -= fee;
          l.borrowPaid += fee / l.fx;
          totalBorrowCost += fee;
        }
      }
    }
  }

  /**
   * The calendar day of {@code time} in the run's zone; the day's bounds are kept, so that the bars
   * of one day cost a comparison rather than a date conversion each.
   */
  private long epochDay(long time) {
    if (time < dayStart || time >= dayEnd) {
      java.time.LocalDate date = Instant.ofEpochMilli(time).atZone(zone).toLocalDate();
      day = date.toEpochDay();
      dayStart = date.atStartOfDay(zone).toInstant().toEpochMilli();
      dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }
    return day;
  }

  /**
   * The dividend going ex at the symbol's bar just reached: the position held into it (held at the
   * previous close, before any fill at this bar) receives quantity x the dividend per share in
   * cash, a short pays it (docs/ENGINE.md, "Dividends, halts and KRX rules"). The buy and hold
   * keeps it as cash too.
   */
  private void payDividend(Leg l) {
    double perShare = l.market.dividendAt(l.bar);
    if (perShare == 0) {
      return;
    }
    l.holdDividends += perShare;
    if (l.quantity == 0 || stopped) {
      return;
    }
    double amount = l.quantity * perShare;
    cash += amount * l.fx;
    l.flows += amount * l.fx;
    l.dividends += amount;
    totalDividends += amount * l.fx;
  }

  /**
   * Funding of the positions held after this bar's open: every funding time from the bar's time up
   * to the symbol's next bar (or one interval for its last bar), on quantity x the bar's close. A
   * long pays a positive rate, a short receives it.
   */
  private void chargeFunding() {
    for (int a = 0; a < activeCount; a++) {
      Leg l = legs[active[a]];
      if (l.quantity == 0 || l.funding.isNone()) {
        continue;
      }
      long from = l.times[l.bar];
      long to = l.bar + 1 < l.n ? l.times[l.bar + 1] : from + l.intervalMillis;
      double rate = l.funding.rateBetween(from, to);
      if (rate != 0) {
        double amount = l.quantity * l.close[l.bar] * rate;
        cash -= amount * l.fx;
        l.flows -= amount * l.fx;
        l.fundingPaid += amount;
        totalFunding += amount * l.fx;
      }
    }
  }

  /**
   * The price of the one held symbol at which the equity equals the maintenance margin of its value
   * ({@code cash + q x p x fx = mm x |q| x p x fx}); for a short without maintenance margin,
   * exactly the simulator's zero-equity level {@code cash / -q}.
   */
  private double liquidationLevel(Leg l) {
    double mm = margin.maintenanceMargin();
    return l.quantity < 0
        ? cash / (l.fx * -l.quantity * (1 + mm))
        : -cash / (l.fx * l.quantity * (1 - mm));
  }

  /** The tighter of the position's stop-loss and trailing stop, as step 2 computes it; or NaN. */
  private static double effectiveStop(Leg l) {
    if (l.signals == null || l.bar < l.from) {
      return Double.NaN;
    }
    int side = l.side();
    double stop = l.stop;
    if (!Double.isNaN(l.trail)) {
      double trail = side > 0 ? l.peak * (1 - l.trail) : l.peak * (1 + l.trail);
      if (Double.isNaN(stop) || (side > 0 ? trail > stop : trail < stop)) {
        stop = trail;
      }
    }
    return l.market.stop(l.bar, side < 0, stop);
  }

  /**
   * A liquidation at this time's open ({@code atOpen}: only a bar opening beyond the level, before
   * the queued orders), or during its bars. One held symbol: when its bar reaches the level of
   * {@link #liquidationLevel} before its own stop, it is closed there (at the open on a gap).
   * Several: conservatively, every symbol with a bar now is taken to move together from its open to
   * its adverse extreme (the low of a long, the high of a short; its stop when that closes it
   * first); the first point of that path where the equity is at or below the maintenance margin of
   * the gross value is where everything is closed (the open when it already is).
   */
  private void liquidate(long t, boolean atOpen) {
    if (liquidationRefused(t)) {
      return;
    }
    int held = 0;
    Leg only = null;
    for (Leg l : legs) {
      if (l.quantity != 0) {
        held++;
        only = l;
      }
    }
    if (held == 0) {
      return;
    }
    if (held == 1) {
      Leg l = only;
      if (!hasBarAt(l, t) || (!atOpen && l.bar < l.from)) {
        return;
      }
      double level = liquidationLevel(l);
      double stop = effectiveStop(l);
      double o = l.open[l.bar];
      boolean reached;
      boolean gap;
      // A stop before the level is reached first and closes the position in step 2, unless the
      // bar opens beyond the level: then the equity is gone at the open whatever the stop.
      if (l.quantity < 0) {
        gap = o >= level;
        reached = gap || (!atOpen && !(stop < level) && l.high[l.bar] >= level);
      } else {
        gap = o <= level;
        reached = gap || (!atOpen && !(stop > level) && l.low[l.bar] <= level);
      }
      if (reached) {
        l.liquidationPrice = gap ? o : level;
        closeEverything(t, gap, level, true);
      }
      return;
    }
    double mm = margin.maintenanceMargin();
    double base = cash;
    double slope = 0;
    for (Leg l : legs) {
      if (l.quantity == 0) {
        continue;
      }
      double q = l.quantity;
      double o = l.mark; // the open with a bar now, else the last close
      double adverse = o;
      if (!atOpen && hasBarAt(l, t) && l.bar >= l.from) {
        double stop = effectiveStop(l);
        if (q > 0) {
          adverse = !Double.isNaN(stop) && l.low[l.bar] <= stop ? Math.min(o, stop) : l.low[l.bar];
        } else {
          adverse =
              !Double.isNaN(stop) && l.high[l.bar] >= stop ? Math.max(o, stop) : l.high[l.bar];
        }
      }
      double weight = l.fx * (q - mm * Math.abs(q));
      base += weight * o;
      slope += weight * (adverse - o);
      l.liquidationPrice = adverse; // the path's end; scaled below
    }
    if (base > 0 && base + slope > 0) {
      return;
    }
    double lambda = base <= 0 ? 0 : -base / slope;
    for (Leg l : legs) {
      if (l.quantity != 0) {
        l.liquidationPrice = l.mark + lambda * (l.liquidationPrice - l.mark);
      }
    }
    closeEverything(t, base <= 0, Double.NaN, true);
  }

  /**
   * A liquidation at this time's close (a position entered during the bar is not checked against
   * its range, and one symbol's close can take the equity of several under the margin): everything
   * is closed at its mark, {@code closing} (when not null: the symbol whose close is being reached,
   * before its close's orders) at its close.
   */
  private void liquidateAtClose(long t, Leg closing) {
    if (liquidationRefused(t)) {
      return;
    }
    int held = 0;
    Leg only = null;
    double mm = margin.maintenanceMargin();
    double surplus = cash;
    for (Leg l : legs) {
      if (l.quantity != 0) {
        held++;
        only = l;
        l.liquidationPrice = l == closing ? l.close[l.bar] : l.mark;
        surplus += l.fx * (l.quantity - mm * Math.abs(l.quantity)) * l.liquidationPrice;
      }
    }
    if (held == 0) {
      if (cash <= 0) {
        // Flat, and the costs of the last trades took the rest (minimum commissions on tiny
        // positions): the equity reached zero with nothing to close, and the account stops.
        closeEverything(t, false, Double.NaN, false);
      }
      return;
    }
    double level = Double.NaN;
    boolean reached;
    if (held == 1) {
      level = liquidationLevel(only);
      double price = only.liquidationPrice;
      reached = only.quantity < 0 ? price >= level : price <= level;
    } else {
      reached = surplus <= 0;
    }
    if (reached) {
      if (closing != null && hasBarAt(closing, t) && closing.bar >= closing.from) {
        closing.see(closing.low[closing.bar], closing.high[closing.bar]);
      }
      closeEverything(t, true, level, false);
    }
  }

  /**
   * Whether a held symbol's bar now cannot close its position (a halt, a limit lock against it): a
   * liquidation then waits for a time when every held symbol with a bar trades (docs/ENGINE.md).
   */
  private boolean liquidationRefused(long t) {
    for (Leg l : legs) {
      if (l.quantity != 0 && hasBarAt(l, t) && !l.canClose()) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasBarAt(Leg l, long t) {
    return l.bar >= 0 && l.times[l.bar] == t;
  }

  /**
   * Closes every position at its {@code liquidationPrice} (slipped), cancels every queued order,
   * and stops the account when it has nothing left (always for the default rule, without
   * maintenance margin).
   */
  private void closeEverything(long t, boolean gap, double level, boolean intrabar) {
    for (Leg l : legs) {
      if (l.quantity == 0) {
        continue;
      }
      double price =
          l.quantity > 0 ? l.slippedSell(l.liquidationPrice) : l.slippedBuy(l.liquidationPrice);
      if (intrabar && hasBarAt(l, t)) {
        double o = l.open[l.bar];
        l.see(Math.min(o, price), Math.max(o, price));
      }
      closeAll(l, price, ExitReason.LIQUIDATION);
      l.acted = true;
    }
    for (Leg l : legs) {
      l.pendingExit = Leg.NONE;
      l.pendingEntry = Leg.NONE;
      l.pendingWeight = Double.NaN;
    }
    boolean marginCall = margin.maintenanceMargin() > 0;
    double equityAfter = cash;
    stopped = !marginCall || equityAfter <= 0;
    String message = Liquidation.describe(t, zone, marginCall, gap, level, equityAfter, stopped);
    liquidations.add(new Liquidation(t, marginCall, gap, equityAfter, stopped, message));
    note(t, PortfolioNote.Kind.LIQUIDATION, message);
  }

  // ---- Rebalancing.

  /** Whether a symbol's weight has moved more than the drift band from its target. */
  private boolean drifted() {
    double equity = cash + positionsValue();
    if (!(equity > 0)) {
      return false;
    }
    double band = config.rebalance().driftBand();
    // The targets as a decision would trade them: scaled down to 1 when they sum above it.
    double sum = 0;
    for (Leg l : legs) {
      if (l.weights != null && !Double.isNaN(l.targetWeight)) {
        sum += l.targetWeight;
      }
    }
    double scale = sum > 1 + 1e-9 ? 1 / sum : 1;
    for (Leg l : legs) {
      if (l.weights != null && !Double.isNaN(l.targetWeight)) {
        double weight = l.quantity * l.mark * l.fx / equity;
        if (Math.abs(weight - l.targetWeight * scale) > band) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A decision at time {@code t}'s close: each symbol with a bar now and a weight (not NaN) gets a
   * target; the others hold. Targets summing above 1 are scaled down to 1.
   */
  private void decide(long t) {
    double sum = 0;
    for (int a = 0; a < activeCount; a++) {
      Leg l = legs[active[a]];
      if (l.weights != null && !Double.isNaN(l.weights[l.bar])) {
        sum += l.weights[l.bar];
      }
    }
    double scale = 1;
    if (sum > 1 + 1e-9) {
      scale = 1 / sum;
      note(
          t,
          PortfolioNote.Kind.WEIGHTS_SCALED,
          String.format(
              "%s: the target weights summed to %.4f and were scaled down to 1", date(t), sum));
    }
    for (int a = 0; a < activeCount; a++) {
      Leg l = legs[active[a]];
      if (l.weights != null && !Double.isNaN(l.weights[l.bar])) {
        double w = l.weights[l.bar] * scale;
        l.pendingWeight = l.bar + 1 < l.n || config.fillMode() == FillMode.CLOSE ? w : Double.NaN;
      }
    }
  }

  /**
   * Trades every symbol with a bar now and a decided target to it, at this bar's open ({@code
   * atOpen}) or close: equity = cash + every position at its mark; target = floor(weight x equity /
   * price, to the step); sells first, then buys, scaled down when they cost more than the cash.
   */
  private void rebalance(long t, boolean atOpen) {
    double equity = cash + positionsValue();
    int members = 0;
    for (int a = 0; a < activeCount; a++) {
      Leg l = legs[active[a]];
      if (Double.isNaN(l.pendingWeight)) {
        continue;
      }
      double price = atOpen ? l.open[l.bar] : l.close[l.bar];
      l.rebalanceTarget = equity > 0 ? l.roundDown(l.pendingWeight * equity / l.fx / price) : 0;
      boolean buy = l.rebalanceTarget > l.quantity;
      if (l.rebalanceTarget != l.quantity && !l.trades(buy)) {
        waits(l, t, buy); // a halted or locked symbol keeps its target for the next bar
        continue;
      }
      l.pendingWeight = Double.NaN;
      group[members++] = l.index;
    }
    for (int g = 0; g < members; g++) {
      Leg l = legs[group[g]];
      if (l.rebalanceTarget < l.quantity) {
        double price = atOpen ? l.open[l.bar] : l.close[l.bar];
        sellDown(l, l.slippedSell(price), l.rebalanceTarget);
      }
    }
    double needed = 0;
    for (int g = 0; g < members; g++) {
      Leg l = legs[group[g]];
      if (l.rebalanceTarget > l.quantity) {
        double price = l.slippedBuy(atOpen ? l.open[l.bar] : l.close[l.bar]);
        needed += cost(l, Side.LONG, price, l.rebalanceTarget - l.quantity) * l.fx;
      }
    }
    double factor = 1;
    if (needed > cash * (1 + CASH_TOLERANCE)) {
      factor = Math.max(0, cash) / needed;
      note(
          t,
          PortfolioNote.Kind.BUYS_SCALED,
          String.format(
              "%s: the rebalance's buys needed %.2f %s but the cash was %.2f; buys were scaled down"
                  + " to %.2f%%",
              date(t), needed, config.baseCurrency(), cash, 100 * factor));
    }
    for (int g = 0; g < members; g++) {
      Leg l = legs[group[g]];
      if (l.rebalanceTarget > l.quantity) {
        double price = l.slippedBuy(atOpen ? l.open[l.bar] : l.close[l.bar]);
        double qty = l.rebalanceTarget - l.quantity;
        if (factor < 1) {
          qty = l.roundDown(qty * factor);
        }
        int guard = 0;
        double available = cash / l.fx;
        while (qty > 0
            && cost(l, Side.LONG, price, qty) > available * (1 + CASH_TOLERANCE)
            && guard++ < 1_000) {
          double affordable = l.roundDown(qty * available / cost(l, Side.LONG, price, qty));
          qty = affordable < qty ? affordable : l.roundDown(qty - l.step);
        }
        if (qty > 0 && cost(l, Side.LONG, price, qty) <= available * (1 + CASH_TOLERANCE)) {
          buyMore(l, price, qty, atOpen);
        }
      }
    }
  }

  /** Buys {@code qty} more of a long (or flat) position; the entry price becomes the average. */
  private void buyMore(Leg l, double price, double qty, boolean atOpen) {
    double value = price * qty;
    double commission = commission(l, value, qty, false);
    double flow = -(value + commission) * l.fx;
    cash += flow;
    l.flows += flow;
    if (l.isFlat()) {
      l.entryIndex = l.bar;
      l.entryPrice = price;
      l.entryCosts = commission;
      l.highSeen = price;
      l.lowSeen = price;
      l.fundingPaid = 0;
      l.borrowPaid = 0;
      l.dividends = 0;
      l.from = atOpen ? l.bar : l.bar + 1; // bought at the open, it lives through the whole bar
    } else {
      l.entryPrice = (l.entryPrice * l.quantity + value) / (l.quantity + qty);
      l.entryCosts += commission;
      l.see(price, price);
    }
    l.quantity += qty;
    record(l, true, price, qty, commission, 0);
  }

  /**
   * Sells a long position down to {@code target} units; the part sold is a round trip at the
   * average entry price with its share of the entry costs.
   */
  private void sellDown(Leg l, double price, double target) {
    double held = l.quantity;
    double qty = held - target;
    double value = price * qty;
    double commission = commission(l, value, qty, true);
    double tax = tax(l, value, qty, true);
    double flow = (value - commission - tax) * l.fx;
    cash += flow;
    l.flows += flow;
    l.see(price, price);
    double entryShare = target == 0 ? l.entryCosts : l.entryCosts * (qty / held);
    double totalCosts = entryShare + commission + tax;
    double fundingShare = target == 0 ? l.fundingPaid : l.fundingPaid * (qty / held);
    double borrowShare = target == 0 ? l.borrowPaid : l.borrowPaid * (qty / held);
    double dividendShare = target == 0 ? l.dividends : l.dividends * (qty / held);
    double pnl = (price - l.entryPrice) * qty - totalCosts - fundingShare - borrowShare;
    if (dividendShare != 0) {
      pnl += dividendShare;
    }
    addTrade(
        l,
        new Trade(
            Side.LONG,
            qty,
            l.entryIndex,
            l.times[l.entryIndex],
            l.entryPrice,
            l.bar,
            l.times[l.bar],
            price,
            pnl,
            pnl / (l.entryPrice * qty),
            totalCosts,
            Math.min(0, l.lowSeen / l.entryPrice - 1),
            Math.max(0, l.highSeen / l.entryPrice - 1),
            ExitReason.REBALANCE,
            fundingShare,
            borrowShare,
            dividendShare));
    record(l, false, price, qty, commission, tax);
    l.entryCosts -= entryShare;
    l.fundingPaid -= fundingShare;
    l.borrowPaid -= borrowShare;
    l.dividends -= dividendShare;
    l.quantity = target;
  }

  /**
   * An order of {@code l} to {@code buy} (else sell) meets a bar that refuses it (a halt, a limit
   * lock): it waits for the next bar that trades, and its fill will carry the note. The run notes
   * the first bar of each wait.
   */
  private void waits(Leg l, long t, boolean buy) {
    l.waiting = true;
    if (l.waitNote != null) {
      return;
    }
    FillNote why = l.market.noteAt(l.bar);
    l.waitNote = why;
    String order = buy ? "buy" : "sell";
    if (why == FillNote.HALTED) {
      note(
          t,
          PortfolioNote.Kind.HALTED,
          String.format(
              "%s: %s was halted; its %s waits for the next bar that trades",
              date(t), l.symbol, order));
    } else {
      note(
          t,
          PortfolioNote.Kind.LIMIT_LOCKED,
          String.format(
              "%s: %s was locked at its %s price limit (%s) all day; its %s waits for the next"
                  + " bar that trades",
              date(t),
              l.symbol,
              buy ? "upper" : "lower",
              java.math.BigDecimal.valueOf(l.close[l.bar]).stripTrailingZeros().toPlainString(),
              order));
    }
  }

  private void note(long t, PortfolioNote.Kind kind, String message) {
    if (notes.size() < MAX_NOTES) {
      notes.add(new PortfolioNote(t, kind, message));
    } else {
      notesOmitted++;
    }
  }

  // ---- Helpers.

  /** The sorted union of every symbol's bar times, merged pairwise. */
  static long[] unionTimes(List<long[]> times) {
    List<long[]> level = times;
    while (level.size() > 1) {
      List<long[]> merged = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i + 1 < level.size(); i += 2) {
        merged.add(merge(level.get(i), level.get(i + 1)));
      }
      if (level.size() % 2 == 1) {
        merged.add(level.get(level.size() - 1));
      }
      level = merged;
    }
    return level.get(0);
  }

  private static long[] merge(long[] a, long[] b) {
    if (Arrays.equals(a, b)) {
      return a;
    }
    long[] out = new long[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      long next;
      if (j >= b.length || (i < a.length && a[i] <= b[j])) {
        next = a[i++];
        if (j < b.length && b[j] == next) {
          j++;
        }
      } else {
        next = b[j++];
      }
      out[n++] = next;
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private String date(long time) {
    return Instant.ofEpochMilli(time).atZone(zone).toLocalDate().toString();
  }

  private static String at(long time) {
    return Instant.ofEpochMilli(time).toString();
  }

  private static double at(double[] column, int i) {
    return column == null || i < 0 ? Double.NaN : column[i];
  }
}
