package com.tradingbacktest.app.strategy;

import java.time.Instant;
import java.util.List;

/**
 * One immutable version of a strategy: what an explicit save that changed its code made it.
 *
 * @param number 1, 2, ... per strategy, in the order they were made
 * @param name the strategy's name when it was made
 * @param code its source; null when read for a list
 * @param parameters the parameters the code declares
 * @param note what the saver said about it; null for none
 * @param restoredFrom the version whose content this one restored; null for an ordinary save
 */
record StrategyVersion(
    int number,
    String name,
    String code,
    List<StrategyParameter> parameters,
    String note,
    Integer restoredFrom,
    Instant createdAt) {}
