package com.tradingbacktest.app.strategy;

import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.StrategyCompiler;
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

  /**
   * The strategy if {@code userId} may read it; empty when it is missing or someone else's private
   * one.
   */
  @Transactional(readOnly = true)
  public Optional<StrategySource> findReadable(UUID userId, UUID strategyId) {
    return strategies
        .findReadable(strategyId, userId)
        .map(s -> new StrategySource(s.getId(), s.ownerId(), s.name(), s.code()));
  }

  /**
   * Compiles code that is about to run. Saved code compiled when it was saved, but the language may
   * have changed since; then the client gets the same 422 {@code invalid-strategy} as when saving.
   */
  public CompiledStrategy compile(String code) {
    StrategyCompiler.Compilation compilation = StrategyCompiler.compile(code);
    if (!compilation.ok()) {
      throw new InvalidStrategy(StrategyCodeError.of(compilation.errors()));
    }
    return compilation.strategy();
  }
}
