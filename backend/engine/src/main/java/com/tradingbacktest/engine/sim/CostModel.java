package com.tradingbacktest.engine.sim;

/**
 * What trading costs. Commission per fill = {@code max(commissionMinimum, commissionRate x value +
 * commissionFixed)}; on sells also {@code sellTaxRate x value}. Slippage moves market and stop
 * fills against the trader by {@code slippageRate} of the price plus {@code slippageTicks x
 * tickSize} (under KRX rules the tick of the price's band in the dated tick table instead, see
 * {@link #slippedBuy(double, double)}); limit fills (limit entries, take-profit) get their limit
 * price.
 *
 * @param commissionRate fraction of the fill's value (0.00015 = 0.015%)
 * @param commissionFixed cash per fill
 * @param commissionMinimum the least commission of a fill, in cash
 * @param sellTaxRate fraction of a sell's value (securities transaction tax)
 * @param slippageRate fraction of the price
 * @param slippageTicks whole ticks
 * @param tickSize the price step, for tick slippage
 */
public record CostModel(
    double commissionRate,
    double commissionFixed,
    double commissionMinimum,
    double sellTaxRate,
    double slippageRate,
    double slippageTicks,
    double tickSize) {

  public CostModel {
    requireFiniteNonNegative(commissionRate, "commission rate");
    requireFiniteNonNegative(commissionFixed, "fixed commission");
    requireFiniteNonNegative(commissionMinimum, "minimum commission");
    requireFiniteNonNegative(sellTaxRate, "sell tax rate");
    requireFiniteNonNegative(slippageRate, "slippage rate");
    requireFiniteNonNegative(slippageTicks, "slippage ticks");
    requireFiniteNonNegative(tickSize, "tick size");
    if (commissionRate >= 1 || sellTaxRate >= 1 || slippageRate >= 1) {
      throw new IllegalArgumentException("rates are fractions: 0.001 means 0.1%");
    }
  }

  /** No costs at all. */
  public static CostModel none() {
    return new CostModel(0, 0, 0, 0, 0, 0, 0);
  }

  /** A commission as a fraction of each fill's value, nothing else (backtesting.py's model). */
  public static CostModel ofCommissionRate(double rate) {
    return new CostModel(rate, 0, 0, 0, 0, 0, 0);
  }

  /**
   * KRX (KOSPI/KOSDAQ) stocks, rates in force since 2026-01-01: broker commission 0.015% per fill
   * (a typical online rate), and on sells 0.20% tax: KOSPI 0.05% securities transaction tax plus
   * 0.15% special tax for rural development; KOSDAQ 0.20% securities transaction tax (Securities
   * Transaction Tax Act enforcement decree as amended in the 2025 tax revision). Tick slippage uses
   * 1 KRW.
   */
  public static CostModel krxStock() {
    return new CostModel(0.00015, 0, 0, 0.0020, 0, 0, 1);
  }

  /** US stocks at a zero-commission broker; regulatory sell fees are negligible and left out. */
  public static CostModel usStock() {
    return new CostModel(0, 0, 0, 0, 0, 0, 0.01);
  }

  /** Upbit KRW market: 0.05% of each fill. */
  public static CostModel upbit() {
    return new CostModel(0.0005, 0, 0, 0, 0, 0, 0);
  }

  /** Binance spot, regular tier without BNB discount: 0.1% of each fill. */
  public static CostModel binanceSpot() {
    return new CostModel(0.001, 0, 0, 0, 0, 0, 0);
  }

  /** A named preset: {@code none, krx, us, upbit, binance}. */
  public static CostModel preset(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "none" -> none();
      case "krx", "krx_stock" -> krxStock();
      case "us", "us_stock" -> usStock();
      case "upbit" -> upbit();
      case "binance", "binance_spot" -> binanceSpot();
      default ->
          throw new IllegalArgumentException(
              "Unknown cost preset '" + name + "': use none, krx, us, upbit or binance");
    };
  }

  /** Commission of a fill of this value (> 0). */
  public double commissionOn(double value) {
    return Math.max(commissionMinimum, commissionRate * value + commissionFixed);
  }

  public double taxOn(double value, boolean sell) {
    return sell ? sellTaxRate * value : 0;
  }

  /** The price a market or stop buy at {@code price} actually pays. */
  public double slippedBuy(double price) {
    return slippedBuy(price, tickSize);
  }

  /** The price a market or stop sell at {@code price} actually gets (never below one tick). */
  public double slippedSell(double price) {
    return slippedSell(price, tickSize);
  }

  /**
   * {@link #slippedBuy(double)} with the tick of {@code price}'s band (an exchange's tick table,
   * e.g. KRX's) in place of the fixed {@code tickSize}.
   */
  public double slippedBuy(double price, double tick) {
    return price * (1 + slippageRate) + slippageTicks * tick;
  }

  /** {@link #slippedSell(double)} with the tick of {@code price}'s band. */
  public double slippedSell(double price, double tick) {
    double slipped = price * (1 - slippageRate) - slippageTicks * tick;
    return slipped > 0 ? slipped : price;
  }

  private static void requireFiniteNonNegative(double v, String name) {
    if (!Double.isFinite(v) || v < 0) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + v);
    }
  }
}
