package com.tradingbacktest.engine.sim;

/**
 * The account's margin terms (docs/ENGINE.md, "Margin, borrowing and funding"). {@link #none()} is
 * a cash account: positions up to the equity, no interest, no borrow fee; only the default account
 * rule applies (equity reaching zero closes everything and stops the account).
 *
 * @param leverage at least 1: an entry may take the gross value of every position up to {@code
 *     leverage x equity}; a long beyond the cash borrows it (cash goes negative), a short's
 *     proceeds stay in the cash
 * @param maintenanceMargin a fraction of the gross position value in [0, 1 / leverage): when equity
 *     falls to or below it, every position is liquidated (exit reason {@link
 *     ExitReason#LIQUIDATION}); 0 leaves only the default rule (equity at zero)
 * @param borrowRate annual interest on borrowed cash (negative cash), accrued per calendar day
 * @param shortBorrowFee annual fee on the value of short positions, accrued per calendar day held
 */
public record Margin(
    double leverage, double maintenanceMargin, double borrowRate, double shortBorrowFee) {

  /** The most leverage a run may ask for: the highest tier crypto exchanges offer. */
  public static final double MAX_LEVERAGE = 125;

  /** The highest annual rate (interest or borrow fee) a run may ask for: 1000%. */
  public static final double MAX_ANNUAL_RATE = 10;

  private static final Margin NONE = new Margin(1, 0, 0, 0);

  public Margin {
    if (!(leverage >= 1 && leverage <= MAX_LEVERAGE)) {
      throw new IllegalArgumentException(
          "leverage must be between 1 and " + (int) MAX_LEVERAGE + ", got " + leverage);
    }
    if (!(maintenanceMargin >= 0 && maintenanceMargin < 1)) {
      throw new IllegalArgumentException(
          "maintenance margin is a fraction in [0, 1) of the position value, got "
              + maintenanceMargin);
    }
    if (maintenanceMargin > 0 && maintenanceMargin * leverage >= 1) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "a maintenance margin of %s with leverage %s would liquidate a full-size entry at"
                  + " once: keep it below 1 / leverage = %s",
              maintenanceMargin,
              leverage,
              1 / leverage));
    }
    requireRate("borrow rate", borrowRate);
    requireRate("short borrow fee", shortBorrowFee);
  }

  private static void requireRate(String name, double rate) {
    if (!(rate >= 0 && rate <= MAX_ANNUAL_RATE)) {
      throw new IllegalArgumentException(
          name + " is an annual fraction in [0, " + (int) MAX_ANNUAL_RATE + "], got " + rate);
    }
  }

  /** A cash account: no leverage, no maintenance margin, no interest, no borrow fee. */
  public static Margin none() {
    return NONE;
  }

  /** {@code leverage} with no maintenance margin and no charges. */
  public static Margin leverage(double leverage) {
    return new Margin(leverage, 0, 0, 0);
  }

  /** Whether anything differs from a cash account. */
  public boolean isNone() {
    return leverage == 1 && maintenanceMargin == 0 && borrowRate == 0 && shortBorrowFee == 0;
  }
}
