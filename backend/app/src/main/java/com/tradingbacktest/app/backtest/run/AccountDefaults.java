package com.tradingbacktest.app.backtest.run;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The account a run on one symbol starts from: its asset class preset's defaults and limits, for
 * the run form to show and check before sending.
 *
 * @param symbol the ticker
 * @param preset krx, us, crypto-spot, crypto-futures or other
 * @param perpetual whether the symbol is a perpetual futures contract (it has funding)
 * @param fundingSeries whether funding rates are stored for it
 * @param maxLeverage the most leverage the preset allows (crypto futures: also by tier)
 * @param maintenanceMargin the maintenance margin once a run levers (crypto futures: the first
 *     tier's; a larger position takes its tier's)
 * @param borrowRate annual interest on borrowed cash
 * @param shortBorrowFee annual fee on shorted value
 * @param funding the funding mode a run takes by default: series, fixed or none
 * @param fundingRate the preset's fixed rate per interval
 * @param fundingInterval hours between fixed funding charges
 * @param maxPyramiding the most entries in one direction
 * @param tiers leverage tiers by position value, smallest first; empty when the preset has none
 */
public record AccountDefaults(
    String symbol,
    String preset,
    boolean perpetual,
    boolean fundingSeries,
    double maxLeverage,
    double maintenanceMargin,
    double borrowRate,
    double shortBorrowFee,
    String funding,
    double fundingRate,
    int fundingInterval,
    int maxPyramiding,
    List<Tier> tiers) {

  /**
   * One leverage tier.
   *
   * @param upTo the largest position value of the tier; null on the last (anything larger)
   */
  public record Tier(
      @Schema(nullable = true) Double upTo, double maxLeverage, double maintenanceMargin) {}
}
