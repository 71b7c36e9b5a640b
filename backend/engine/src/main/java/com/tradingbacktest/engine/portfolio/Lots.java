package com.tradingbacktest.engine.portfolio;

import com.tradingbacktest.engine.sim.ExitReason;
import com.tradingbacktest.engine.sim.Side;
import com.tradingbacktest.engine.sim.Trade;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The entries (lots) of one symbol's open position, oldest first, for runs that pyramid or scale
 * out (docs/ENGINE.md, "Pyramiding and partial exits"). Each lot keeps its own entry bar, price,
 * remaining quantity, the part of its entry costs not yet closed, and the price range it has lived
 * through; exits close lots first in, first out, one {@link Trade} per lot part closed.
 *
 * <p>A position holds at most {@code pyramiding} lots, so the work per bar is bounded; lots are
 * allocated per entry, never per bar.
 */
final class Lots {

  /** One entry of the position. */
  private static final class Lot {
    final int entryIndex;
    final double price;
    double quantity;
    double costs;
    double highSeen;
    double lowSeen;

    /** The first bar the lot lives through whole (an entry at a close misses its own bar). */
    int from = Integer.MAX_VALUE;

    Lot(int entryIndex, double price, double quantity, double costs) {
      this.entryIndex = entryIndex;
      this.price = price;
      this.quantity = quantity;
      this.costs = costs;
      this.highSeen = price;
      this.lowSeen = price;
    }
  }

  private final ArrayDeque<Lot> open = new ArrayDeque<>();
  private final long[] times;
  private final double step;

  Lots(long[] times, double step) {
    this.times = times;
    this.step = step;
  }

  int size() {
    return open.size();
  }

  /** Records an entry of {@code quantity} units (> 0) at {@code price} with its costs. */
  void add(int entryIndex, double price, double quantity, double costs) {
    open.addLast(new Lot(entryIndex, price, quantity, costs));
  }

  /** Sets the first bar the newest lot lives through whole. */
  void workingFrom(int bar) {
    open.getLast().from = bar;
  }

  /**
   * Widens the range of every lot that was open through bar {@code bar}'s prices {@code lo} to
   * {@code hi}.
   */
  void see(double lo, double hi, int bar) {
    for (Lot lot : open) {
      if (lot.from <= bar) {
        if (lo < lot.lowSeen) {
          lot.lowSeen = lo;
        }
        if (hi > lot.highSeen) {
          lot.highSeen = hi;
        }
      }
    }
  }

  /** The average entry price of the open lots, weighted by their remaining quantity. */
  double averagePrice() {
    double value = 0;
    double quantity = 0;
    for (Lot lot : open) {
      value += lot.price * lot.quantity;
      quantity += lot.quantity;
    }
    return value / quantity;
  }

  /** The units of the open lots. */
  double quantity() {
    double sum = 0;
    for (Lot lot : open) {
      sum += lot.quantity;
    }
    return sum;
  }

  /** The entry costs of the open lots not yet closed. */
  double costs() {
    double sum = 0;
    for (Lot lot : open) {
      sum += lot.costs;
    }
    return sum;
  }

  /** The entry bar of the oldest open lot. */
  int firstEntryIndex() {
    return open.getFirst().entryIndex;
  }

  /**
   * Closes {@code quantity} units of a {@code side} position at {@code exitPrice} at bar {@code
   * bar}, oldest lots first. Each lot part closed is one trade: its own entry bar and price, the
   * part of its entry costs in proportion to the units closed, and the part of {@code exitCosts} in
   * proportion to its share of {@code quantity}; the last part takes what remains of both, so the
   * parts add up to the fill's costs. The {@code funding} and {@code borrowCost} the position paid
   * for the units closed are split the same way, by share of {@code quantity}, and come off each
   * part's P&L. {@code all} closes every lot whatever the quantity's floating error.
   */
  void close(
      Side side,
      double quantity,
      boolean all,
      double exitPrice,
      double exitCosts,
      double funding,
      double borrowCost,
      int bar,
      ExitReason reason,
      Consumer<Trade> trades) {
    double remaining = quantity;
    double exitCostsLeft = exitCosts;
    double fundingLeft = funding;
    double borrowLeft = borrowCost;
    // A part within a millionth of a step of the lot is the whole lot: quantities are whole steps,
    // and only the subtraction of doubles leaves such a residue.
    double tolerance = step * 1e-6;
    while (!open.isEmpty() && (all || remaining > tolerance)) {
      Lot lot = open.getFirst();
      boolean whole = all || remaining >= lot.quantity - tolerance;
      double part = whole ? lot.quantity : remaining;
      boolean last = open.size() == 1 || (!all && remaining - part <= tolerance);
      double exitShare = last ? exitCostsLeft : exitCosts * (part / quantity);
      double entryShare = whole ? lot.costs : lot.costs * (part / lot.quantity);
      double costs = entryShare + exitShare;
      double fundingShare = last ? fundingLeft : funding * (part / quantity);
      double borrowShare = last ? borrowLeft : borrowCost * (part / quantity);
      double pnl =
          side.sign() * (exitPrice - lot.price) * part - costs - fundingShare - borrowShare;
      if (exitPrice < lot.lowSeen) {
        lot.lowSeen = exitPrice;
      }
      if (exitPrice > lot.highSeen) {
        lot.highSeen = exitPrice;
      }
      double adverse =
          side == Side.LONG ? lot.lowSeen / lot.price - 1 : 1 - lot.highSeen / lot.price;
      double favourable =
          side == Side.LONG ? lot.highSeen / lot.price - 1 : 1 - lot.lowSeen / lot.price;
      trades.accept(
          new Trade(
              side,
              part,
              lot.entryIndex,
              times[lot.entryIndex],
              lot.price,
              bar,
              times[bar],
              exitPrice,
              pnl,
              pnl / (lot.price * part),
              costs,
              Math.min(0, adverse),
              Math.max(0, favourable),
              reason,
              fundingShare,
              borrowShare,
              0));
      exitCostsLeft -= exitShare;
      fundingLeft -= fundingShare;
      borrowLeft -= borrowShare;
      remaining -= part;
      if (whole) {
        open.removeFirst();
      } else {
        lot.quantity -= part;
        lot.costs -= entryShare;
      }
      if (last) {
        break;
      }
    }
  }
}
