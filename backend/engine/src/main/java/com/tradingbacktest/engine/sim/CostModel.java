package com.tradingbacktest.engine.sim;

/**
 * What trading costs. Commission per fill = {@code max(commissionMinimum, commissionRate x value +
 * commissionFixed)}; on sells also {@code sellTaxRate x value}. Slippage moves market and stop
 * fills against the trader by {@code slippageRate} of the price plus {@code slippageTicks x
 * tickSize} (under KRX rules the tick of the price's band in the dated tick table instead, see
 * {@link #slippedBuy(double, double)}); limit fills (limit entries, take-profit) get their limit
 * price.
 *
 * <p>Two more parts, both absent unless set (so a model without them prices every fill exactly as
 * before they existed): a <b>per-share fee</b> added to the commission, {@code min(perShareFee x
 * quantity, perShareFeeCap)} per fill, on sells only or on both sides; and a <b>dated sell-fee
 * schedule</b> ({@link SellFeeSchedule}) added to the tax of each sell at the rates in effect on
 * the fill's own date (the US SEC Section 31 fee and FINRA Trading Activity Fee, see {@link
 * UsSellFees}).
 *
 * @param commissionRate fraction of the fill's value (0.00015 = 0.015%)
 * @param commissionFixed cash per fill
 * @param commissionMinimum the least commission of a fill, in cash
 * @param sellTaxRate fraction of a sell's value (securities transaction tax)
 * @param slippageRate fraction of the price
 * @param slippageTicks whole ticks
 * @param tickSize the price step, for tick slippage
 * @param perShareFee cash per unit filled, part of the commission (0 for none)
 * @param perShareFeeCap the most the per-share fee of one fill can cost, in cash ({@code
 *     Double.POSITIVE_INFINITY} for no cap)
 * @param perShareFeeOnBuys whether buys pay the per-share fee too (sells always do)
 * @param sellFees fees on sells by date (never null; {@link SellFeeSchedule#none()} for none)
 */
public record CostModel(
    double commissionRate,
    double commissionFixed,
    double commissionMinimum,
    double sellTaxRate,
    double slippageRate,
    double slippageTicks,
    double tickSize,
    double perShareFee,
    double perShareFeeCap,
    boolean perShareFeeOnBuys,
    SellFeeSchedule sellFees) {

  /** A model without a per-share fee or dated sell fees. */
  public CostModel(
      double commissionRate,
      double commissionFixed,
      double commissionMinimum,
      double sellTaxRate,
      double slippageRate,
      double slippageTicks,
      double tickSize) {
    this(
        commissionRate,
        commissionFixed,
        commissionMinimum,
        sellTaxRate,
        slippageRate,
        slippageTicks,
        tickSize,
        0,
        Double.POSITIVE_INFINITY,
        false,
        SellFeeSchedule.none());
  }

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
    requireFiniteNonNegative(perShareFee, "per-share fee");
    if (Double.isNaN(perShareFeeCap) || perShareFeeCap < 0) {
      throw new IllegalArgumentException("per-share fee cap must be >= 0, got " + perShareFeeCap);
    }
    if (sellFees == null) {
      throw new IllegalArgumentException("sell fees must not be null: use SellFeeSchedule.none()");
    }
  }

  /** The same model with another tick size (the symbol's). */
  public CostModel withTickSize(double tick) {
    return new CostModel(
        commissionRate,
        commissionFixed,
        commissionMinimum,
        sellTaxRate,
        slippageRate,
        slippageTicks,
        tick,
        perShareFee,
        perShareFeeCap,
        perShareFeeOnBuys,
        sellFees);
  }

  /**
   * The same model with a per-share fee: {@code fee} cash per unit, at most {@code cap} per fill
   * ({@code Double.POSITIVE_INFINITY} for no cap), on sells and, when {@code onBuys}, on buys.
   */
  public CostModel withPerShareFee(double fee, double cap, boolean onBuys) {
    return new CostModel(
        commissionRate,
        commissionFixed,
        commissionMinimum,
        sellTaxRate,
        slippageRate,
        slippageTicks,
        tickSize,
        fee,
        cap,
        onBuys,
        sellFees);
  }

  /** Whether fills cost more than their value-proportional parts (a per-share or dated fee). */
  public boolean hasPerFillFees() {
    return perShareFee > 0 || !sellFees.isEmpty();
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

  /**
   * US stocks at a zero-commission broker: no commission, the SEC Section 31 fee and the FINRA
   * Trading Activity Fee on sells at the rates of each fill's date ({@link UsSellFees}), and {@link
   * UsSellFees#SPREAD_SLIPPAGE} of the price as slippage on market and stop fills (half a typical
   * quoted spread of a liquid large cap, paid on each side).
   */
  public static CostModel usStock() {
    return new CostModel(
        0,
        0,
        0,
        0,
        UsSellFees.SPREAD_SLIPPAGE,
        0,
        0.01,
        0,
        Double.POSITIVE_INFINITY,
        false,
        UsSellFees.schedule());
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

  /**
   * Commission of a fill of this value and size: {@link #commissionOn(double)} plus the per-share
   * fee (capped) when it applies to this side. Without a per-share fee it is exactly {@code
   * commissionOn(value)}.
   */
  public double commissionOn(double value, double quantity, boolean sell) {
    double commission = commissionOn(value);
    if (perShareFee > 0 && (sell || perShareFeeOnBuys)) {
      commission += Math.min(perShareFee * quantity, perShareFeeCap);
    }
    return commission;
  }

  /** The sell tax of a fill (0 for a buy), without dated fees. */
  public double taxOn(double value, boolean sell) {
    return sell ? sellTaxRate * value : 0;
  }

  /**
   * Tax and regulatory fees of a fill at {@code time} (epoch milliseconds): the sell tax plus the
   * dated sell fees in effect on that date; 0 for a buy. Without dated fees it is exactly {@code
   * taxOn(value, sell)}.
   */
  public double taxOn(double value, double quantity, boolean sell, long time) {
    double tax = taxOn(value, sell);
    return sell && !sellFees.isEmpty() ? tax + sellFees.feeOn(value, quantity, time) : tax;
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
