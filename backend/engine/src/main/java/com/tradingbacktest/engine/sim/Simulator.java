package com.tradingbacktest.engine.sim;

import com.tradingbacktest.engine.series.BarSeries;

/**
 * The bar loop: one pass over the bars, primitive state, no allocation per bar. The execution rules
 * (docs/ENGINE.md) in the order they apply within bar {@code i}:
 *
 * <ol>
 *   <li><b>Open.</b> Market orders decided at bar i-1's close execute at bar i's open (NEXT_OPEN):
 *       exits first, then entries. A position opened here is exposed to the whole bar. On the last
 *       bar of a run that closes at the end at the open, the position is closed now and nothing
 *       else trades.
 *   <li><b>The default account rule</b> of a short (a long bought with cash cannot lose more than
 *       the equity): when the bar reaches the price at which the equity is zero, the short is
 *       liquidated there (at the open, before the queued orders, when the bar gaps beyond it) and
 *       the account stops trading, unless its stop is nearer and closes it first. A short entered
 *       during the bar is checked at the close, before the close's orders.
 *   <li><b>Protective exits</b> of a position already open at the open: the stop (the tighter of
 *       stop-loss and trailing stop) and the take-profit. A gap through a level fills at the open;
 *       a bar that touches both the stop and the target is assumed to hit the stop first
 *       (conservative). The trailing stop trails the best price up to the previous bar.
 *   <li><b>Entry orders</b> working during the bar (stop, limit, stop-limit), only when flat and
 *       nothing else happened in this bar. Their protective exits start with the next bar.
 *   <li><b>Close.</b> Signals of bar i decide market orders: executed now (CLOSE) or queued for bar
 *       i+1's open (NEXT_OPEN). An entry against the open position reverses it.
 *   <li><b>Mark.</b> Equity = cash + position x close.
 * </ol>
 *
 * Signals with a {@link BarDecider} (a strategy reading its account) are filled as the loop goes:
 * its {@code open} before step 2, its {@code close} with the account just before step 4.
 */
public final class Simulator {

  private static final int CHECK_EVERY = 1 << 13;

  // Pending market actions, decided at a close and executed at the next open.
  private static final int NONE = 0;
  private static final int CLOSE = 1;
  private static final int OPEN_LONG = 2;
  private static final int OPEN_SHORT = 3;

  /** Or-ed into a {@link #decide} result: the entry reverses the open position. */
  private static final int REVERSE = 4;

  /** Takes no bar in: {@link EquitySink#run} then only marks the simulation's columns. */
  private static final EquitySink NO_SINK = (i, equity, inMarket) -> {};

  private Simulator() {}

  public static Simulation run(BarSeries bars, Signals signals, BacktestConfig config) {
    return run(bars, signals, config, RunControl.NONE);
  }

  public static Simulation run(
      BarSeries bars, Signals s, BacktestConfig config, RunControl control) {
    return run(bars, s, config, control, null);
  }

