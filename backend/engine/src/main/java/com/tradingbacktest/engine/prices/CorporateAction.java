package com.tradingbacktest.engine.prices;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Something a company or an exchange did to a listed share that changes its prices or pays its
 * holders. Dates are calendar dates in the series' time zone.
 */
public sealed interface CorporateAction
    permits CorporateAction.Split, CorporateAction.CashDividend, CorporateAction.Halt {

  /** The date the action takes effect: an ex-date, or the first day of a halt. */
  LocalDate date();

  /**
   * A share split going ex on {@code exDate}.
   *
   * @param ratio new shares per old share: a 2-for-1 is 2, Samsung's 50:1 of 2018 is 50, a 1-for-10
   *     reverse split is 0.1; finite and above 0
   */
  record Split(LocalDate exDate, double ratio) implements CorporateAction {
    public Split {
      Objects.requireNonNull(exDate, "exDate");
      if (!(ratio > 0) || !Double.isFinite(ratio)) {
        throw new IllegalArgumentException(
            "split ratio on " + exDate + " is " + ratio + "; a ratio is a finite number above 0");
      }
    }

    @Override
    public LocalDate date() {
      return exDate;
    }
  }

  /**
   * A cash dividend going ex on {@code exDate}: whoever holds the share at the close before it
   * receives {@code amount}.
   *
   * @param amount cash per share in RAW terms, per share as traded on the ex-date; finite, >= 0
   */
  record CashDividend(LocalDate exDate, double amount) implements CorporateAction {
    public CashDividend {
      Objects.requireNonNull(exDate, "exDate");
      if (!(amount >= 0) || !Double.isFinite(amount)) {
        throw new IllegalArgumentException(
            "dividend on " + exDate + " is " + amount + "; a dividend is a finite amount >= 0");
      }
    }

    @Override
    public LocalDate date() {
      return exDate;
    }
  }

  /** Trading halted (거래정지) from {@code from} to {@code to}, both inclusive. */
  record Halt(LocalDate from, LocalDate to) implements CorporateAction {
    public Halt {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("halt ends on " + to + ", before it starts on " + from);
      }
    }

    @Override
    public LocalDate date() {
      return from;
    }
  }
}
