package com.tradingbacktest.engine.market;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The Korea Exchange's daily price limits (가격제한폭, docs/ENGINE.md "KRX rules"): a day trades within
 * a width of its base price (the previous close) on either side.
 *
 * <ul>
 *   <li>The rate: 15% until 2015-06-12, 30% from 2015-06-15 (KOSPI, KOSDAQ and ETFs: the limit was
 *       widened on that day); KONEX stays at 15%.
 *   <li>The width is the rate times the base price, truncated to the tick of the base price's band
 *       in the tick table of that day ({@link KrxTickTable}).
 *   <li>The upper limit is base + width rounded down to a valid price of its own band, the lower
 *       limit base - width rounded up to one (never below one tick).
 * </ul>
 *
 * Leveraged ETFs' multiplied limits, and the base price KRX sets on an ex-rights or ex-dividend
 * day, are not modelled: the base is the previous bar's close as given.
 */
public final class KrxPriceLimits {

  /** The first day of the ±30% limit on KOSPI and KOSDAQ. */
  public static final LocalDate WIDE_FROM = LocalDate.of(2015, 6, 15);

  private static final double EPSILON = 1e-9;

  private KrxPriceLimits() {}

  /**
   * A day's limits.
   *
   * @param lower the lowest price the day may trade at
   * @param upper the highest
   */
  public record Limits(double lower, double upper) {}

  /** The limit rate of {@code board} on {@code date}: 0.15 or 0.30. */
  public static double rate(Board board, LocalDate date) {
    Objects.requireNonNull(board, "board");
    if (board == Board.KONEX) {
      return 0.15;
    }
    return date.isBefore(WIDE_FROM) ? 0.15 : 0.30;
  }

  /**
   * The limits of a day on {@code board} whose base price (the previous close) is {@code base}.
   *
   * @throws IllegalArgumentException unless {@code base} is a finite price above 0
   */
  public static Limits of(Board board, LocalDate date, double base) {
    if (!(base > 0) || !Double.isFinite(base)) {
      throw new IllegalArgumentException("a base price is a finite price > 0, got " + base);
    }
    KrxTickTable table = KrxTickTable.of(board, date);
    double tick = table.tick(base);
    double width = Math.floor(base * rate(board, date) / tick + EPSILON) * tick;
    double upper = table.roundDown(base + width);
    double lower = table.roundUp(base - width);
    return new Limits(Math.max(lower, table.tick(0)), upper);
  }
}
