package com.tradingbacktest.engine.market;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The Korea Exchange's tick table (호가가격단위) of a board on a date: the price step of each price band,
 * and the rounding of a price to a valid one (docs/ENGINE.md, "KRX rules", which cites the rules
 * this follows).
 *
 * <ul>
 *   <li>KOSPI until 2023-01-24: below 1,000 KRW 1; below 5,000 5; below 10,000 10; below 50,000 50;
 *       below 100,000 100; below 500,000 500; from 500,000 1,000.
 *   <li>KOSDAQ and KONEX until 2023-01-24: below 1,000 1; below 5,000 5; below 10,000 10; below
 *       50,000 50; from 50,000 100.
 *   <li>KOSPI, KOSDAQ and KONEX from 2023-01-25 (one table): below 2,000 1; below 5,000 5; below
 *       20,000 10; below 50,000 50; below 200,000 100; below 500,000 500; from 500,000 1,000.
 *   <li>ETF (and ETN) at every date: 5 at every price.
 * </ul>
 *
 * A price belongs to the band whose lower bound it reaches; every band bound is a multiple of the
 * ticks on both its sides, so rounding within a band always lands on a valid price. Prices are in
 * KRW as traded: adjusted prices of earlier dates (divided by a later split) fall in the bands of
 * their adjusted value, an approximation the docs state.
 */
public final class KrxTickTable {

  /** The first trading day of the unified table (the KRX tick-size reform of 2023-01-25). */
  public static final LocalDate UNIFIED_FROM = LocalDate.of(2023, 1, 25);

  // Lower bounds (ascending) and the tick from each bound up to the next.
  private static final KrxTickTable KOSPI_UNTIL_2023 =
      new KrxTickTable(
          new double[] {0, 1_000, 5_000, 10_000, 50_000, 100_000, 500_000},
          new double[] {1, 5, 10, 50, 100, 500, 1_000});
  private static final KrxTickTable KOSDAQ_UNTIL_2023 =
      new KrxTickTable(
          new double[] {0, 1_000, 5_000, 10_000, 50_000}, new double[] {1, 5, 10, 50, 100});
  private static final KrxTickTable UNIFIED =
      new KrxTickTable(
          new double[] {0, 2_000, 5_000, 20_000, 50_000, 200_000, 500_000},
          new double[] {1, 5, 10, 50, 100, 500, 1_000});
  private static final KrxTickTable FUNDS = new KrxTickTable(new double[] {0}, new double[] {5});

  /**
   * A rounding quotient within this much of a whole number is that number: prices computed in
   * doubles (10,050 as 10049.999999999998) must not round a whole tick away.
   */
  private static final double EPSILON = 1e-9;

  private final double[] from;
  private final double[] ticks;

  private KrxTickTable(double[] from, double[] ticks) {
    this.from = from;
    this.ticks = ticks;
  }

  /** The table of {@code board} in force on {@code date}. */
  public static KrxTickTable of(Board board, LocalDate date) {
    Objects.requireNonNull(board, "board");
    Objects.requireNonNull(date, "date");
    boolean unified = !date.isBefore(UNIFIED_FROM);
    return switch (board) {
      case ETF -> FUNDS;
      case KOSPI -> unified ? UNIFIED : KOSPI_UNTIL_2023;
      case KOSDAQ, KONEX -> unified ? UNIFIED : KOSDAQ_UNTIL_2023;
    };
  }

  /** The tick of {@code price} on {@code board} on {@code date}. */
  public static double tick(Board board, LocalDate date, double price) {
    return of(board, date).tick(price);
  }

  /**
   * The tick of the band {@code price} falls in (the lowest band's for prices below 0 or NaN's
   * never: NaN gives NaN).
   */
  public double tick(double price) {
    if (Double.isNaN(price)) {
      return Double.NaN;
    }
    int band = 0;
    while (band + 1 < from.length && price >= from[band + 1]) {
      band++;
    }
    return ticks[band];
  }

  /** The highest valid price at or below {@code price} (NaN stays NaN). */
  public double roundDown(double price) {
    double tick = tick(price);
    double steps = Math.floor(price / tick + EPSILON);
    return steps * tick;
  }

  /** The lowest valid price at or above {@code price} (NaN stays NaN). */
  public double roundUp(double price) {
    double tick = tick(price);
    double steps = Math.ceil(price / tick - EPSILON);
    return steps * tick;
  }

  /** Whether {@code price} is a valid price of this table. */
  public boolean isValid(double price) {
    return price > 0 && roundDown(price) == price;
  }
}
