package com.tradingbacktest.engine.sim;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The US regulatory fees a retail seller of stocks pays through a commission-free broker, by the
 * date they took effect: the SEC Section 31 fee (dollars per million of sale value, set by the
 * SEC's fee rate advisories and orders for each fiscal year) and FINRA's Trading Activity Fee on
 * covered equity sales (per share, capped per trade; FINRA By-Laws, Schedule A, Section 1). Buys
 * pay neither. docs/ENGINE.md lists every row with its source and says which dates could not be
 * confirmed.
 *
 * <p>Brokers round each fee up to the cent on the confirmation; the engine charges the exact
 * amount.
 */
public final class UsSellFees {

  /**
   * Slippage of the US preset, a fraction of the price on each market or stop fill: 2 basis points,
   * half the few-basis-point quoted spread of a liquid large cap, so a round trip pays about one
   * spread.
   */
  public static final double SPREAD_SLIPPAGE = 0.0002;

  /** The zone the effective dates are read in: the US exchanges' own. */
  public static final ZoneId ZONE = ZoneId.of("America/New_York");

  /** The rows of the two fee tables take effect from this date when their start is not known. */
  private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  /**
   * A Section 31 rate.
   *
   * @param from the first trade date it applies to
   * @param dollarsPerMillion dollars per million dollars of sale value
   */
  record SecRate(LocalDate from, double dollarsPerMillion) {}

  /**
   * A Trading Activity Fee rate for covered equity securities.
   *
   * @param from the first trade date it applies to
   * @param perShare dollars per share sold
   * @param cap dollars at most per trade
   */
  record TafRate(LocalDate from, double perShare, double cap) {}

  /** Section 31 rates, oldest first; sources in docs/ENGINE.md. */
  static final List<SecRate> SEC =
      List.of(
          new SecRate(EARLIEST, 11.00),
          new SecRate(LocalDate.of(2008, 4, 1), 5.60),
          new SecRate(LocalDate.of(2013, 10, 1), 17.40),
          new SecRate(LocalDate.of(2014, 3, 18), 22.10),
          new SecRate(LocalDate.of(2015, 10, 1), 21.80),
          new SecRate(LocalDate.of(2017, 10, 1), 23.10),
          new SecRate(LocalDate.of(2018, 5, 22), 13.00),
          new SecRate(LocalDate.of(2019, 10, 1), 20.70),
          new SecRate(LocalDate.of(2020, 2, 18), 22.10),
          new SecRate(LocalDate.of(2021, 2, 25), 5.10),
          new SecRate(LocalDate.of(2022, 5, 16), 22.90),
          new SecRate(LocalDate.of(2023, 2, 27), 8.00),
          new SecRate(LocalDate.of(2024, 5, 22), 27.80),
          new SecRate(LocalDate.of(2025, 5, 14), 0.00));

  /** Trading Activity Fee rates for covered equity sales, oldest first; sources in ENGINE.md. */
  static final List<TafRate> TAF =
      List.of(
          new TafRate(EARLIEST, 0.000075, 3.75),
          new TafRate(LocalDate.of(2011, 7, 1), 0.000090, 4.50),
          new TafRate(LocalDate.of(2012, 3, 1), 0.000095, 4.75),
          new TafRate(LocalDate.of(2013, 1, 1), 0.000119, 5.95),
          new TafRate(LocalDate.of(2022, 1, 1), 0.000130, 6.49),
          new TafRate(LocalDate.of(2023, 1, 1), 0.000145, 7.27),
          new TafRate(LocalDate.of(2024, 1, 1), 0.000166, 8.30));

  private static final SellFeeSchedule SCHEDULE = merge();

  private UsSellFees() {}

  /** Both fees as one schedule: a row wherever either changes, with the other's rate then. */
  public static SellFeeSchedule schedule() {
    return SCHEDULE;
  }

  private static SellFeeSchedule merge() {
    TreeSet<LocalDate> dates = new TreeSet<>();
    SEC.forEach(r -> dates.add(r.from()));
    TAF.forEach(r -> dates.add(r.from()));
    List<SellFeeSchedule.Row> rows = new ArrayList<>();
    for (LocalDate date : dates) {
      SecRate sec = SEC.stream().filter(r -> !r.from().isAfter(date)).reduce((a, b) -> b).get();
      TafRate taf = TAF.stream().filter(r -> !r.from().isAfter(date)).reduce((a, b) -> b).get();
      rows.add(
          new SellFeeSchedule.Row(
              date, sec.dollarsPerMillion() / 1_000_000, taf.perShare(), taf.cap()));
    }
    return SellFeeSchedule.of(ZONE, rows);
  }
}
