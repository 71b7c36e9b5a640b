package com.tradingbacktest.engine.portfolio;

import java.util.Locale;
import java.util.Objects;

/**
 * When a portfolio trades towards its target weights. Shared by the strategy language (a strategy's
 * {@code rebalance} setting), the request and CLI (which override the code's) and the portfolio
 * engine, so all three speak of the same schedules.
 *
 * <p>A calendar schedule decides at the close of the first bar of each period (and of the very
 * first bar), in the portfolio's time zone; {@link Frequency#DRIFT} decides at any close where a
 * held weight has moved more than {@code driftBand} (absolute, e.g. 0.05 = five percentage points)
 * from its target.
 *
 * @param frequency the schedule
 * @param driftBand the band for {@link Frequency#DRIFT} (in (0, 1)); 0 for the calendar schedules
 */
public record Rebalance(Frequency frequency, double driftBand) {

  /** The schedules a strategy or request may name. */
  public enum Frequency {
    EVERY_BAR("every_bar"),
    WEEKLY("weekly"),
    MONTHLY("monthly"),
    QUARTERLY("quarterly"),
    DRIFT("drift");

    private final String code;

    Frequency(String code) {
      this.code = code;
    }

    /** The name used in code, requests and the CLI. */
    public String code() {
      return code;
    }
  }

  public static final Rebalance MONTHLY = new Rebalance(Frequency.MONTHLY, 0);

  public Rebalance {
    Objects.requireNonNull(frequency, "frequency");
    if (frequency == Frequency.DRIFT) {
      if (!(driftBand > 0 && driftBand < 1)) {
        throw new IllegalArgumentException("drift band must be in (0, 1), got " + driftBand);
      }
    } else if (driftBand != 0) {
      throw new IllegalArgumentException("a drift band applies to the drift schedule only");
    }
  }

  /**
   * Reads {@code every_bar}, {@code weekly}, {@code monthly}, {@code quarterly}, or {@code drift:B}
   * with B the band as a fraction (e.g. {@code drift:0.05}).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Rebalance parse(String text) {
    String value = Objects.requireNonNull(text, "text").trim().toLowerCase(Locale.ROOT);
    if (value.startsWith(Frequency.DRIFT.code() + ":")) {
      String band = value.substring(Frequency.DRIFT.code().length() + 1);
      try {
        return new Rebalance(Frequency.DRIFT, Double.parseDouble(band));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("drift band must be a number, got '" + band + "'", e);
      }
    }
    for (Frequency f : Frequency.values()) {
      if (f != Frequency.DRIFT && f.code().equals(value)) {
        return new Rebalance(f, 0);
      }
    }
    throw new IllegalArgumentException(
        "rebalance must be every_bar, weekly, monthly, quarterly or drift:<band>, got '"
            + text
            + "'");
  }

  /** The text {@link #parse} reads back. */
  @Override
  public String toString() {
    return frequency == Frequency.DRIFT
        ? Frequency.DRIFT.code() + ":" + driftBand
        : frequency.code();
  }
}
