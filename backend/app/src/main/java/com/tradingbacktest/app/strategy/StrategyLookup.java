package com.tradingbacktest.app.strategy;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How other features read strategies, under the API's rule: your own, or anyone's public one. */
@Service
public class StrategyLookup {

  private final StrategyRepository strategies;

  StrategyLookup(StrategyRepository strategies) {
    this.strategies = strategies;
  }

  /** The strategy if {@code userId} may read it; empty when it is missing or someone else's private one. */
  @Transactional(readOnly = true)
  public Optional<StrategySource> findReadable(UUID userId, UUID strategyId) {
    return strategies.findReadable(strategyId, userId)
        .map(s -> new StrategySource(s.getId(), s.ownerId(), s.name(), s.code()));
  }
}
