package com.tradingbacktest.engine.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The portfolio: cash, one position (long, short or none), its entry, the fills and the closed
 * trades. Buying spends price x quantity plus costs; selling (short) receives it minus costs, so
 * equity is always {@code cash + quantity x price} with quantity signed.
 */
final class Book {

  private final CostModel costs;
  private final double step;
  private final long[] times;

  double cash;

  /** Signed units: > 0 long, < 0 short. */
  double quantity;

  private int entryIndex;
  private double entryPrice;
  private double entryCosts;

  /** Best and worst prices the position has lived through, for MAE/MFE. */
  private double highSeen;

  private double lowSeen;
  double commissions;
  int rejected;
  final List<Fill> fills = new ArrayList<>();
  final List<Trade> trades = new ArrayList<>();

  Book(double cash, CostModel costs, double step, long[] times) {
    this.cash = cash;
    this.costs = costs;
    this.step = step;
    this.times = times;
  }

  boolean isFlat() {
    return quantity == 0;
  }

  int side() {
    return quantity > 0 ? 1 : quantity < 0 ? -1 : 0;
  }

  double entryPrice() {
    return entryPrice;
  }

  int entryIndex() {
    return entryIndex;
  }

  double equity(double mark) {
    return cash + quantity * mark;
  }

  /**
   * Opens a position at {@code price} (already slipped). {@code sizeOverride} is NaN for the
   * configured sizing, a fraction in (0, 1) or whole units >= 1. Returns false when not even one
   * step is affordable.
   */
  boolean open(int bar, Side side, double price, SizingModel sizing, double sizeOverride) {
    double qty = quantityFor(bar, side, price, sizing, sizeOverride);
    if (qty <= 0) {
      rejected++;
      return false;
    }
    boolean buy = side == Side.LONG;
    double value = price * qty;
    double commission = costs.commissionOn(value, qty, !buy);
    double tax = costs.taxOn(value, qty, !buy, times[bar]);
    cash += buy ? -(value + commission) : (value - commission - tax);
    quantity = buy ? qty : -qty;
    entryIndex = bar;
    entryPrice = price;
    entryCosts = commission + tax;
    highSeen = price;
    lowSeen = price;
    record(bar, buy, price, qty, commission, tax);
    return true;
  }

  /** Closes the whole position at {@code price} (already slipped) and records the round trip. */
  void close(int bar, double price, ExitReason reason) {
    double qty = Math.abs(quantity);
    boolean sell = quantity > 0;
    double value = price * qty;
    double commission = costs.commissionOn(value, qty, sell);
    double tax = costs.taxOn(value, qty, sell, times[bar]);
    cash += sell ? (value - commission - tax) : -(value + commission);
    see(price, price);
    trades.add(roundTrip(bar, price, commission + tax, reason));
    record(bar, !sell, price, qty, commission, tax);
    quantity = 0;
  }

  /** The open position as if closed at {@code price} now, without touching the book. */
  Trade hypotheticalClose(int bar, double price) {
    double qty = Math.abs(quantity);
    double value = price * qty;
    boolean sell = quantity > 0;
    double exitCosts =
        costs.commissionOn(value, qty, sell) + costs.taxOn(value, qty, sell, times[bar]);
    return roundTrip(bar, price, exitCosts, ExitReason.END_OF_DATA);
  }

  /** Widens the price range the open position has experienced. */
  void see(double low, double high) {
    if (low < lowSeen) {
      lowSeen = low;
    }
    if (high > highSeen) {
      highSeen = high;
    }
  }

  private Trade roundTrip(int bar, double exitPrice, double exitCosts, ExitReason reason) {
    Side side = quantity > 0 ? Side.LONG : Side.SHORT;
    double qty = Math.abs(quantity);
    double totalCosts = entryCosts + exitCosts;
    double pnl = side.sign() * (exitPrice - entryPrice) * qty - totalCosts;
    double adverse = side == Side.LONG ? lowSeen / entryPrice - 1 : 1 - highSeen / entryPrice;
    double favourable = side == Side.LONG ? highSeen / entryPrice - 1 : 1 - lowSeen / entryPrice;
    return new Trade(
        side,
        qty,
        entryIndex,
        times[entryIndex],
        entryPrice,
        bar,
        times[bar],
        exitPrice,
        pnl,
        pnl / (entryPrice * qty),
        totalCosts,
        Math.min(0, adverse),
        Math.max(0, favourable),
        reason,
        0,
        0);
  }

  private void record(
      int bar, boolean buy, double price, double qty, double commission, double tax) {
    commissions += commission + tax;
    fills.add(new Fill(bar, times[bar], buy, price, qty, commission, tax));
  }

  /**
   * Units for a new position: as many whole steps as the budget buys with costs included ({@code
   * floor(budget / (price x (1 + rate)))} for a plain rate, as backtesting.py does), then fewer
   * while the costs of that quantity would exceed the cash.
   */
  private double quantityFor(
      int bar, Side side, double price, SizingModel sizing, double sizeOverride) {
    double equity = cash; // flat when opening: equity is the cash
    double perUnit =
        price * (1 + costs.commissionRate() + (side == Side.SHORT ? costs.sellTaxRate() : 0));
    double qty;
    if (!Double.isNaN(sizeOverride) && sizeOverride > 0) {
      qty = sizeOverride >= 1 ? sizeOverride : budgetQuantity(sizeOverride * equity, perUnit);
    } else if (sizing instanceof SizingModel.FractionOfEquity f) {
      qty = budgetQuantity(f.fraction() * equity, perUnit);
    } else if (sizing instanceof SizingModel.FixedCash c) {
      qty = budgetQuantity(Math.min(c.amount(), equity), perUnit);
    } else {
      qty = ((SizingModel.FixedQuantity) sizing).quantity();
    }
    qty = roundDown(qty);
    // Never spend more than there is: shrink until price, commission (with its minimum) and tax
    // fit.
    int guard = 0;
    while (qty > 0 && cost(bar, side, price, qty) > cash * (1 + 1e-12) && guard++ < 1_000) {
      double affordable = roundDown(qty * cash / cost(bar, side, price, qty));
      qty = affordable < qty ? affordable : roundDown(qty - step);
    }
    return qty > 0 && cost(bar, side, price, qty) <= cash * (1 + 1e-12) ? qty : 0;
  }

  private double budgetQuantity(double budget, double perUnit) {
    return (budget - costs.commissionFixed()) / perUnit;
  }

  /**
   * The cash a position of this size ties up: its value plus costs. A short is sized like a buy, so
   * no position is ever larger than the equity (no leverage).
   */
  private double cost(int bar, Side side, double price, double qty) {
    double value = price * qty;
    boolean sell = side == Side.SHORT;
    return value + costs.commissionOn(value, qty, sell) + costs.taxOn(value, qty, sell, times[bar]);
  }

  private double roundDown(double qty) {
    if (!(qty > 0)) {
      return 0;
    }
    // The epsilon keeps 2.9999999999 (floating error) from rounding down to 2.
    return Math.floor(qty / step + 1e-9) * step;
  }
}
