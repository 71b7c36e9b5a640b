package com.tradingbacktest.app.universe;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What other features (portfolio runs) may ask of universes: the tickers of one the caller may read
 * (their own or a shared one).
 */
@Component
public class UniverseLookup {

  private final UniverseService universes;

  UniverseLookup(UniverseService universes) {
    this.universes = universes;
  }

  /**
   * The universe's tickers in their stored order (1-500, valid, no repeats).
   *
   * @throws com.tradingbacktest.app.common.error.NotFoundException when there is no such universe
   *     or it is someone else's own
   */
  public List<String> symbols(UUID userId, UUID universeId) {
    return universes.symbols(userId, universeId);
  }
}
