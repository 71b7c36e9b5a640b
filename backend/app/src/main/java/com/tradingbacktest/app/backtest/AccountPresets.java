package com.tradingbacktest.app.backtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The account each asset class trades in by default ({@code tb.account.presets.<name>}, README's
 * configuration table): how far a run may lever, the maintenance margin, interest on borrowed cash,
 * the fee for borrowing shares to short, perpetual funding and pyramiding. A request's account
 * fields start from its symbol's preset and may not go beyond it. Presets: {@code krx} (KRX cash
 * account), {@code us} (US margin account), {@code crypto-spot}, {@code crypto-futures}
 * (perpetuals, with the exchange's leverage tiers) and {@code other} (custom uploads).
 *
 * @param presets by name; every name above must be present
 */
@ConfigurationProperties("tb.account")
public record AccountPresets(Map<String, Preset> presets) {

  /** The preset names, in the order the docs list them. */
  public static final List<String> NAMES =
      List.of("krx", "us", "crypto-spot", "crypto-futures", "other");

  /** The most entries in one direction any preset may allow. */
  public static final int MAX_PYRAMIDING = 100;

  public AccountPresets {
    presets = presets == null ? Map.of() : Map.copyOf(presets);
    for (String name : NAMES) {
      if (!presets.containsKey(name)) {
        throw new IllegalArgumentException("tb.account.presets." + name + " is missing");
      }
    }
    presets.forEach((name, preset) -> preset.check("tb.account.presets." + name));
  }

  /** The preset named {@code name}, one of {@link #NAMES}. */
  public Preset get(String name) {
    Preset preset = presets.get(name);
    if (preset == null) {
      throw new IllegalArgumentException("no account preset " + name);
    }
    return preset;
  }

  /**
   * What one asset class's account allows and charges.
   *
   * @param maxLeverage the most gross position value per unit of equity at entry (1: a cash
   *     account)
   * @param maintenanceMargin the fraction of gross position value equity must stay above once the
   *     run levers (or trades a perpetual), where no tier says otherwise
   * @param borrowRate annual interest on borrowed cash (negative cash)
   * @param shortBorrowFee annual fee on the value of short positions, accrued per calendar day
   * @param fundingRate the fixed funding rate per interval charged on a perpetual without a stored
   *     series; 0: none
   * @param fundingInterval how often fixed funding is charged
   * @param maxPyramiding the most entries in one direction a run may ask for
   * @param tiers leverage tiers by position value (the exchange's), smallest first; empty: one tier
   *     of {@code maxLeverage} and {@code maintenanceMargin}
   */
  public record Preset(
      double maxLeverage,
      double maintenanceMargin,
      double borrowRate,
      double shortBorrowFee,
      double fundingRate,
      Duration fundingInterval,
      int maxPyramiding,
      List<Tier> tiers) {

    public Preset {
      fundingInterval = fundingInterval == null ? Duration.ofHours(8) : fundingInterval;
      maxPyramiding = maxPyramiding == 0 ? 1 : maxPyramiding;
      tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /**
     * The tier a run whose largest position is worth {@code positionValue} falls in: the first
     * whose {@code upTo} covers it, else the last.
     */
    public Tier tier(double positionValue) {
      if (tiers.isEmpty()) {
        return new Tier(0, maxLeverage, maintenanceMargin);
      }
      for (Tier tier : tiers) {
        if (tier.upTo() <= 0 || positionValue <= tier.upTo()) {
          return tier;
        }
      }
      return tiers.get(tiers.size() - 1);
    }

    /** The most leverage a run whose largest position is worth {@code positionValue} may use. */
    public double maxLeverageAt(double positionValue) {
      return Math.min(maxLeverage, tier(positionValue).maxLeverage());
    }

    private void check(String name) {
      if (!(maxLeverage >= 1) || maxLeverage > 125) {
        throw new IllegalArgumentException(name + ".max-leverage must be between 1 and 125");
      }
      fraction(name + ".maintenance-margin", maintenanceMargin);
      fraction(name + ".borrow-rate", borrowRate);
      fraction(name + ".short-borrow-fee", shortBorrowFee);
      if (!(Math.abs(fundingRate) < 0.1)) {
        throw new IllegalArgumentException(name + ".funding-rate must be between -0.1 and 0.1");
      }
      if (fundingInterval.compareTo(Duration.ofMinutes(1)) < 0
          || fundingInterval.compareTo(Duration.ofDays(7)) > 0) {
        throw new IllegalArgumentException(
            name + ".funding-interval must be between 1 minute and 7 days");
      }
      if (maxPyramiding < 1 || maxPyramiding > MAX_PYRAMIDING) {
        throw new IllegalArgumentException(
            name + ".max-pyramiding must be between 1 and " + MAX_PYRAMIDING);
      }
      double previous = 0;
      for (int i = 0; i < tiers.size(); i++) {
        Tier tier = tiers.get(i);
        String at = name + ".tiers[" + i + "]";
        if (!(tier.maxLeverage() >= 1)) {
          throw new IllegalArgumentException(at + ".max-leverage must be at least 1");
        }
        fraction(at + ".maintenance-margin", tier.maintenanceMargin());
        boolean last = i == tiers.size() - 1;
        if (!last && !(tier.upTo() > previous)) {
          throw new IllegalArgumentException(at + ".up-to must grow from tier to tier");
        }
        previous = tier.upTo();
      }
    }

    private static void fraction(String name, double value) {
      if (!(value >= 0 && value < 1)) {
        throw new IllegalArgumentException(name + " must be a fraction in [0, 1)");
      }
    }
  }

  /**
   * One leverage tier.
   *
   * @param upTo the largest position value (in the symbol's currency) of the tier; 0 on the last:
   *     any larger position
   * @param maxLeverage the most leverage in this tier
   * @param maintenanceMargin the tier's maintenance margin, a fraction of position value
   */
  public record Tier(double upTo, double maxLeverage, double maintenanceMargin) {}
}
