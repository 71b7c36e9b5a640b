package com.tradingbacktest.engine.sim;

/** How many units an entry buys or sells short. Quantities are rounded down to the lot step. */
public sealed interface SizingModel {

  /** A fraction of equity at the fill (1.0 = all in; backtesting.py's default). */
  record FractionOfEquity(double fraction) implements SizingModel {
    public FractionOfEquity {
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException("fraction of equity must be in (0, 1], got " + fraction);
      }
    }
  }

  /** A fixed number of units (reduced to what the cash affords). */
  record FixedQuantity(double quantity) implements SizingModel {
    public FixedQuantity {
      if (!(quantity > 0) || !Double.isFinite(quantity)) {
        throw new IllegalArgumentException("quantity must be > 0, got " + quantity);
      }
    }
  }

  /** A fixed amount of cash per entry, costs included (reduced to the cash there is). */
  record FixedCash(double amount) implements SizingModel {
    public FixedCash {
      if (!(amount > 0) || !Double.isFinite(amount)) {
        throw new IllegalArgumentException("cash amount must be > 0, got " + amount);
      }
    }
  }

  static SizingModel allIn() {
    return new FractionOfEquity(1.0);
  }
}
