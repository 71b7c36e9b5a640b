package com.tradingbacktest.engine.prices;

import java.time.LocalDate;
import java.util.Objects;

/** A corporate action of a series. Dates are calendar dates in the series' time zone. */
public sealed interface CorporateAction {

  /** The first day the action applies to. */
  LocalDate date();

  /**
   * A split.
   *
   * @param ratio new shares per old share: 2-for-1 is 2, 50:1 is 50, a 1-for-10 reverse split 0.1
   */
  record Split(LocalDate exDate, double ratio) implements CorporateAction {
    public Split {
      Objects.requireNonNull(exDate, "exDate");
      if (!(ratio > 0) || !Double.isFinite(ratio) || ratio == 1) {
        throw new IllegalArgumentException(
            "split ratio on " + exDate + " is " + ratio + "; a split's ratio is > 0 and not 1");
      }
    }

    @Override
    public LocalDate date() {
      return exDate;
    }
  }

  /**
   * A cash dividend.
   *
   * @param amount cash per share in raw terms (per share as traded on the ex-date)
   */
  record CashDividend(LocalDate exDate, double amount) implements CorporateAction {
    public CashDividend {
      Objects.requireNonNull(exDate, "exDate");
      if (!(amount > 0) || !Double.isFinite(amount)) {
        throw new IllegalArgumentException(
            "dividend on " + exDate + " is " + amount + "; a dividend is a finite amount > 0");
      }
    }

    @Override
    public LocalDate date() {
      return exDate;
    }
  }

  /** A trading halt from {@code from} to {@code to}, both inclusive. */
  record Halt(LocalDate from, LocalDate to) implements CorporateAction {
    public Halt {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException(
            "halt from " + from + " ends before it starts (" + to + ")");
      }
    }

    @Override
    public LocalDate date() {
      return from;
    }
  }
}
