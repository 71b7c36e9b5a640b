package com.tradingbacktest.app.marketdata;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Eight made-up stocks and funds with ten years of daily bars, for trying portfolio strategies on a
 * fresh install without network: no real multi-symbol daily history that ships in a dependency may
 * be redistributed here, so these are generated, and say so in their tickers ({@code SYN-}), names
 * and source ({@code synthetic}).
 *
 * <p>Each day's log return is a one-factor model: {@code drift + beta * market + sector + own
 * noise}, with a market volatility that clusters (its log follows an AR(1)), so sectors correlate
 * (the two tech names most), bonds lean against stocks, gold stands apart, and calm years alternate
 * with rough ones. Momentum, inverse-volatility and equal-weight rules therefore pick differently.
 * A fixed seed and {@link Random}'s specified algorithm make every JVM produce the same bars, bit
 * for bit.
 */
final class SyntheticUniverse {

  static final String SOURCE = "synthetic";
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 2);
  static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);

  private static final long SEED = 12;
  private static final double DAYS_PER_YEAR = 252;
  private static final double MARKET_VOL = 0.16;
  private static final double TECH_SECTOR_VOL = 0.15;

  /** The market volatility's log moves by this much a day and reverts at 2% a day. */
  private static final double REGIME_NOISE = 0.06;

  /**
   * The stationary variance of that log: subtracting it keeps the average market variance at {@link
   * #MARKET_VOL} squared, so the clustering adds rough years without making all years rough.
   */
  private static final double REGIME_VARIANCE = REGIME_NOISE * REGIME_NOISE / (1 - 0.98 * 0.98);

  /**
   * One generated symbol.
   *
   * @param drift annual log drift
   * @param beta exposure to the market factor
   * @param techSector exposure to the tech sector factor
   * @param ownVol annual volatility of its own noise
   */
  record Spec(
      String ticker,
      String name,
      String assetClass,
      double drift,
      double beta,
      double techSector,
      double ownVol,
      double firstPrice,
      double typicalVolume) {}

  static final List<Spec> SPECS =
      List.of(
          spec("SYN-TECH", "software", "stock", 0.12, 1.2, 1.0, 0.15, 100, 2_000_000),
          spec("SYN-CHIP", "semiconductors", "stock", 0.14, 1.5, 1.2, 0.25, 50, 3_000_000),
          spec("SYN-BANK", "banks", "stock", 0.06, 1.1, 0, 0.18, 40, 1_500_000),
          spec("SYN-ENERGY", "energy", "stock", 0.03, 0.9, 0, 0.28, 60, 1_200_000),
          spec("SYN-HEALTH", "health care", "stock", 0.08, 0.7, 0, 0.16, 80, 900_000),
          spec("SYN-STAPLE", "consumer staples", "stock", 0.06, 0.5, 0, 0.10, 30, 700_000),
          spec("SYN-BOND", "government bond fund", "etf", 0.025, -0.15, 0, 0.06, 100, 500_000),
          spec("SYN-GOLD", "gold fund", "etf", 0.04, 0.05, 0, 0.14, 120, 400_000));

  /** The bars of one symbol, oldest first; times are midnight New York time in epoch ms. */
  record Series(
      Spec spec,
      long[] times,
      double[] open,
      double[] high,
      double[] low,
      double[] close,
      double[] volume) {}

  private SyntheticUniverse() {}

  private static Spec spec(
      String ticker,
      String sector,
      String assetClass,
      double drift,
      double beta,
      double techSector,
      double ownVol,
      double firstPrice,
      double typicalVolume) {
    return new Spec(
        ticker,
        "SYNTHETIC " + sector + " (generated data, not a real security)",
        assetClass,
        drift,
        beta,
        techSector,
        ownVol,
        firstPrice,
        typicalVolume);
  }

  /** The trading days: weekdays but New Year's Day and Christmas. */
  static List<LocalDate> days() {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = FIRST_DAY; !d.isAfter(LAST_DAY); d = d.plusDays(1)) {
      boolean weekend =
          d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      MonthDay md = MonthDay.from(d);
      if (!weekend && !md.equals(MonthDay.of(1, 1)) && !md.equals(MonthDay.of(12, 25))) {
        days.add(d);
      }
    }
    return days;
  }

  /** Every symbol's bars, in the order of {@link #SPECS}; the same on every call. */
  static List<Series> generate() {
    List<LocalDate> days = days();
    int n = days.size();
    int k = SPECS.size();
    long[] times = new long[n];
    for (int t = 0; t < n; t++) {
      times[t] = days.get(t).atStartOfDay(ZONE).toInstant().toEpochMilli();
    }
    double[][] open = new double[k][n];
    double[][] high = new double[k][n];
    double[][] low = new double[k][n];
    double[][] close = new double[k][n];
    double[][] volume = new double[k][n];
    double[] last = new double[k];
    for (int i = 0; i < k; i++) {
      last[i] = SPECS.get(i).firstPrice();
    }
    Random random = new Random(SEED);
    double sqrtYear = Math.sqrt(DAYS_PER_YEAR);
    double logVolState = 0;
    for (int t = 0; t < n; t++) {
      logVolState = 0.98 * logVolState + REGIME_NOISE * random.nextGaussian();
      double regime = Math.exp(logVolState - REGIME_VARIANCE);
      double market = MARKET_VOL / sqrtYear * regime * random.nextGaussian();
      double tech = TECH_SECTOR_VOL / sqrtYear * random.nextGaussian();
      for (int i = 0; i < k; i++) {
        Spec s = SPECS.get(i);
        double ownDaily = s.ownVol() / sqrtYear;
        double dailyVol =
            Math.sqrt(
                Math.pow(s.beta() * MARKET_VOL * regime, 2) / DAYS_PER_YEAR
                    + Math.pow(s.techSector() * TECH_SECTOR_VOL, 2) / DAYS_PER_YEAR
                    + ownDaily * ownDaily);
        double logReturn =
            s.drift() / DAYS_PER_YEAR
                + s.beta() * market
                + s.techSector() * tech
                + ownDaily * random.nextGaussian();
        double o = cents(last[i] * Math.exp(0.25 * dailyVol * random.nextGaussian()));
        double c = cents(last[i] * Math.exp(logReturn));
        double h =
            cents(Math.max(o, c) * Math.exp(0.5 * dailyVol * Math.abs(random.nextGaussian())));
        double l =
            cents(Math.min(o, c) * Math.exp(-0.5 * dailyVol * Math.abs(random.nextGaussian())));
        open[i][t] = o;
        close[i][t] = c;
        high[i][t] = Math.max(h, Math.max(o, c));
        low[i][t] = Math.min(l, Math.min(o, c));
        double surprise = Math.abs(logReturn) / dailyVol;
        volume[i][t] =
            Math.rint(s.typicalVolume() * Math.exp(0.3 * random.nextGaussian() + 0.2 * surprise));
        last[i] = c;
      }
    }
    List<Series> series = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      series.add(
          new Series(SPECS.get(i), times.clone(), open[i], high[i], low[i], close[i], volume[i]));
    }
    return series;
  }

  /** A price on the cent grid (the symbols' tick), never below one cent. */
  private static double cents(double price) {
    return Math.max(0.01, Math.rint(price * 100) / 100);
  }
}
