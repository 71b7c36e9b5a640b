package com.tradingbacktest.engine.portfolio;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.ExitReason;
import com.tradingbacktest.engine.sim.Funding;
import com.tradingbacktest.engine.sim.Signals;

/**
 * The running state of one symbol in a portfolio run: where it is in its own bars, its position
 * (the single-symbol book's fields), its queued orders and protective levels, and its accounting in
 * the base currency. Plain mutable fields: {@link PortfolioBacktest}'s loop reads and writes them
 * directly, with no allocation per bar.
 */
final class Leg {

  // Pending market actions from signals, decided at a close and executed at the next open.
  static final int NONE = 0;
  static final int CLOSE = 1;
  static final int OPEN_LONG = 2;
  static final int OPEN_SHORT = 3;

  /** Close {@link #pendingFraction} of the position (a scale-out), oldest lots first. */
  static final int SCALE_OUT = 4;

  final int index;
  final String symbol;
  final long[] times;
  final double[] open;
  final double[] high;
  final double[] low;
  final double[] close;
  final int n;
  final long intervalMillis;
  final java.time.ZoneId zone;
  final CostModel costs;
  final double step;
  final Signals signals;
  final double[] weights;

  /** Perpetual funding charged on this symbol's positions. */
  final Funding funding;

  /** Its dividends, halts, price-limit locks and tick table (all absent for a plain symbol). */
  final LegMarket market;

  /** Index into the run's FX table, or -1 for the base currency. */
  final int currency;

  /** The next bar of this symbol not yet reached. */
  int next;

  /** The bar reached last (-1 before the first). */
  int bar = -1;

  /** The price the position is valued at now: this bar's open during it, its close after. */
  double mark;

  /** The base-currency value of one unit of this symbol's currency now. */
  double fx = 1;

  // The book: signed units, the entry of the open position, its costs and the range it lived.
  double quantity;
  int entryIndex;
  double entryPrice;
  double entryCosts;
  double highSeen;
  double lowSeen;

  // What the open position paid beyond commissions, in the symbol's currency (docs/ENGINE.md,
  // "Margin, borrowing and funding"): funding (negative when received), and borrow fees with its
  // share of the interest on borrowed cash.
  double fundingPaid;
  double borrowPaid;

  /** Cash dividends the open position received (negative when a short paid them). */
  double dividends;

  /**
   * The note the next fill carries: an order of this symbol met a bar that refused it (a halt, a
   * limit lock) and waits; null when nothing waits.
   */
  com.tradingbacktest.engine.sim.FillNote waitNote;

  /** Whether an order waited at the current bar (else the note is dropped after it). */
  boolean waiting;

  /**
   * The position's entries when the run trades in lots (pyramiding, or a scale-out column), else
   * null. Then {@link #entryIndex} is the oldest lot's, {@link #entryPrice} the lots' average and
   * {@link #entryCosts} their entry costs not yet closed.
   */
  final Lots lots;

  // Queued market orders from signals.
  int pendingExit = NONE;
  int pendingEntry = NONE;
  int pendingSignalBar = -1;
  ExitReason pendingExitReason = ExitReason.SIGNAL;

  /** The fraction a queued {@link #SCALE_OUT} closes. */
  double pendingFraction;

  // Protective levels of the open position (NaN = none) and the bar from which they work.
  double stop = Double.NaN;
  double target = Double.NaN;
  double trail = Double.NaN;
  double peak = Double.NaN;
  int from = Integer.MAX_VALUE;

  /** A decided rebalance's target weight, waiting for this symbol's next fill; NaN = none. */
  double pendingWeight = Double.NaN;

  /** Whether an order filled at this bar's open (entry orders then wait for the next bar). */
  boolean acted;

  /** The price a liquidation under way closes this symbol at (before slippage). */
  double liquidationPrice;

  /** The units a rebalance under way resizes this symbol to. */
  double rebalanceTarget;

  /** The latest target weight seen, for the drift schedule; NaN = none yet. */
  double targetWeight = Double.NaN;

  /** Cash paid (negative) and received for this symbol, in the base currency. */
  double flows;

  /** The first close and FX rate, for the equal-weight buy and hold. */
  double firstClose = Double.NaN;

  double firstFx = Double.NaN;

  /** The dividends per share gone ex after the first close, for the buy and hold (kept as cash). */
  double holdDividends;

  Leg(int index, PortfolioLeg leg, int currency, boolean inLots) {
    BarSeries bars = leg.bars();
    this.index = index;
    this.symbol = leg.symbol();
    this.times = bars.times();
    this.open = bars.open();
    this.high = bars.high();
    this.low = bars.low();
    this.close = bars.close();
    this.n = bars.size();
    this.intervalMillis = bars.interval().duration().toMillis();
    this.zone = bars.zone();
    this.costs = leg.costs();
    this.step = leg.quantityStep();
    this.signals = leg.signals();
    this.weights = leg.targetWeight();
    this.funding = leg.funding();
    this.market = LegMarket.of(bars, leg.marketRules());
    this.currency = currency;
    this.lots = inLots ? new Lots(times, step) : null;
  }

  boolean isFlat() {
    return quantity == 0;
  }

  int side() {
    return quantity > 0 ? 1 : quantity < 0 ? -1 : 0;
  }

  /** The price a market or stop buy at {@code price} pays at this bar, after slippage. */
  double slippedBuy(double price) {
    return market.slippedBuy(costs, bar, price);
  }

  /** The price a market or stop sell at {@code price} gets at this bar, after slippage. */
  double slippedSell(double price) {
    return market.slippedSell(costs, bar, price);
  }

  /** Whether an order to {@code buy} (else sell) can fill at this bar. */
  boolean trades(boolean buy) {
    return market.tradesAt(bar, buy);
  }

  /** Whether the open position can be closed at this bar (a long sold, a short bought back). */
  boolean canClose() {
    return quantity == 0 || market.tradesAt(bar, quantity < 0);
  }

  /** Widens the price range the open position has experienced. */
  void see(double lo, double hi) {
    if (lo < lowSeen) {
      lowSeen = lo;
    }
    if (hi > highSeen) {
      highSeen = hi;
    }
    if (lots != null) {
      lots.see(lo, hi, bar);
    }
  }

  /** Rounds a quantity down to the step; the epsilon keeps 2.9999999999 from becoming 2. */
  double roundDown(double qty) {
    if (!(qty > 0)) {
      return 0;
    }
    return Math.floor(qty / step + 1e-9) * step;
  }
}
