package com.tradingbacktest.app.strategy;

import java.util.UUID;

/**
 * A strategy as other features see it (a backtest runs its code).
 *
 * @param id the strategy
 * @param ownerId who owns it
 * @param name its name at the time of reading
 * @param code its source, which compiled when it was saved
 */
public record StrategySource(UUID id, UUID ownerId, String name, String code) {}