  /**
   * Simulates, handing each bar's closing equity to {@code sink} (when not null) as soon as it is
   * marked.
   */
  public static Simulation run(
      BarSeries bars, Signals s, BacktestConfig config, RunControl control, EquitySink sink) {
    final int n = bars.size();
    final double[] open = bars.open();
    final double[] high = bars.high();
    final double[] low = bars.low();
    final double[] close = bars.close();
    final CostModel costs = config.costs();
    final boolean nextOpen = config.fillMode() == FillMode.NEXT_OPEN;
    final boolean allowShort = config.allowShort();
    final Book book = new Book(config.initialCapital(), costs, config.quantityStep(), bars.times());
    final double[] equity = new double[n];
    final double[] position = new double[n];
    final boolean[] inMarket = new boolean[n];

    // The open position's protective levels; they only matter while a position is open.
    final Protection p = new Protection();

    // Most strategies have no intrabar entry orders: decide once, not on every flat bar.
    final boolean entryOrders =
        s.longEntryStop != null
            || s.longEntryLimit != null
            || (allowShort && (s.shortEntryStop != null || s.shortEntryLimit != null));

    // A strategy reading the account decides on every bar (see BarDecider): no bar is quiet.
    final BarDecider decider = s.decider;

    // Without protective exits and entry orders most bars are quiet (see the loop): decided once.
    final boolean marketOrdersOnly =
        !entryOrders
            && s.stopLoss == null
            && s.takeProfit == null
            && s.trailingStop == null
            && decider == null;
    final boolean[] longEntries = s.longEntry;
    final boolean[] longExits = s.longExit;
    final boolean[] shortEntries = s.shortEntry;
    final boolean[] shortExits = s.shortExit;
    final int last = config.closeAtEnd() ? n - 1 : n;
    final boolean endAtOpen = config.closeAtEnd() && config.closeAtEndPrice() == EndPrice.OPEN;
    final long[] times = bars.times();
    // Marks the bars of a quiet run and hands them to the sink (see EquitySink.run).
    final EquitySink marks = sink != null ? sink : NO_SINK;

    // The default account rule: the price at which a short's equity is zero (infinite unless
    // short), refreshed after every bar that traded, so that a quiet bar checks it with one
    // comparison; and whether a liquidation stopped the account.
    double zeroEquityLevel = Double.POSITIVE_INFINITY;
    boolean stopped = false;
    final java.util.List<Liquidation> liquidations = new java.util.ArrayList<>(0);

    double streamed = 0;
    int pendingExit = NONE;
    int pendingEntry = NONE;
    int pendingSignalBar = -1;
    ExitReason pendingExitReason = ExitReason.SIGNAL;

    for (int i = 0; i < n; i++) {
      if ((i & (CHECK_EVERY - 1)) == 0 && i > 0) {
        control.checkpoint(i);
        control.progress((int) (100L * i / n));
      }
      // Fills read the open (and entries the high and low) only every few dozen bars, too
      // sparsely for the CPU's prefetcher: each such read waited about 100 ns for memory, 4 of the
      // 11 ms that 1M bars of an SMA crossover took. Reading the three columns on every bar
      // streams them through the cache like the columns read on every bar; the sum keeps the
      // reads from being dropped as dead code, and doubles as a check that they were finite.
      // (Fills also read the bar's time: the metrics that Backtest.run feeds from this loop read
      // every time, which streams that column as well.)
      streamed += open[i] + high[i] + low[i];
      if (marketOrdersOnly
          && pendingExit == NONE
          && pendingEntry == NONE
          && i != last
          && high[i] < zeroEquityLevel
          && (nextOpen || noSignal(longEntries, longExits, shortEntries, shortExits, i))) {
        // A run of quiet bars: nothing fills at the open, no level can trigger, no signal decides
        // anything at the close (but the run's last bar's, below). The book stays as it is, but
        // for step 5 of the full path: a position held since the open lives through the bar's
        // range. The run stops before the next bar with a signal, the last bar and the next
        // progress check; these checks, and the book's cash and quantity, are then read once per
        // run instead of once per bar.
        int end = i;
        int nextCheck = Math.min(n, (i | (CHECK_EVERY - 1)) + 1);
        if (zeroEquityLevel == Double.POSITIVE_INFINITY) {
          while (end < nextCheck
              && end != last
              && noSignal(longEntries, longExits, shortEntries, shortExits, end)) {
            end++;
          }
        } else {
          // While short, the run also stops at the bar whose high reaches the zero-equity level.
          while (end < nextCheck
              && end != last
              && high[end] < zeroEquityLevel
              && noSignal(longEntries, longExits, shortEntries, shortExits, end)) {
            end++;
          }
        }
        // With NEXT_OPEN a signal only queues a market order for the next open: its bar is quiet
        // but for that decision, and ends the run (half the bars that took the full path in an
        // SMA crossover). The run stopped at it when nothing else stopped it.
        final boolean decides =
            nextOpen && end < nextCheck && end != last && high[end] < zeroEquityLevel;
        if (decides) {
          end++;
        }
        final double cash = book.cash;
        final double quantity = book.quantity;
        final boolean held = quantity != 0;
        final int entryIndex = book.entryIndex();
        final int from = p.from;
        // The range the position lives through, widened bar by bar in registers and handed to the
        // book once: the lowest low and the highest high are the same whichever order they come in.
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int j = i; j < end; j++) {
          if (j > i) {
            streamed += open[j] + high[j] + low[j];
          }
          if (held && entryIndex <= j && from <= j) {
            if (low[j] < lowest) {
              lowest = low[j];
            }
            if (high[j] > highest) {
              highest = high[j];
            }
          }
        }
        marks.run(i, end, cash, quantity, close, equity, position, inMarket);
        // Every bar's low is at most its high (BarSeries checks it), so lowest <= highest exactly
        // when the position lived through at least one bar of the run.
        if (lowest <= highest) {
          book.see(lowest, highest);
        }
        i = end - 1;
        if (decides) {
          // Step 4 of the full path for the run's last bar, with the book as the run left it.
          int decision = decide(s, i, !stopped, book.side(), allowShort);
          if (decision != NONE && i + 1 < n) {
            boolean reverse = (decision & REVERSE) != 0;
            int action = decision & ~REVERSE;
            pendingExit = (action == CLOSE || reverse) ? CLOSE : NONE;
            pendingEntry = action == CLOSE ? NONE : action;
            pendingSignalBar = i;
            pendingExitReason = reverse ? ExitReason.REVERSAL : ExitReason.SIGNAL;
          }
        }
        continue;
      } else {
        boolean acted = false;

        // The default account rule at the open: a short held from the previous close whose bar
        // opens beyond its zero-equity level is liquidated there, before any queued order.
        if (book.side() < 0 && open[i] >= book.cash / -book.quantity) {
          double level = book.cash / -book.quantity;
          double price = costs.slippedBuy(open[i]);
          book.see(open[i], price);
          book.close(i, price, ExitReason.LIQUIDATION);
          liquidations.add(zeroEquity(times[i], bars, true, level, book.cash));
          stopped = true;
          acted = true;
          pendingExit = pendingEntry = NONE;
        }

        // 1. The open: queued market orders.
        if (pendingExit != NONE || pendingEntry != NONE) {
          if (pendingExit == CLOSE && !book.isFlat()) {
            book.close(
                i,
                book.side() > 0 ? costs.slippedSell(open[i]) : costs.slippedBuy(open[i]),
                pendingExitReason);
          }
          if (pendingEntry != NONE && book.isFlat() && !(endAtOpen && i == n - 1)) {
            Side side = pendingEntry == OPEN_LONG ? Side.LONG : Side.SHORT;
            double price =
                side == Side.LONG ? costs.slippedBuy(open[i]) : costs.slippedSell(open[i]);
            if (book.open(i, side, price, config.sizing(), at(s.size, pendingSignalBar))) {
              p.arm(side, price, s, pendingSignalBar, i);
            }
          }
          pendingExit = pendingEntry = NONE;
          acted = true;
        }

        // A run closing at the end at the open: the last bar's open ends it.
        final boolean endedAtOpen = endAtOpen && i == n - 1;
        if (endedAtOpen && !book.isFlat()) {
          book.close(
              i,
              book.side() > 0 ? costs.slippedSell(open[i]) : costs.slippedBuy(open[i]),
              ExitReason.END_OF_DATA);
          acted = true;
        }

        // The default account rule, for a short exposed to this bar.
        if (book.side() < 0 && i >= p.from) {
          double level = book.cash / -book.quantity;
          boolean gap = open[i] >= level;
          // A stop below the level is reached first and closes the short in step 2, unless the bar
          // opens beyond the level: then the equity is gone at the open whatever the stop.
          if (gap || (!(shortStop(p) < level) && high[i] >= level)) {
            double price = costs.slippedBuy(gap ? open[i] : level);
            book.see(Math.min(open[i], price), Math.max(open[i], price));
            book.close(i, price, ExitReason.LIQUIDATION);
            liquidations.add(zeroEquity(times[i], bars, gap, level, book.cash));
            stopped = true;
            acted = true;
          }
        }

        // Only a position held since the open has lived through the bar's whole range.
        final boolean heldAtOpen = !book.isFlat();
        if (decider != null) {
          decider.open(i);
        }

        // 2. Protective exits of the open position.
        int side = book.side();
        if (side != 0 && i >= p.from) {
          double stop = p.stop;
          ExitReason stopReason = ExitReason.STOP_LOSS;
          if (!Double.isNaN(p.trail)) {
            double trail = side > 0 ? p.peak * (1 - p.trail) : p.peak * (1 + p.trail);
            if (Double.isNaN(stop) || (side > 0 ? trail > stop : trail < stop)) {
              stop = trail;
              stopReason = ExitReason.TRAILING_STOP;
            }
          }
          double exitPrice = Double.NaN;
          ExitReason reason = null;
          if (side > 0) {
            if (!Double.isNaN(stop) && low[i] <= stop) {
              exitPrice = costs.slippedSell(Math.min(open[i], stop));
              reason = stopReason;
            } else if (!Double.isNaN(p.target) && high[i] >= p.target) {
              exitPrice = Math.max(open[i], p.target);
              reason = ExitReason.TAKE_PROFIT;
            }
          } else {
            if (!Double.isNaN(stop) && high[i] >= stop) {
              exitPrice = costs.slippedBuy(Math.max(open[i], stop));
              reason = stopReason;
            } else if (!Double.isNaN(p.target) && low[i] <= p.target) {
              exitPrice = Math.min(open[i], p.target);
              reason = ExitReason.TAKE_PROFIT;
            }
          }
          if (reason != null) {
            // What happened between the open and the exit is unknown; the open and the exit are
            // certain.
            book.see(Math.min(open[i], exitPrice), Math.max(open[i], exitPrice));
            book.close(i, exitPrice, reason);
            acted = true;
          }
        }

        // 3. Entry orders working during the bar.
        if (entryOrders && !acted && !stopped && !endedAtOpen && book.isFlat()) {
          acted = tryEntryOrders(i, s, config, book, open[i], high[i], low[i]);
          if (acted && !book.isFlat()) {
            Side entered = book.side() > 0 ? Side.LONG : Side.SHORT;
            double price = book.entryPrice();
            p.arm(entered, price, s, i, i + 1);
          }
        }

        // A short entered during the bar (not checked against its range) may already be under
        // water at the close: liquidated there, before the close's orders.
        if (book.side() < 0 && close[i] >= book.cash / -book.quantity) {
          double level = book.cash / -book.quantity;
          if (heldAtOpen) {
            book.see(low[i], high[i]);
          }
          book.close(i, costs.slippedBuy(close[i]), ExitReason.LIQUIDATION);
          liquidations.add(zeroEquity(times[i], bars, true, level, book.cash));
          stopped = true;
        }

        // 4. The close: signals decide market orders.
        if (decider != null) {
          decider.close(
              i,
              AccountView.of(
                  book.quantity,
                  book.entryPrice(),
                  book.entryIndex(),
                  i,
                  close[i],
                  book.equity(close[i]),
                  book.cash));
        }
        side = book.side();
        int decision = decide(s, i, !stopped && !endedAtOpen, side, allowShort);
        int action = decision & ~REVERSE;
        boolean reverse = (decision & REVERSE) != 0;
        if (action != NONE) {
          int exit = (action == CLOSE || reverse) ? CLOSE : NONE;
          int entry = action == CLOSE ? NONE : action;
          ExitReason exitReason = reverse ? ExitReason.REVERSAL : ExitReason.SIGNAL;
          if (nextOpen) {
            if (i + 1 < n) {
              pendingExit = exit;
              pendingEntry = entry;
              pendingSignalBar = i;
              pendingExitReason = exitReason;
            }
          } else {
            if (exit == CLOSE) {
              if (heldAtOpen) {
                book.see(low[i], high[i]);
              }
              book.close(
                  i,
                  book.side() > 0 ? costs.slippedSell(close[i]) : costs.slippedBuy(close[i]),
                  exitReason);
            }
            if (entry != NONE && book.isFlat()) {
              Side entrySide = entry == OPEN_LONG ? Side.LONG : Side.SHORT;
              double price =
                  entrySide == Side.LONG ? costs.slippedBuy(close[i]) : costs.slippedSell(close[i]);
              if (book.open(i, entrySide, price, config.sizing(), at(s.size, i))) {
                p.arm(entrySide, price, s, i, i + 1);
              }
            }
          }
        }

        // 5. Mark to the close; the position lived through this bar's range if it was open at the
        // open.
        if (!book.isFlat()) {
          if (heldAtOpen && book.entryIndex() <= i && p.from <= i) {
            book.see(low[i], high[i]);
          }
          if (!Double.isNaN(p.trail)) {
            p.peak = book.side() > 0 ? Math.max(p.peak, high[i]) : Math.min(p.peak, low[i]);
          }
        }
        if (config.closeAtEnd() && i == n - 1 && !book.isFlat()) {
          book.close(
              i,
              book.side() > 0 ? costs.slippedSell(close[i]) : costs.slippedBuy(close[i]),
              ExitReason.END_OF_DATA);
        }
      }
      zeroEquityLevel = book.quantity < 0 ? book.cash / -book.quantity : Double.POSITIVE_INFINITY;
      double marked = book.equity(close[i]);
      boolean held = book.quantity != 0;
      equity[i] = marked;
      position[i] = book.quantity;
      inMarket[i] = held;
      if (sink != null) {
        sink.bar(i, marked, held);
      }
    }
    if (Double.isNaN(streamed)) {
      // BarSeries guarantees finite prices; a NaN here means its columns were changed under us.
      throw new IllegalStateException("bar prices must be finite");
    }
    control.progress(100);
    Trade openTrade = book.isFlat() || n == 0 ? null : book.hypotheticalClose(n - 1, close[n - 1]);
    return new Simulation(
        equity,
        position,
        inMarket,
        java.util.List.copyOf(book.fills),
        java.util.List.copyOf(book.trades),
        openTrade,
        book.rejected,
        book.commissions,
        liquidations);
  }

  /**
   * Step 4: the market action bar {@code i}'s signals decide for a book on {@code side} (1 long, -1
   * short, 0 flat): {@link #NONE}, {@link #CLOSE}, {@link #OPEN_LONG} or {@link #OPEN_SHORT}, or-ed
   * with {@link #REVERSE} when the entry reverses the open position. Nothing while not {@code
   * trading} (the account stopped, or the run ended at the open); a long and a short entry on the
   * same bar contradict each other and decide neither.
   */
  private static int decide(Signals s, int i, boolean trading, int side, boolean allowShort) {
    boolean longEntry = trading && s.longEntry != null && s.longEntry[i];
    boolean shortEntry = trading && s.shortEntry != null && s.shortEntry[i];
    if (longEntry && shortEntry) {
      longEntry = shortEntry = false; // contradictory: neither
    }
    if (side > 0) {
      if (shortEntry) {
        return allowShort ? OPEN_SHORT | REVERSE : CLOSE;
      }
      if (trading && s.longExit != null && s.longExit[i]) {
        return CLOSE;
      }
    } else if (side < 0) {
      if (longEntry) {
        return OPEN_LONG | REVERSE;
      }
      if (trading && s.shortExit != null && s.shortExit[i]) {
        return CLOSE;
      }
    } else if (longEntry) {
      return OPEN_LONG;
    } else if (shortEntry && allowShort) {
      return OPEN_SHORT;
    }
    return NONE;
  }

  /** The liquidation of a short whose equity reached zero at {@code level}. */
  private static Liquidation zeroEquity(
      long time, BarSeries bars, boolean gap, double level, double equityAfter) {
    return new Liquidation(
        time,
        false,
        gap,
        equityAfter,
        true,
        Liquidation.describe(time, bars.zone(), false, gap, level, equityAfter, true));
  }

  /** The tighter of a short's stop-loss and trailing stop as step 2 computes it; NaN for none. */
  private static double shortStop(Protection p) {
    double stop = p.stop;
    if (!Double.isNaN(p.trail)) {
      double trail = p.peak * (1 + p.trail);
      if (Double.isNaN(stop) || trail < stop) {
        stop = trail;
      }
    }
    return stop;
  }

  /**
   * Stop, limit and stop-limit entries working during bar i. When both a long and a short order
   * would trigger, the one whose level is nearer the open is taken: it would have been reached
   * first.
   */
  private static boolean tryEntryOrders(
      int i, Signals s, BacktestConfig config, Book book, double open, double high, double low) {
    double longFill =
        entryFill(true, at(s.longEntryStop, i), at(s.longEntryLimit, i), open, high, low);
    double shortFill =
        config.allowShort()
            ? entryFill(false, at(s.shortEntryStop, i), at(s.shortEntryLimit, i), open, high, low)
            : Double.NaN;
    if (Double.isNaN(longFill) && Double.isNaN(shortFill)) {
      return false;
    }
    boolean goLong =
        Double.isNaN(shortFill)
            || (!Double.isNaN(longFill) && Math.abs(longFill - open) <= Math.abs(shortFill - open));
    CostModel costs = config.costs();
    // Stops are market orders once triggered and slip; limits fill at their price or better.
    boolean longIsStop =
        !Double.isNaN(at(s.longEntryStop, i)) && Double.isNaN(at(s.longEntryLimit, i));
    boolean shortIsStop =
        !Double.isNaN(at(s.shortEntryStop, i)) && Double.isNaN(at(s.shortEntryLimit, i));
    double price =
        goLong
            ? (longIsStop ? costs.slippedBuy(longFill) : longFill)
            : (shortIsStop ? costs.slippedSell(shortFill) : shortFill);
    return book.open(i, goLong ? Side.LONG : Side.SHORT, price, config.sizing(), at(s.size, i));
  }

  /** The fill price of an entry order during a bar, or NaN when it does not fill. */
  static double entryFill(
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
        double triggered = Math.max(open, stop); // a gap above the stop fills at the open
        if (!hasLimit) {
          return triggered;
        }
        return triggered <= limit ? triggered : Double.NaN; // stop-limit: no chase above the limit
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
   * The stop-loss and take-profit levels, the trailing fraction and best price so far of the open
   * position (NaN = none), and the bar from which they work. Set on every entry; ignored while
   * flat.
   */
  private static final class Protection {
    double stop = Double.NaN;
    double target = Double.NaN;
    double trail = Double.NaN;
    double peak = Double.NaN;
    int from = Integer.MAX_VALUE;

    /**
     * Arms the exits of a position entered at {@code price}, reading the fractions of {@code
     * signalBar}.
     */
    void arm(Side side, double price, Signals s, int signalBar, int workingFrom) {
      stop = protectiveStop(side, price, at(s.stopLoss, signalBar));
      target = protectiveTarget(side, price, at(s.takeProfit, signalBar));
      trail = positiveOrNaN(at(s.trailingStop, signalBar));
      peak = price;
      from = workingFrom;
    }
  }

  private static double protectiveStop(Side side, double entry, double fraction) {
    if (!(fraction > 0)) {
      return Double.NaN;
    }
    return side == Side.LONG ? entry * (1 - fraction) : entry * (1 + fraction);
  }

  private static double protectiveTarget(Side side, double entry, double fraction) {
    if (!(fraction > 0)) {
      return Double.NaN;
    }
    return side == Side.LONG ? entry * (1 + fraction) : entry * (1 - fraction);
  }

  private static double positiveOrNaN(double v) {
    return v > 0 ? v : Double.NaN;
  }

  /** No entry or exit signal at bar {@code i}. */
  private static boolean noSignal(
      boolean[] longEntries,
      boolean[] longExits,
      boolean[] shortEntries,
      boolean[] shortExits,
      int i) {
    return !at(longEntries, i) && !at(longExits, i) && !at(shortEntries, i) && !at(shortExits, i);
  }

  private static boolean at(boolean[] column, int i) {
    return column != null && column[i];
  }

  private static double at(double[] column, int i) {
    return column == null || i < 0 ? Double.NaN : column[i];
  }
}
