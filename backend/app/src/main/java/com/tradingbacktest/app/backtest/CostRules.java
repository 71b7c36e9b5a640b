package com.tradingbacktest.app.backtest;

import com.tradingbacktest.engine.sim.CostModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules explicit trading costs follow wherever they are given: a run's request and the default
 * costs of a user's profile, which a run later sends as its own. A rate is a fraction below 1,
 * every value finite and at least 0, a cash commission at most {@link #MAX_CASH}, slippage at most
 * {@link #MAX_SLIPPAGE_TICKS} ticks.
 */
public final class CostRules {

  /** The cost presets by name, as a run request names them. */
  public static final List<String> PRESETS = List.of("none", "krx", "us", "upbit", "binance");

  /** The most a cash amount (a fixed or minimum commission) may be. */
  public static final double MAX_CASH = 1e15;

  /** The most ticks of slippage per fill. */
  public static final double MAX_SLIPPAGE_TICKS = 10_000;

  private CostRules() {}

  /**
   * Every broken rule of these costs, by field under {@code prefix} ({@code default_costs.preset},
   * ...); empty when they are valid. Null values are the preset's (or none's, without a preset).
   */
  public static Map<String, String> check(
      String prefix,
      String preset,
      Double commissionRate,
      Double commissionFixed,
      Double commissionMinimum,
      Double sellTaxRate,
      Double slippageRate,
      Double slippageTicks) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (preset != null && !PRESETS.contains(preset)) {
      errors.put(prefix + ".preset", "must be none, krx, us, upbit or binance");
    }
    rate(errors, prefix + ".commission_rate", commissionRate);
    amount(errors, prefix + ".commission_fixed", commissionFixed, MAX_CASH, "1e15");
    amount(errors, prefix + ".commission_minimum", commissionMinimum, MAX_CASH, "1e15");
    rate(errors, prefix + ".sell_tax_rate", sellTaxRate);
    rate(errors, prefix + ".slippage_rate", slippageRate);
    amount(errors, prefix + ".slippage_ticks", slippageTicks, MAX_SLIPPAGE_TICKS, "10000");
    if (errors.isEmpty()) {
      CostModel base = CostModel.preset(preset == null ? "none" : preset);
      try {
        new CostModel(
            or(commissionRate, base.commissionRate()),
            or(commissionFixed, base.commissionFixed()),
            or(commissionMinimum, base.commissionMinimum()),
            or(sellTaxRate, base.sellTaxRate()),
            or(slippageRate, base.slippageRate()),
            or(slippageTicks, base.slippageTicks()),
            base.tickSize());
      } catch (IllegalArgumentException e) {
        errors.put(prefix, e.getMessage());
      }
    }
    return errors;
  }

  private static void rate(Map<String, String> errors, String field, Double value) {
    if (value != null && !(value >= 0 && value < 1)) {
      errors.put(field, "must be a fraction from 0 to below 1 (0.001 means 0.1%)");
    }
  }

  private static void amount(
      Map<String, String> errors, String field, Double value, double max, String maxText) {
    if (value != null && !(value >= 0 && value <= max)) {
      errors.put(field, "must be from 0 to " + maxText);
    }
  }

  private static double or(Double given, double fallback) {
    return given == null ? fallback : given;
  }
}
