package com.tradingbacktest.app.strategy;

import java.util.UUID;

/**
 * A strategy as other features see it (a backtest runs its code).
 *
 * @param id the strategy
 * @param ownerId who owns it
 * @param name its name at the time of reading
 * @param code the source of its current version, which compiled when it was saved
 * @param version the number of that version; null for code that is no saved strategy's
 */
public record StrategySource(UUID id, UUID ownerId, String name, String code, Integer version) {

  /** Code without a version: an unsaved preview's, or a stored run's repeated as it was. */
  public StrategySource(UUID id, UUID ownerId, String name, String code) {
    this(id, ownerId, name, code, null);
  }
}
